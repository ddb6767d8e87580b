/**
 * One Ajv2020 instance holding the whole spec under `specId`; validators are compiled lazily per
 * JSON pointer and cached (the suite validates every response it sees).
 */
import { _, Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { jsonTextLength } from "./json-length.js";
import { loadSpec, specId } from "./spec-document.js";

export interface SchemaIssue {
  /** JSON path of the offending value, e.g. `$.results.errors[0].code`. */
  path: string;
  expected: string;
  /** Short JSON of the received value (`undefined` when absent). */
  received: string;
  message: string;
}

// ajv-formats is CommonJS; under ESM its default export may arrive wrapped.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as typeof addFormatsModule;

/** OpenAPI's own keywords that Ajv's strict mode would reject. */
const OPENAPI_KEYWORDS = [
  "openapi",
  "info",
  "servers",
  "paths",
  "webhooks",
  "components",
  "tags",
  "externalDocs",
  "security",
  "jsonSchemaDialect",
  "example",
  "discriminator",
  "xml",
];

const MAX_JSON_LENGTH = "x-max-json-length";

let ajv: Ajv2020 | undefined;
const validators = new Map<string, ValidateFunction>();

function collectExtensionKeys(node: unknown, into: Set<string>): void {
  if (Array.isArray(node)) for (const v of node) collectExtensionKeys(v, into);
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k.startsWith("x-")) into.add(k);
      collectExtensionKeys(v, into);
    }
  }
}

function instance(): Ajv2020 {
  if (ajv) return ajv;
  const doc = loadSpec();
  const a = new Ajv2020({ strict: true, strictTypes: false, strictRequired: false, allErrors: true, validateFormats: true });
  addFormats(a);
  a.addFormat("binary", true); // OpenAPI annotation for file parts; nothing to check in JSON
  const extensions = new Set<string>();
  collectExtensionKeys(doc, extensions);
  // `x-max-json-length` is a rule, not an annotation (D5): the JSON text of the value is at most that long.
  extensions.delete(MAX_JSON_LENGTH);
  a.addVocabulary([...OPENAPI_KEYWORDS, ...extensions]);
  a.addKeyword({
    keyword: MAX_JSON_LENGTH,
    schemaType: "number",
    error: {
      message: (cxt) => `must be JSON text of at most ${String(cxt.schemaValue)} characters`,
      params: (cxt) => _`{limit: ${cxt.schemaCode}}`,
    },
    validate: (max: number, data: unknown) => jsonTextLength(data, max) <= max,
  });
  // A structured clone keeps Ajv's bookkeeping off the shared parsed document.
  a.addSchema({ ...structuredClone(doc), $id: specId });
  ajv = a;
  return a;
}

/** The validator for the schema at `pointer` (`#/components/schemas/X`, `#/paths/...`). */
export function validatorAt(pointer: string): ValidateFunction {
  let v = validators.get(pointer);
  if (!v) {
    v = instance().getSchema(specId + pointer);
    if (!v) throw new Error(`No schema at ${pointer} in the spec`);
    validators.set(pointer, v);
  }
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
