// The profile schema's validator compiled ahead (generated/profile-validator.ts) stands for Ajv compiling it at
// run time: made from this schema, and the same verdict and errors on every profile the project ships, on those
// profiles broken one property at a time, and on arbitrary JSON.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import * as ahead from "../generated/profile-validator.js";
import { packageRoot } from "../lib/paths.js";
import { sha256Hex } from "../lib/sha256.js";
import { compileProfileSchema, type ProfileValidator, profileSchemaPath } from "./profile-schema.js";

const schemaText = readFileSync(profileSchemaPath, "utf8");
const precompiled = ahead.validate as unknown as ProfileValidator;
const here = compileProfileSchema(JSON.parse(schemaText)).validate;

const judged = (v: ProfileValidator, value: unknown) => {
  const valid = v(value);
  return JSON.stringify({ valid, errors: valid ? null : v.errors });
};

/** Every profile in the project (profiles/, robustness/profiles/), parsed. */
function shippedProfiles(): Record<string, unknown>[] {
  return ["profiles", join("robustness", "profiles")].flatMap((dir) =>
    readdirSync(join(packageRoot, dir))
      .filter((f) => /\.ya?ml$/.test(f) && !f.includes("fixtures"))
      .map((f) => parse(readFileSync(join(packageRoot, dir, f), "utf8")) as Record<string, unknown>),
  );
}

/** Each profile, and each with one property (or one property of a section) removed or of another kind. */
function variants(profiles: Record<string, unknown>[]): unknown[] {
  const others = [null, "", -1, 1.5, true, "x".repeat(300), {}, [], ["A"], { extra: 1 }];
  const out: unknown[] = [...profiles];
  for (const p of profiles)
    for (const [key, value] of Object.entries(p)) {
      const { [key]: _gone, ...rest } = p;
      out.push(rest, ...others.map((o) => ({ ...p, [key]: o })));
      if (value && typeof value === "object" && !Array.isArray(value))
        for (const inner of Object.keys(value)) out.push(...others.map((o) => ({ ...p, [key]: { ...value, [inner]: o } })));
    }
  return out;
}

describe("generated/profile-validator.ts", () => {
  it("was compiled from this schema (npm run generate)", () => {
    expect(ahead.schemaSha256).toBe(sha256Hex(schemaText));
  });

  it("judges the shipped profiles and their variants as Ajv does at run time, errors and all", () => {
    const values = variants(shippedProfiles());
    const differ = values.filter((v) => judged(precompiled, v) !== judged(here, v)).map((v) => JSON.stringify(v).slice(0, 160));
    expect(differ).toEqual([]);
    expect(values.length).toBeGreaterThan(300);
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
