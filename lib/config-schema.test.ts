// The validators of the user-written files' schemas compiled ahead (generated/profile-validator.ts,
// generated/mock-fixtures-validator.ts) stand for Ajv compiling them at run time: made from these schemas, and
// the same verdict and errors on every file of the kind the project ships, on those files broken one property
// at a time, and on arbitrary JSON.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import * as fixturesAhead from "../generated/mock-fixtures-validator.js";
import * as profileAhead from "../generated/profile-validator.js";
import { defaultFixtures } from "../mock/fixtures.js";
import { fixturesSchemaPath } from "../mock/fixtures-schema.js";
import { profileSchemaPath } from "../run/profile-schema.js";
import { compileConfigSchema, type SchemaValidator } from "./config-schema.js";
import { packageRoot } from "./paths.js";
import { sha256Hex } from "./sha256.js";

const judged = (v: SchemaValidator, value: unknown) => {
  const valid = v(value);
  return JSON.stringify({ valid, errors: valid ? null : v.errors });
};

/** The YAML files of `dirs` whose name `pick` takes, parsed. */
function shipped(dirs: string[], pick: (name: string) => boolean): Record<string, unknown>[] {
  return dirs.flatMap((dir) =>
    readdirSync(join(packageRoot, dir))
      .filter((f) => /\.ya?ml$/.test(f) && pick(f))
      .map((f) => parse(readFileSync(join(packageRoot, dir, f), "utf8")) as Record<string, unknown>),
  );
}

/** Each file, and each with one property (or one property of a section) removed or of another kind. */
function variants(files: Record<string, unknown>[]): unknown[] {
  const others = [null, "", -1, 1.5, true, "x".repeat(300), {}, [], ["A"], { extra: 1 }];
  const out: unknown[] = [...files];
  for (const p of files)
    for (const [key, value] of Object.entries(p)) {
      const { [key]: _gone, ...rest } = p;
      out.push(rest, ...others.map((o) => ({ ...p, [key]: o })));
      if (value && typeof value === "object" && !Array.isArray(value))
        for (const inner of Object.keys(value)) out.push(...others.map((o) => ({ ...p, [key]: { ...value, [inner]: o } })));
    }
  return out;
}

const schemas = [
  {
    name: "generated/profile-validator.ts",
    ahead: profileAhead,
    schemaPath: profileSchemaPath,
    files: () => shipped(["profiles", join("robustness", "profiles")], (f) => !f.includes("fixtures")),
  },
  {
    name: "generated/mock-fixtures-validator.ts",
    ahead: fixturesAhead,
    schemaPath: fixturesSchemaPath,
    files: () => [...shipped(["profiles"], (f) => f.includes("fixtures")), defaultFixtures() as unknown as Record<string, unknown>],
  },
];

describe.each(schemas)("$name", ({ ahead, schemaPath, files }) => {
  const schemaText = readFileSync(schemaPath, "utf8");
  const precompiled = ahead.validate as unknown as SchemaValidator;
  const here = compileConfigSchema(JSON.parse(schemaText)).validate;

  it("was compiled from this schema (npm run generate)", () => {
    expect(ahead.schemaSha256).toBe(sha256Hex(schemaText));
  });

  it("judges the shipped files and their variants as Ajv does at run time, errors and all", () => {
    const values = variants(files());
    const differ = values.filter((v) => judged(precompiled, v) !== judged(here, v)).map((v) => JSON.stringify(v).slice(0, 160));
    expect(differ).toEqual([]);
    expect(values.length).toBeGreaterThan(100);
    expect(values.filter((v) => precompiled(v)).length).toBeGreaterThan(2);
  });

  it("judges arbitrary JSON as Ajv does at run time", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 3 }), (value) => {
        expect(judged(precompiled, value)).toBe(judged(here, value));
      }),
      { numRuns: 300, seed: 20261202 },
    );
  });
});
