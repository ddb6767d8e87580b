// The console's progress line: tests done, suite files done of the run's total, elapsed time; a live line on a
// terminal, a plain one every 5 s in CI only with --quiet (else each test has its own line).
import { describe, expect, it } from "vitest";
import { testResult } from "../lib/result-fixtures.js";
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

  it("in CI with --quiet: a plain line at most every 5 s", () => {
    const c = consoleOf(false, true);
    c.tick(6000);
    c.report.onFiles(0, 2);
    c.tick(1000);
    c.report.onFiles(1, 2);
    c.tick(5000);
    c.report.onFiles(2, 2);
    expect(c.err).toEqual(["  … 0 tests done · files 0/2 · 6.0 s\n", "  … 0 tests done · files 2/2 · 12.0 s\n"]);
  });
});
