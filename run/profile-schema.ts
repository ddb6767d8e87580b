/**
 * Compiles profiles/profile.schema.json with Ajv: for scripts/generate/profile-validator.ts (standalone code
 * into generated/profile-validator.ts, what run/profile.ts uses) and for run/profile.ts after an edit of the
 * schema. Ajv is required only when called (lib/ajv-standalone.ts). Free of generated/ imports, so the generator runs without them.
 */
import { join } from "node:path";
import type { CodeOptions, ErrorObject } from "ajv/dist/2020.js";
import { newAjv } from "../lib/ajv-standalone.js";
import { packageRoot } from "../lib/paths.js";

export const profileSchemaPath = join(packageRoot, "profiles", "profile.schema.json");

export type ProfileValidator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** The schema compiled by Ajv (`code`: the generator's standalone options). */
export function compileProfileSchema(
  schema: object,
  code?: (codegen: typeof import("ajv/dist/2020.js")) => CodeOptions,
): { ajv: import("ajv/dist/2020.js").Ajv2020; validate: ProfileValidator } {
  const { ajv } = newAjv({ allErrors: true, strict: false }, code);
  return { ajv, validate: ajv.compile(schema) };
}
