/**
 * Reads openapi/services-v2.yaml (parsed once, cached) and resolves JSON pointers into it.
 * Kept free of generated/ imports so the generators can use it before generated/ exists: the parsed
 * copy in generated/services-v2.json is read as a file, and only when it was made from these bytes.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { packageRoot } from "./paths.js";
import { sha256Hex } from "./sha256.js";

export const specPath = join(packageRoot, "openapi", "services-v2.yaml");
/** The spec parsed ahead (npm run generate): JSON parses in about a millisecond, this YAML in a few hundred, in every worker. */
export const parsedSpecPath = join(packageRoot, "generated", "services-v2.json");
/** The `$id` the whole document gets in Ajv; schema pointers are resolved against it. */
export const specId = "https://conformance.invalid/openapi/services-v2.yaml";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
// biome-ignore lint/suspicious/noExplicitAny: a parsed YAML document, walked by JSON pointer
export type SpecDocument = Record<string, any>;

let cachedBytes: Buffer | undefined;
let cachedDoc: SpecDocument | undefined;

function specBytes(): Buffer {
  cachedBytes ??= readFileSync(specPath);
  return cachedBytes;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The YAML itself parsed, never the generated copy (the generator of that copy uses this). */
export function parseSpecYaml(): SpecDocument {
  // Required here, not imported: the yaml package costs a worker ~60 ms to load, and the parsed copy spares it.
  const { parse } = createRequire(import.meta.url)("yaml") as typeof import("yaml");
  return parse(specBytes().toString("utf8")) as SpecDocument;
}

/** The generated copy's document, if it was made from the spec's current bytes. */
function parsedAhead(): SpecDocument | undefined {
  try {
    const copy = JSON.parse(readFileSync(parsedSpecPath, "utf8")) as { sha256?: string; document?: SpecDocument };
    return copy.sha256 === specSha256() ? copy.document : undefined;
  } catch {
    return undefined; // not generated yet, or unreadable: parse the YAML
  }
}

/** The parsed spec, deep-frozen: it is shared by every caller in the process (vitest runs without isolation). */
export function loadSpec(): SpecDocument {
  cachedDoc ??= deepFreeze(parsedAhead() ?? parseSpecYaml());
  return cachedDoc;
}

/** Hex SHA-256 of the spec file's bytes (certification summaries record which contract judged). */
export function specSha256(): string {
  return sha256Hex(specBytes());
}

/** Escapes one JSON-pointer segment (RFC 6901). */
export function escapePointer(segment: string): string {
  return segment.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Resolves a local pointer such as `#/components/schemas/Transaction`; undefined when absent. */
export function resolvePointer(pointer: string, doc: SpecDocument = loadSpec()): unknown {
  const parts = pointer
    .replace(/^#\/?/, "")
    .split("/")
    .filter((p) => p !== "");
  let node: unknown = doc;
  for (const raw of parts) {
    const key = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/**
 * Follows `$ref`s of non-schema objects (responses, examples, parameters, request bodies) and
 * returns the object with the pointer where it actually lives.
 */
export function deref<T = Record<string, unknown>>(node: unknown, pointer: string): { node: T; pointer: string } {
  let current = node as Record<string, unknown> | undefined;
  let at = pointer;
  for (let hops = 0; current && typeof current.$ref === "string" && hops < 10; hops++) {
    at = current.$ref;
    current = resolvePointer(at) as Record<string, unknown> | undefined;
  }
  return { node: current as T, pointer: at };
}
