/**
 * Where the fixtures file's JSON Schema is: for scripts/generate/mock-fixtures-validator.ts (standalone code into
 * generated/mock-fixtures-validator.ts, what mock/fixtures-file.ts uses) and for mock/fixtures-file.ts after an
 * edit of the schema. Free of generated/ imports, so the generator runs without them.
 */
import { join } from "node:path";
import { packageRoot } from "../lib/paths.js";

export const fixturesSchemaPath = join(packageRoot, "profiles", "mock-fixtures.schema.json");
