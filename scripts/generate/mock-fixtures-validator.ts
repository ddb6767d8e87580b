/**
 * Generates generated/mock-fixtures-validator.ts: Ajv's standalone code of profiles/mock-fixtures.schema.json,
 * with the SHA-256 of the schema's bytes. mock/fixtures-file.ts uses it only while that hash matches (else it
 * compiles the schema itself), so a start of the mock or the suite skips loading Ajv.
 */
import { validatorModule } from "../../lib/config-schema.js";
import { fixturesSchemaPath } from "../../mock/fixtures-schema.js";
import type { GeneratedFile } from "../generate.js";

export async function generate(): Promise<GeneratedFile[]> {
  const content = validatorModule(fixturesSchemaPath, {
    source: "profiles/mock-fixtures.schema.json",
    generator: "scripts/generate/mock-fixtures-validator.ts",
  });
  return [{ path: "generated/mock-fixtures-validator.ts", content }];
}
