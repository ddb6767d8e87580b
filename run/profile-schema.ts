/**
 * Compiles profiles/profile.schema.json with Ajv: for scripts/generate/profile-validator.ts (standalone code
 * into generated/profile-validator.ts, what run/profile.ts uses) and for run/profile.ts after an edit of the
 * schema. Ajv is required only when called. Free of generated/ imports, so the generator runs without them.
 */
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { CodeOptions, ErrorObject } from "ajv/dist/2020.js";
import { packageRoot } from "../lib/paths.js";

export const profileSchemaPath = join(packageRoot, "profiles", "profile.schema.json");

export type ProfileValidator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

export const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

const require = createRequire(import.meta.url);

/** The schema compiled by Ajv (`code`: the generator's standalone options). */
export function compileProfileSchema(
  schema: object,
  code?: (codegen: typeof import("ajv/dist/2020.js")) => CodeOptions,
): { ajv: import("ajv/dist/2020.js").Ajv2020; validate: ProfileValidator } {
  const ajvModule = require("ajv/dist/2020.js") as typeof import("ajv/dist/2020.js");
  const addFormats = require("ajv-formats") as { default: (ajv: unknown) => void };
  const ajv = new ajvModule.Ajv2020({ allErrors: true, strict: false, ...(code ? { code: code(ajvModule) } : {}) });
  addFormats.default(ajv);
  return { ajv, validate: ajv.compile(schema) };
}
