// An embedded-mock run's fixtures file is checked when the plan is built, before anything starts: a bad file,
// or one without an account for a role the profile names, is a PlanError (the CLI: one line, exit 2).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { packageRoot } from "../lib/paths.js";
import { buildPlan, PlanError } from "./plan.js";

const work = mkdtempSync(join(tmpdir(), "idme-plan-fixtures-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function planWith(name: string, text: string) {
  const path = join(work, name);
  writeFileSync(path, text);
  return () => buildPlan({ reportsDir: join(work, "r"), mockFixtures: path }, {});
}

describe("--mock-fixtures", () => {
  it("the shipped example plans", () => {
    const example = join(packageRoot, "profiles", "mock-fixtures.example.yaml");
    const plan = buildPlan({ reportsDir: join(work, "r"), mockFixtures: example }, {});
    expect(plan.target.kind === "embedded-mock" && plan.target.fixtures?.otp?.maxWrongCodes).toBe(3);
  });

  it("a file off the schema is a PlanError naming the file and every offending property", () => {
    expect(planWith("a5.json", '{"accounts": 5}')).toThrow(PlanError);
    expect(planWith("a5.json", '{"accounts": 5}')).toThrow(/^fixtures .*a5\.json: accounts: must be object$/);
    expect(planWith("typo.yaml", "otpp: {}\notp: {maxWrongCodes: x}")).toThrow(
      /: otpp: unknown property \(did you mean "otp"\?\).*; otp\.maxWrongCodes: must be integer \(2 problems\)$/,
    );
    expect(planWith("comma.json", '{"seed": 1,}')).toThrow(/comma\.json: not valid JSON: /);
    expect(() => buildPlan({ reportsDir: join(work, "r"), mockFixtures: join(work, "nope.yaml") }, {})).toThrow(
      /nope\.yaml: file not found$/,
    );
  });

  it("accounts without a role the profile names are refused, the roles named", () => {
    expect(planWith("primary.yaml", "accounts: {primary: {secret: s, active: true, organization: org-active}}")).toThrow(
      /primary\.yaml: accounts: no account for the role\(s\) secondary, inactiveAccount, inactiveOrg, productDisabled, productInactive, rateLimited, which profile mock names/,
    );
  });
});
