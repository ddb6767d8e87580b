import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { buildPlan, PlanError } from "./plan.js";

const work = mkdtempSync(join(tmpdir(), "idme-plan-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

test("a --mock-fixtures file that is not valid YAML is one complete line", () => {
  const fixtures = join(work, "fixtures.yaml");
  writeFileSync(fixtures, "accounts:\n  primary: a: b\n");
  expect(() => buildPlan({ reportsDir: join(work, "r"), mockFixtures: fixtures }, {})).toThrow(
    new PlanError(
      `fixtures ${fixtures}: not valid YAML: Nested mappings are not allowed in compact mappings at line 2, column 12 (primary: a: b)`,
    ),
  );
});

test("a foreign target's primary and secondary given one token stop the plan, naming both variables and not the token", () => {
  const env = { IDME_TOKEN_PRIMARY: "same-token-value", IDME_TOKEN_SECONDARY: "same-token-value" };
  const plan = () => buildPlan({ target: "https://x.test", reportsDir: join(work, "r") }, env);
  expect(plan).toThrow(PlanError);
  expect(plan).toThrow(/^role primary \(IDME_TOKEN_PRIMARY\) and role secondary \(IDME_TOKEN_SECONDARY\) hold the same credential/);
  expect(plan).not.toThrow(/same-token-value/);
  // The embedded mock uses its own tokens: what the shell holds does not matter.
  expect(() => buildPlan({ reportsDir: join(work, "r") }, env)).not.toThrow();
});
