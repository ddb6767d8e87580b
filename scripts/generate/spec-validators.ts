/**
 * Generates generated/spec-validators.ts: Ajv's standalone code of every schema the suite validates by pointer
 * (lib/spec-ajv-instance.ts), with the SHA-256 of the YAML it was compiled from. lib/spec-ajv.ts uses it only
 * while that hash matches, so an edited spec is never judged by stale code; lib/spec-tests/precompiled.test.ts
 * shows it judges every value as Ajv compiling at run time does.
 */
import { createRequire } from "node:module";
import { createSpecAjv, JSON_TEXT_LENGTH, precompiledPointers } from "../../lib/spec-ajv-instance.js";
import { parseSpecYaml, specId, specSha256 } from "../../lib/spec-document.js";
import type { GeneratedFile } from "../generate.js";

const require = createRequire(import.meta.url);
const standaloneCode = (require("ajv/dist/standalone/index.js") as { default: (ajv: unknown, refs: Record<string, string>) => string })
  .default;

const HEADER = `// @ts-nocheck — generated from openapi/services-v2.yaml by scripts/generate/spec-validators.ts; do not edit (npm run generate)
// Ajv's standalone code: its runtime helpers and ajv-formats' formats are CommonJS, required as Ajv writes them.
import { createRequire } from "node:module";
import { ${JSON_TEXT_LENGTH} } from "../lib/json-length.js";

const require = createRequire(import.meta.url);
`;

export async function generate(): Promise<GeneratedFile[]> {
  const doc = parseSpecYaml();
  const ajv = createSpecAjv(doc, ({ _ }) => ({ source: true, esm: true, formats: _`require("ajv-formats/dist/formats").fullFormats` }));
  const pointers = precompiledPointers(doc);
  const names = pointers.map((_p, i) => `v${i}`);
  const code = standaloneCode(ajv, Object.fromEntries(pointers.map((p, i) => [names[i], specId + p]))).replace(/^"use strict";/, "");
  const table = pointers.map((p, i) => `  ${JSON.stringify(p)}: ${names[i]},`).join("\n");
  const content = `${HEADER}${code}

/** The SHA-256 of the spec these validators were compiled from. */
export const specSha256 = ${JSON.stringify(specSha256())};

/** Pointer → validator. */
export const validators = {
${table}
};
`;
  return [{ path: "generated/spec-validators.ts", content }];
}
