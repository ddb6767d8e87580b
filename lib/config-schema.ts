/**
 * The JSON Schemas of the files a user writes (profiles/profile.schema.json, profiles/mock-fixtures.schema.json):
 * compiled by Ajv for their generators (standalone code into generated/) and, after an edit of a schema, at run
 * time. Ajv is required only when called (lib/ajv-standalone.ts). Free of generated/ imports, so the generators
 * run without them.
 */
import { readFileSync } from "node:fs";
import type { CodeOptions, ErrorObject } from "ajv/dist/2020.js";
import { newAjv, standaloneModule, standaloneOptions } from "./ajv-standalone.js";
import { sha256Hex } from "./sha256.js";

export type SchemaValidator = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/** A generated validator module: its code and the SHA-256 of the schema it was compiled from. */
export interface CompiledAhead {
  validate: unknown;
  schemaSha256: string;
}

/** The schema compiled by Ajv, every error at once (`code`: the generator's standalone options). */
export function compileConfigSchema(
  schema: object,
  code?: (codegen: typeof import("ajv/dist/2020.js")) => CodeOptions,
): { ajv: import("ajv/dist/2020.js").Ajv2020; validate: SchemaValidator } {
  const { ajv } = newAjv({ allErrors: true, strict: false }, code);
  return { ajv, validate: ajv.compile(schema) };
}

/** The validator compiled ahead while it was made from these bytes (npm run generate), else Ajv's, compiled here. */
export function schemaValidator(schemaText: string, ahead: CompiledAhead): SchemaValidator {
  return ahead.schemaSha256 === sha256Hex(schemaText)
    ? (ahead.validate as SchemaValidator)
    : compileConfigSchema(JSON.parse(schemaText)).validate;
}

/** The content of generated/<name>.ts for the schema at `schemaPath`: standalone code, then the schema's SHA-256. */
export function validatorModule(schemaPath: string, header: { source: string; generator: string }): string {
  const text = readFileSync(schemaPath, "utf8");
  const { ajv, validate } = compileConfigSchema(JSON.parse(text), standaloneOptions);
  return `${standaloneModule(ajv, validate, header)}

/** The SHA-256 of the schema this validator was compiled from. */
export const schemaSha256 = ${JSON.stringify(sha256Hex(text))};
`;
}
