/**
 * Generates generated/profile-validator.ts: Ajv's standalone code of profiles/profile.schema.json, with the
 * SHA-256 of the schema's bytes. run/profile.ts uses it only while that hash matches (else it compiles the
 * schema itself), so every CLI start skips loading Ajv and compiling the schema (~90 ms).
 */
import { validatorModule } from "../../lib/config-schema.js";
import { profileSchemaPath } from "../../run/profile-schema.js";
import type { GeneratedFile } from "../generate.js";

export async function generate(): Promise<GeneratedFile[]> {
  const content = validatorModule(profileSchemaPath, {
    source: "profiles/profile.schema.json",
    generator: "scripts/generate/profile-validator.ts",
  });
  return [{ path: "generated/profile-validator.ts", content }];
}
