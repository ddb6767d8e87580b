/**
 * Generates generated/profile-validator.ts: Ajv's standalone code of profiles/profile.schema.json, with the
 * SHA-256 of the schema's bytes. run/profile.ts uses it only while that hash matches (else it compiles the
 * schema itself), so every CLI start skips loading Ajv and compiling the schema (~90 ms).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { compileProfileSchema, profileSchemaPath, sha256 } from "../../run/profile-schema.js";
import type { GeneratedFile } from "../generate.js";

const require = createRequire(import.meta.url);
const standaloneCode = (require("ajv/dist/standalone/index.js") as { default: (ajv: unknown, validate: unknown) => string }).default;

const HEADER = `// @ts-nocheck — generated from profiles/profile.schema.json by scripts/generate/profile-validator.ts; do not edit (npm run generate)
// Ajv's standalone code: its runtime helpers and ajv-formats' formats are CommonJS, required as Ajv writes them.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
`;

export async function generate(): Promise<GeneratedFile[]> {
  const text = readFileSync(profileSchemaPath, "utf8");
  const { ajv, validate } = compileProfileSchema(JSON.parse(text), ({ _ }) => ({
    source: true,
    esm: true,
    formats: _`require("ajv-formats/dist/formats").fullFormats`,
  }));
  const code = standaloneCode(ajv, validate).replace(/^"use strict";/, "");
  const content = `${HEADER}${code}

/** The SHA-256 of the schema this validator was compiled from. */
export const schemaSha256 = ${JSON.stringify(sha256(text))};
`;
  return [{ path: "generated/profile-validator.ts", content }];
}
