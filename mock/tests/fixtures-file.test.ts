// Fixtures files (and the library's fixtures option) are checked against profiles/mock-fixtures.schema.json
// before a mock starts: every problem at once, each naming its property, with a did-you-mean for typos.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { startMock } from "../../api/mock.js";
import { packageRoot } from "../../lib/paths.js";
import { defaultFixtures } from "../fixtures.js";
import { checkFixtures, FixturesError, loadFixturesFile, parseFixtures } from "../fixtures-file.js";
import { fixturesSchemaPath } from "../fixtures-schema.js";
import { transactionCodes } from "../messages.js";
import { PRODUCTS } from "../types.js";

const problemsOf = (text: string, source = "fx.yaml"): readonly string[] => {
  try {
    parseFixtures(text, source);
  } catch (e) {
    if (e instanceof FixturesError) return e.problems;
    throw e;
  }
  return [];
};

describe("fixtures files", () => {
  it("the shipped example and the defaults are valid fixtures", () => {
    expect(loadFixturesFile(join(packageRoot, "profiles", "mock-fixtures.example.yaml")).otp?.maxWrongCodes).toBe(3);
    expect(() => checkFixtures(defaultFixtures(), "defaults")).not.toThrow();
  });

  it("a section of the wrong kind names the section", () => {
    expect(problemsOf('{"accounts": 5}', "fx.json")).toEqual(["accounts: must be object"]);
    expect(() => parseFixtures('{"accounts": 5}', "fx.json")).toThrow("fixtures fx.json: accounts: must be object");
  });

  it("a setting of the wrong kind names the setting", () => {
    expect(problemsOf("otp: {maxWrongCodes: x}")).toEqual(["otp.maxWrongCodes: must be integer"]);
    expect(problemsOf("otp: {successCode: '12'}")).toEqual(['otp.successCode: must match pattern "^[0-9]{6}$"']);
  });

  it("a mistyped key is an unknown property, with a did-you-mean and the names allowed there", () => {
    const [top] = problemsOf("otpp: {}");
    expect(top).toMatch(
      /^otpp: unknown property \(did you mean "otp"\?\); allowed: \$schema, organizations, accounts, personas, auth, otp,/,
    );
    expect(problemsOf("accounts: {primary: {secrte: s, active: true, organization: org-active}}")).toEqual([
      'accounts.primary: missing required property "secret"',
      'accounts.primary.secrte: unknown property (did you mean "secret"?); allowed: secret, active, organization, disabledProducts, rateLimit',
    ]);
  });

  it("reports every problem at once, list items by index", () => {
    const problems = problemsOf(
      "otp: {maxWrongCodes: x}\nwebhooks: {retries: -1}\npersonas: [{phone: '8885550100', birth_date: 1980-01-01, outcome: 42}]\nseeed: 1",
    );
    expect(problems).toEqual([
      expect.stringMatching(/^seeed: unknown property \(did you mean "seed"\?\)/),
      "personas[0].outcome: must be one of success, 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009, 1010, 1011, 1012, 1013, 1014",
      "otp.maxWrongCodes: must be integer",
      "webhooks.retries: must be >= 0",
    ]);
    expect(() => parseFixtures("otp: {maxWrongCodes: x}\nseeed: 1", "fx.yaml")).toThrow(/ \(2 problems\)$/);
  });

  it("JSON is parsed as JSON (a trailing comma is an error), YAML as YAML", () => {
    expect(problemsOf('{"seed": 1,}', "fx.json")).toEqual([expect.stringMatching(/^not valid JSON: /)]);
    expect(problemsOf("seed: [", "fx.yaml")).toEqual([expect.stringMatching(/^not valid YAML: /)]);
    expect(problemsOf("- seed", "fx.yaml")).toEqual(["(top level): must be object"]);
    expect(parseFixtures("seed: 7", "fx.yaml").seed).toBe(7);
  });

  it("image bounds that leave no size accepted are refused, judged with the other bound's default", () => {
    expect(problemsOf("documents: {minBytes: 20000000}")).toEqual([
      "documents: minBytes (20000000) must be below maxBytes (16777216): no image size would be accepted",
    ]);
  });

  it("a missing file says so", () => {
    expect(() => loadFixturesFile(join(packageRoot, "nope.yaml"))).toThrow(/nope\.yaml: file not found$/);
    expect(() => loadFixturesFile(join(packageRoot, "profiles"))).toThrow(
      /profiles: is a folder; name the file in it \(e\.g\. profiles\/mock-fixtures\.example\.yaml\)$/,
    );
  });

  it("the schema's products and persona outcomes are the mock's and the spec's", () => {
    const schema = JSON.parse(readFileSync(fixturesSchemaPath, "utf8"));
    expect(schema.$defs.product.enum).toEqual([...PRODUCTS]);
    expect(schema.$defs.persona.properties.outcome.enum).toEqual(["success", ...transactionCodes("telecom", "verifyTelecomIdentity")]);
  });

  it("the library's startMock checks a fixtures object too", async () => {
    await expect(startMock({ fixtures: { otp: { maxWrongCodes: "x" } } as never })).rejects.toThrow(
      "fixtures (the fixtures option): otp.maxWrongCodes: must be integer",
    );
  });
});
