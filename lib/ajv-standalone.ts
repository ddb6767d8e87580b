/**
 * Ajv for the schemas compiled ahead (the spec's, lib/spec-ajv-instance.ts; the profile's and the mock
 * fixtures', lib/config-schema.ts): required on first use — its module and compiler cost a process or worker
 * ~150 ms, so only the generators and a run whose generated code is stale load it — and its standalone code
 * written as a module of generated/ (scripts/generate/spec-validators.ts, profile-validator.ts, mock-fixtures-validator.ts).
 */
import { createRequire } from "node:module";
import type { CodeOptions, default as AjvCore } from "ajv/dist/2020.js";

type AjvModule = typeof import("ajv/dist/2020.js");

const require = createRequire(import.meta.url);

/** Ajv2020 with ajv-formats' formats, and the module's code generator (`_`, `Name`) for keywords and code options. */
export function newAjv(options: ConstructorParameters<AjvModule["Ajv2020"]>[0], code?: (codegen: AjvModule) => CodeOptions) {
  const ajvModule = require("ajv/dist/2020.js") as AjvModule;
  // ajv-formats is CommonJS; its default export may arrive wrapped.
  const formats = require("ajv-formats") as { default?: unknown };
  const addFormats = (formats.default ?? formats) as (ajv: AjvCore) => void;
  const ajv = new ajvModule.Ajv2020({ ...options, ...(code ? { code: code(ajvModule) } : {}) });
  addFormats(ajv);
  return { ajv, codegen: ajvModule };
}

/** The code options of standalone ES module code; Ajv's runtime helpers and ajv-formats' formats stay `require`s. */
export const standaloneOptions = ({ _ }: AjvModule): CodeOptions => ({
  source: true,
  esm: true,
  formats: _`require("ajv-formats/dist/formats").fullFormats`,
});

/**
 * A generated module holding Ajv's standalone code of `refs` (export name → schema id) or of one compiled
 * function: a header naming `source` and `generator`, `imports` (what the code calls by name), then the code.
 */
export function standaloneModule(
  ajv: AjvCore,
  refs: Record<string, string> | ((data: unknown) => boolean),
  header: { source: string; generator: string; imports?: string },
): string {
  const standaloneCode = (require("ajv/dist/standalone/index.js") as { default: (ajv: AjvCore, refs: unknown) => string }).default;
  const code = standaloneCode(ajv, refs).replace(/^"use strict";/, ""); // an ES module is strict; the directive would follow imports
  return `// @ts-nocheck — generated from ${header.source} by ${header.generator}; do not edit (npm run generate)
// Ajv's standalone code: its runtime helpers and ajv-formats' formats are CommonJS, required as Ajv writes them.
import { createRequire } from "node:module";
${header.imports ?? ""}
const require = createRequire(import.meta.url);
${code}`;
}
