/**
 * Defines `createSpecAjv`, the one Ajv2020 setup that judges the spec's schemas, and `precompiledPointers`, the
 * schemas compiled ahead. Two users: scripts/generate/spec-validators.ts writes Ajv's standalone code of those
 * schemas into generated/spec-validators.ts (what every process and worker loads: ~10 ms instead of ~150 ms of
 * Ajv's module and compiler), and lib/spec-ajv.ts compiles here at run time what was not compiled ahead (a
 * pointer of its own, or a spec edited since `npm run generate`). Ajv is required on first use
 * (lib/ajv-standalone.ts), so a worker that needs nothing else never loads it.
 */
import type { Ajv2020, CodeOptions, KeywordCxt } from "ajv/dist/2020.js";
import { newAjv } from "./ajv-standalone.js";
import { jsonTextLength } from "./json-length.js";
import { escapePointer, type SpecDocument, specId } from "./spec-document.js";

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

export const MAX_JSON_LENGTH = "x-max-json-length";

/** The name the standalone code calls lib/json-length.ts's export by (generated/spec-validators.ts imports it). */
export const JSON_TEXT_LENGTH = "jsonTextLength";

function collectExtensionKeys(node: unknown, into: Set<string>): void {
  if (Array.isArray(node)) for (const v of node) collectExtensionKeys(v, into);
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k.startsWith("x-")) into.add(k);
      collectExtensionKeys(v, into);
    }
  }
}

/**
 * The spec's Ajv, holding the whole document under `specId`. `code`: Ajv's code options — the generator's
 * `source` and `esm` (standalone code), none at run time.
 */
export function createSpecAjv(doc: SpecDocument, code?: (codegen: typeof import("ajv/dist/2020.js")) => CodeOptions): Ajv2020 {
  const { ajv: a, codegen } = newAjv(
    { strict: true, strictTypes: false, strictRequired: false, allErrors: true, validateFormats: true },
    code,
  );
  const { _ } = codegen;
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
    // Generated code, not a `validate` function: standalone code can carry a call to an imported function only.
    code(cxt: KeywordCxt) {
      const measure = cxt.gen.scopeValue("func", { ref: jsonTextLength, code: _`${new codegen.Name(JSON_TEXT_LENGTH)}` });
      cxt.fail(_`${measure}(${cxt.data}, ${cxt.schemaCode}) > ${cxt.schemaCode}`);
    },
  });
  // A structured clone keeps Ajv's bookkeeping off the shared parsed document.
  a.addSchema({ ...structuredClone(doc), $id: specId });
  return a;
}

/**
 * Every schema the suite validates by pointer: each media type's schema under the paths and the shared
 * responses and request bodies (how lib/spec.ts names them, whichever side of a $ref it stands), and each
 * named schema. In document order, so the generated code does not change unless the spec does.
 */
export function precompiledPointers(doc: SpecDocument): string[] {
  const out: string[] = [];
  const walk = (node: unknown, at: string): void => {
    if (!node || typeof node !== "object" || Array.isArray(node)) return;
    for (const [key, value] of Object.entries(node)) {
      const here = `${at}/${escapePointer(key)}`;
      if (key === "schema" && /\/content\/[^/]+$/.test(at)) out.push(here);
      else walk(value, here);
    }
  };
  walk(doc.paths, "#/paths");
  walk(doc.components?.responses, "#/components/responses");
  walk(doc.components?.requestBodies, "#/components/requestBodies");
  for (const name of Object.keys(doc.components?.schemas ?? {})) out.push(`#/components/schemas/${escapePointer(name)}`);
  return out;
}
