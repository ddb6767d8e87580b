/**
 * The validator of each spec schema by JSON pointer: compiled ahead (generated/spec-validators.ts, Ajv's
 * standalone code, while it was made from the spec's current bytes), else compiled here on first use and
 * cached (the suite validates every response it sees).
 */
import type { ErrorObject, ValidateFunction } from "ajv/dist/2020.js";
import * as ahead from "../generated/spec-validators.js";
import { createSpecAjv, MAX_JSON_LENGTH } from "./spec-ajv-instance.js";
import { loadSpec, specId, specSha256 } from "./spec-document.js";

export interface SchemaIssue {
  /** JSON path of the offending value, e.g. `$.results.errors[0].code`. */
  path: string;
  expected: string;
  /** Short JSON of the received value (`undefined` when absent). */
  received: string;
  message: string;
}

/** What a validator of either kind offers: Ajv's standalone functions carry no `schema`. */
export type Validator = ((data: unknown) => boolean) & Pick<ValidateFunction, "errors">;

const compiledAhead = (): Readonly<Record<string, Validator>> =>
  ahead.specSha256 === specSha256() ? (ahead.validators as unknown as Record<string, Validator>) : {};

let precompiled: Readonly<Record<string, Validator>> | undefined;
let ajv: ReturnType<typeof createSpecAjv> | undefined;
const validators = new Map<string, Validator>();

/** The validator for the schema at `pointer` (`#/components/schemas/X`, `#/paths/...`). */
function validatorAt(pointer: string): Validator {
  let v = validators.get(pointer);
  if (!v) {
    precompiled ??= compiledAhead();
    v = Object.hasOwn(precompiled, pointer) ? precompiled[pointer] : compiledHere(pointer);
    validators.set(pointer, v);
  }
  return v;
}

/** Compiled in this process: a pointer not compiled ahead, or a spec edited since `npm run generate`. */
export function compiledHere(pointer: string): Validator {
  ajv ??= createSpecAjv(loadSpec());
  const v = ajv.getSchema(specId + pointer);
  if (!v) throw new Error(`No schema at ${pointer} in the spec`);
  return v;
}

/** Short JSON of a value for failure output. */
export function shortJson(value: unknown, max = 80): string {
  if (value === undefined) return "undefined";
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function jsonPath(instancePath: string): string {
  if (instancePath === "") return "$";
  return (
    "$" +
    instancePath
      .split("/")
      .slice(1)
      .map((raw) => {
        const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
        if (/^\d+$/.test(key)) return `[${key}]`;
        return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
      })
      .join("")
  );
}

function valueAt(root: unknown, instancePath: string): unknown {
  if (instancePath === "") return root;
  return instancePath
    .split("/")
    .slice(1)
    .reduce<unknown>((node, raw) => {
      const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
      return node !== null && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
    }, root);
}

function expectedText(e: ErrorObject): string {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case "required":
      return "a required property";
    case "type":
      return `type ${String(p.type)}`;
    case "enum":
      return `one of ${JSON.stringify(p.allowedValues)}`;
    case "const":
      return JSON.stringify(p.allowedValue);
    case "pattern":
      return `a string matching ${String(p.pattern)}`;
    case "format":
      return `format ${String(p.format)}`;
    case "minItems":
      return `at least ${String(p.limit)} item(s)`;
    case "maxItems":
      return `at most ${String(p.limit)} item(s)`;
    case "minLength":
      return `at least ${String(p.limit)} character(s)`;
    case "maxLength":
      return `at most ${String(p.limit)} character(s)`;
    case "additionalProperties":
      return "no additional properties";
    case MAX_JSON_LENGTH:
      return `JSON text of at most ${String(p.limit)} characters`;
    default:
      return `${e.keyword} ${JSON.stringify(p)}`;
  }
}

/** Turns Ajv errors into SchemaIssues (drops the `if`/`then` wrapper errors that only repeat the inner ones). */
export function toIssues(errors: ErrorObject[] | null | undefined, value: unknown): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const seen = new Set<string>();
  for (const e of errors ?? []) {
    if (e.keyword === "if") continue;
    let path = jsonPath(e.instancePath);
    let received = shortJson(valueAt(value, e.instancePath));
    if (e.keyword === "required") {
      const missing = String((e.params as { missingProperty: string }).missingProperty);
      path = jsonPath(`${e.instancePath}/${missing.replace(/~/g, "~0").replace(/\//g, "~1")}`);
      received = "undefined";
    } else if (e.keyword === "additionalProperties") {
      const extra = String((e.params as { additionalProperty: string }).additionalProperty);
      path = jsonPath(`${e.instancePath}/${extra.replace(/~/g, "~0").replace(/\//g, "~1")}`);
      received = shortJson(valueAt(value, `${e.instancePath}/${extra}`));
    }
    // Ajv words a missing property from the parent's view: keep its path in the message.
    const subject = e.keyword === "required" || e.keyword === "additionalProperties" ? jsonPath(e.instancePath) : path;
    const issue = { path, expected: expectedText(e), received, message: `${subject} ${e.message ?? "is invalid"}` };
    const key = `${issue.path}|${issue.expected}`;
    if (!seen.has(key)) {
      seen.add(key);
      issues.push(issue);
    }
  }
  return issues;
}

/** Validates `value` against the schema at `pointer`. */
export function validateAt(pointer: string, value: unknown): SchemaIssue[] {
  const v = validatorAt(pointer);
  return v(value) ? [] : toIssues(v.errors, value);
}
