// Vitest reporter of a batch run: one vitest process, one project per fault (faults/batch/config.ts). Writes, per
// project, the same JSON shape as vitest's own JSON reporter, so faults/run-one.ts parseReport reads each unchanged.
import { writeFileSync } from "node:fs";
import type { Reporter, TestCase, TestModule } from "vitest/node";
import type { BatchOutput } from "./run.js";

/** The JSON reporter's full name: enclosing describe titles, then the test's title, joined by spaces. */
function fullName(test: TestCase): string {
  const names = [test.name];
  for (let p = test.parent; p.type === "suite"; p = p.parent) names.unshift(p.name);
  return names.join(" ");
}

const STATUS = { passed: "passed", failed: "failed", skipped: "skipped", pending: "pending" } as const;

export default class BatchReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    const out: BatchOutput = {};
    for (const m of modules) {
      const report = (out[m.project.name] ??= { numPassedTests: 0, numPendingTests: 0, numTodoTests: 0, testResults: [], durationMs: 0 });
      const assertionResults = [...m.children.allTests()].map((t) => {
        const r = t.result();
        report.durationMs += t.diagnostic()?.duration ?? 0;
        if (r.state === "passed") report.numPassedTests++;
        if (r.state === "skipped" || r.state === "pending") report.numPendingTests++;
        return {
          title: t.name,
          fullName: fullName(t),
          status: STATUS[r.state],
          failureMessages: r.state === "failed" ? r.errors.map((e) => e.stack || e.message) : [],
        };
      });
      const failed = m.state() === "failed" || assertionResults.some((a) => a.status === "failed");
      report.testResults.push({
        name: m.moduleId,
        status: failed ? "failed" : "passed",
        message: m.errors()[0]?.message ?? "",
        assertionResults,
      });
    }
    writeFileSync(process.env.IDME_BATCH_OUT as string, JSON.stringify(out));
  }
}
