/**
 * Generates generated/profile-validator.ts: Ajv's standalone code of profiles/profile.schema.json, with the
 * SHA-256 of the schema's bytes. run/profile.ts uses it only while that hash matches (else it compiles the
 * schema itself), so every CLI start skips loading Ajv and compiling the schema (~90 ms).
 */
import { readFileSync } from "node:fs";
import { standaloneModule, standaloneOptions } from "../../lib/ajv-standalone.js";
import { sha256Hex } from "../../lib/sha256.js";
import { compileProfileSchema, profileSchemaPath } from "../../run/profile-schema.js";
import type { GeneratedFile } from "../generate.js";

export async function generate(): Promise<GeneratedFile[]> {
  const text = readFileSync(profileSchemaPath, "utf8");
  const { ajv, validate } = compileProfileSchema(JSON.parse(text), standaloneOptions);
  const code = standaloneModule(ajv, validate, {
    source: "profiles/profile.schema.json",
    generator: "scripts/generate/profile-validator.ts",
  });
  const content = `${code}

/** The SHA-256 of the schema this validator was compiled from. */
export const schemaSha256 = ${JSON.stringify(sha256Hex(text))};
`;
  return [{ path: "generated/profile-validator.ts", content }];
}
