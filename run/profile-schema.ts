/**
 * Where the profile's JSON Schema is: for scripts/generate/profile-validator.ts (standalone code into
 * generated/profile-validator.ts, what run/profile.ts uses) and for run/profile.ts after an edit of the schema
 * (lib/config-schema.ts compiles it). Free of generated/ imports, so the generator runs without them.
 */
import { join } from "node:path";
import { packageRoot } from "../lib/paths.js";

export const profileSchemaPath = join(packageRoot, "profiles", "profile.schema.json");
