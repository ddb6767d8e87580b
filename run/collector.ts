/**
 * The vitest reporter of a launch: turns each finished test into a TestResult (from its task meta: the
 * requirement it declared, the outcome it recorded), per plan (= vitest project), and keeps the errors
 * raised outside tests. A test the selection filtered out never started: it is not a result.
 */
import { relative, sep } from "node:path";
import type { Reporter, TestCase, TestModule } from "vitest/node";
import type { ConformanceMeta, TestOutcome } from "./outcome.js";
import type { RunError, TestResult } from "./results.js";
import { testKey } from "./worker-plan.js";

const firstLine = (s: string | undefined): string =>
  (s ?? "")
    .split("\n")
    .find((l) => l.trim() !== "")
    ?.trim() ?? "";

/** A test that ended without recording an outcome (timed out, a hook failed): it could not judge. */
function outcomeOf(meta: ConformanceMeta, state: TestResult["state"], error: { message?: string } | undefined): TestOutcome {
  const base: TestOutcome = meta.outcome ?? { verdict: "error", findings: [], observations: [], exchanges: [], checked: {}, seed: 0 };
  // Skipped, though it did not skip itself: vitest marks the tests under way as skipped when a run is stopped.
  // What its body recorded so far (a verdict of "pass" until something fails) verified nothing.
  if (state === "skipped" && base.verdict !== "skipped" && base.verdict !== "blocked")
    return { ...base, verdict: "error", unverified: "interrupted", reason: "the run was stopped while this test ran", findings: [] };
  const timedOut = /Test timed out|Hook timed out/.test(error?.message ?? "");
  if (state === "failed" && (timedOut || (base.findings.length === 0 && base.verdict !== "error"))) {
    return {
      ...base,
      verdict: "error",
      unverified: timedOut ? "timeout" : "defect",
      reason: firstLine(error?.message) || "the test failed without a finding",
    };
  }
  return base;
}

export class CollectorReporter implements Reporter {
  readonly tests = new Map<string, TestResult[]>();
  readonly runErrors = new Map<string, RunError[]>();
  interrupted = false;

  constructor(
    private readonly codeRoot: string,
    private readonly onTest?: (planId: string, result: TestResult) => void,
  ) {}

  private fileOf(moduleId: string): string {
    return relative(this.codeRoot, moduleId)
      .split(sep)
      .join("/")
      .replace(/\.test\.[tj]s$/, ".test");
  }

  onTestCaseResult(testCase: TestCase): void {
    const r = testCase.result();
    if (r.state === "pending") return;
    const meta = testCase.meta().conformance;
    const planId = meta?.planId ?? "*";
    const file = this.fileOf(testCase.module.moduleId);
    if (!meta) {
      this.error(planId, {
        kind: "suite-defect",
        source: file,
        message: `test "${testCase.name}" was not declared with conformance() or observe()`,
      });
      return;
    }
    if (!meta.outcome && r.state === "skipped") return; // left out by the selection
    const error = r.state === "failed" ? r.errors[0] : undefined;
    const result: TestResult = {
      // file and title: the same id in a run and in a fault batch (where each plan's tests sit in a suite)
      id: testKey(file, testCase.name),
      file,
      title: testCase.name,
      requirement: meta.requirement,
      ...(meta.needs ? { needs: meta.needs } : {}),
      observeOnly: meta.observeOnly === true,
      state: r.state,
      outcome: outcomeOf(meta, r.state, error),
      durationMs: Math.round(testCase.diagnostic()?.duration ?? 0),
      ...(error?.message ? { message: error.message } : {}),
    };
    const list = this.tests.get(planId) ?? [];
    list.push(result);
    this.tests.set(planId, list);
    this.onTest?.(planId, result);
  }

  onTestRunEnd(
    testModules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<{ message?: string; name?: string }>,
    reason?: string,
  ): void {
    if (reason === "interrupted") this.interrupted = true;
    for (const m of testModules) {
      for (const e of m.errors()) {
        this.error("*", {
          kind: "suite-defect",
          source: this.fileOf(m.moduleId),
          message: firstLine(`${e.name ?? "Error"}: ${e.message}`),
        });
      }
    }
    for (const e of unhandledErrors)
      this.error("*", { kind: "unhandled", source: "vitest", message: firstLine(`${e.name ?? "Error"}: ${e.message ?? String(e)}`) });
  }

  private error(planId: string, e: RunError): void {
    this.runErrors.set(planId, [...(this.runErrors.get(planId) ?? []), e]);
  }
}
