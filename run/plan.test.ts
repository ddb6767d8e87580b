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
    new PlanError(`--mock-fixtures ${fixtures}: Nested mappings are not allowed in compact mappings at line 2, column 12 (primary: a: b)`),
  );
});
