// Every requirement of the registry is proven (or observed) by at least one test of suites/.
import { standardChecks } from "../../checks/registry.js";
import { expect, it } from "vitest";
import { requirements } from "../../generated/requirements.js";
import { scanSuites } from "./collect.js";

it("every registry id is covered by at least one test", () => {
  // A requirement enforced by a standard check is covered by every answer the check examines.
  const byChecks = standardChecks.map((c) => c.requirement);
  const covered = new Set([...scanSuites().flatMap((s) => [...s.declarations.map((d) => d.id), ...s.rowIds]), ...byChecks]);
  const gaps = Object.values(requirements)
    .filter((r) => !covered.has(r.id))
    .map((r) => `${r.id} (${r.area}): ${r.text}`);
  expect(gaps, "requirements no test names (add a test, or retire the id in openapi/requirements/)").toEqual([]);
});
