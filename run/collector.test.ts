// The collector's reading of vitest's results: a test vitest marked skipped because the run was stopped while it ran
// (its outcome said "pass" so far) verified nothing; a test that skipped itself keeps its reason; a test the selection
// left out is no result; a timeout could not judge.
import { describe, expect, it } from "vitest";
import type { TestCase } from "vitest/node";
import type { ConformanceMeta, TestOutcome } from "./outcome.js";
import { CollectorReporter } from "./collector.js";

const outcome = (o: Partial<TestOutcome> = {}): TestOutcome => ({
  verdict: "pass",
  findings: [],
  observations: [],
  exchanges: [],
  checked: {},
  seed: 1,
  ...o,
});

function testCase(state: "passed" | "failed" | "skipped", meta: Partial<ConformanceMeta> | undefined, error?: string): TestCase {
  return {
    name: "[HEALTH-01] answers GET /health with an empty body",
    module: { moduleId: "/code/suites/health/answers-empty-200.test.ts" },
    result: () => ({ state, errors: error ? [{ message: error }] : [] }),
    meta: () => (meta ? { conformance: { requirement: "HEALTH-01", planId: "run", ...meta } } : {}),
    diagnostic: () => ({ duration: 12 }),
  } as unknown as TestCase;
}

function collect(c: TestCase) {
  const collector = new CollectorReporter("/code");
  collector.onTestCaseResult(c);
  return collector.tests.get("run") ?? [];
}

describe("the collector", () => {
  it("counts a test the stop marked skipped while it ran as not verified (interrupted), never as passed", () => {
    const [t] = collect(testCase("skipped", { outcome: outcome({ findings: [] }) }));
    expect(t?.outcome).toMatchObject({ verdict: "error", unverified: "interrupted", reason: "the run was stopped while this test ran" });
  });

  it("keeps a test that skipped itself (budget, blocked) as it said", () => {
    const [t] = collect(testCase("skipped", { outcome: outcome({ verdict: "skipped", unverified: "budget", reason: "budget spent" }) }));
    expect(t?.outcome).toMatchObject({ verdict: "skipped", unverified: "budget", reason: "budget spent" });
  });

  it("records no result for a test the selection left out", () => {
    expect(collect(testCase("skipped", {}))).toEqual([]);
  });

  it("counts a test that timed out as one that could not judge", () => {
    const [t] = collect(testCase("failed", { outcome: outcome() }, "Test timed out in 30000ms."));
    expect(t?.outcome).toMatchObject({ verdict: "error", unverified: "timeout" });
  });
});
