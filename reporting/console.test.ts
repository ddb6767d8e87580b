// The console's progress line: tests done, suite files done of the run's total, elapsed time; a live line on a
// terminal, a plain one every 5 s in CI only with --quiet (else each test has its own line).
import { describe, expect, it } from "vitest";
import { facts, finding, runResult, testResult } from "../lib/result-fixtures.js";
import { applyPremises } from "../run/premises.js";
import type { TestResult } from "../run/results.js";
import { buildCertification } from "./certification.js";
import { ConsoleReport } from "./console.js";

function consoleOf(live: boolean, quiet = false) {
  let clock = 0;
  const err: string[] = [];
  const report = new ConsoleReport({ quiet, color: false, live, out: () => {}, err: (t) => err.push(t), now: () => clock });
  return { report, err, tick: (ms: number) => (clock += ms) };
}

describe("the progress line", () => {
  it("counts the tests done and the suite files done of the run's total, with the time so far", () => {
    const c = consoleOf(true);
    c.report.onFiles(0, 47);
    c.tick(1200);
    c.report.onTest(testResult("HEALTH-01", { verdict: "pass" }));
    c.report.onFiles(1, 47);
    expect(c.err.at(-1)).toBe("  … 1 tests done · files 1/47 · 1.2 s");
  });

  it("counts the failed tests apart", () => {
    const c = consoleOf(true);
    c.report.onTest(testResult("HEALTH-01", { verdict: "fail" }));
    expect(c.err.at(-1)).toBe("  … 1 tests done, 1 failed · 0.0 s");
  });

  it("in CI with --quiet: a plain line at most every 5 s, the first 5 s into the run", () => {
    const c = consoleOf(false, true);
    c.report.onFiles(0, 2); // at the start: no "0 tests done" line
    c.tick(6000);
    c.report.onFiles(0, 2);
    c.tick(1000);
    c.report.onFiles(1, 2);
    c.tick(5000);
    c.report.onFiles(2, 2);
    expect(c.err).toEqual(["  … 0 tests done · files 0/2 · 6.0 s\n", "  … 0 tests done · files 2/2 · 12.0 s\n"]);
  });
});

describe("a failure that rests on premises", () => {
  // A check-order test fails when its premise's own requirement broke; the run's end says which one it is. Printed
  // at once, it showed ✗ for tests the reports then list as blocked (new-user audit, phone-lenient).
  const profile = { strict: { exactMessages: true, exactEdges: true, requireRetryAfter: true } };
  const failing = (premise: "INPUT-PHONE-02" | "AUTH-01") =>
    testResult("INPUT-SEVERAL-01", { verdict: "fail", findings: [finding("INPUT-SEVERAL-01")] }, { needs: { premises: [premise] } });

  function run(tests: TestResult[], final: TestResult[]) {
    let printed = "";
    const report = new ConsoleReport({ quiet: true, color: false, live: false, out: (t) => (printed += t), err: (t) => (printed += t) });
    for (const t of tests) report.onTest(t);
    const during = printed;
    const result = runResult(final);
    report.summary(result, buildCertification({ result, facts, profile }));
    return { during, atEnd: printed.slice(during.length) };
  }

  it("is printed at the end, as blocked when its premise failed in the run", () => {
    const t = failing("INPUT-PHONE-02");
    const premise = testResult("INPUT-PHONE-02", { verdict: "fail", findings: [finding("INPUT-PHONE-02")] });
    const [blocked] = applyPremises([t, premise]);
    const { during, atEnd } = run([t, premise], [blocked, premise]);
    expect(during).not.toContain("[INPUT-SEVERAL-01]");
    expect(atEnd).toContain("⊘ [INPUT-SEVERAL-01] does something — blocked by INPUT-PHONE-02");
    expect(atEnd).not.toContain("✗ [INPUT-SEVERAL-01]");
  });

  it("and as failed when its premise held", () => {
    const t = failing("AUTH-01");
    const { during, atEnd } = run([t], applyPremises([t]));
    expect(during).not.toContain("[INPUT-SEVERAL-01]");
    expect(atEnd).toContain("✗ [INPUT-SEVERAL-01] does something\n      [INPUT-SEVERAL-01]");
  });
});
