/**
 * Fixtures for the embedded mock from a file or a caller (YAML or JSON, schema in
 * profiles/mock-fixtures.schema.json), checked before the mock starts: a bad value would start a mock that
 * answers off the contract, or silently ignore a mistyped section. Every problem is reported at once, each
 * naming the offending property (with a did-you-mean for typos), as for profiles.
 */
import { readFileSync } from "node:fs";
import * as ahead from "../generated/mock-fixtures-validator.js";
import { schemaProblems } from "../lib/config-problems.js";
import { schemaValidator } from "../lib/config-schema.js";
import { parseConfigText } from "../lib/config-text.js";
import { mergeFixtures } from "./fixtures.js";
import { fixturesSchemaPath } from "./fixtures-schema.js";
import type { FixturesInput } from "./types.js";
import { unreadableFile } from "../lib/unreadable-file.js";

/** Fixtures that cannot be used; `problems` lists every reason, one line each. */
export class FixturesError extends Error {
  override name = "FixturesError";
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`fixtures ${source}: ${problems.join("; ")}${problems.length > 1 ? ` (${problems.length} problems)` : ""}`);
  }
}

const schemaText = readFileSync(fixturesSchemaPath, "utf8");
const schema = JSON.parse(schemaText);
const validate = schemaValidator(schemaText, ahead);

/** `value` as fixtures, or a FixturesError naming `source` (a file, or the caller's option). */
export function checkFixtures(value: unknown, source: string): FixturesInput {
  if (!validate(value)) throw new FixturesError(source, schemaProblems(schema, validate.errors));
  const fixtures = value as FixturesInput;
  // Bounds a file may set one of: judged with the default of the other.
  const { minBytes, maxBytes } = mergeFixtures(fixtures).documents;
  if (minBytes >= maxBytes)
    throw new FixturesError(source, [
      `documents: minBytes (${minBytes}) must be below maxBytes (${maxBytes}): no image size would be accepted`,
    ]);
  return fixtures;
}

export function parseFixtures(text: string, source: string): FixturesInput {
  const parsed = parseConfigText(text, source);
  if ("problem" in parsed) throw new FixturesError(source, [parsed.problem]);
  return checkFixtures(parsed.value, source);
}

export function loadFixturesFile(path: string): FixturesInput {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new FixturesError(path, [unreadableFile((e as NodeJS.ErrnoException).code, "profiles/mock-fixtures.example.yaml")]);
  }
  return parseFixtures(text, path);
}
