// The verdict rules of faults/score.ts on hand-made runs: caught, wrong reason, missed, broken, baseline noise.
import { describe, expect, test } from "vitest";
import type { RunResult } from "./run-one.js";
import { parseReport } from "./run-one.js";
import { formatTable, judge } from "./score.js";
import type { CatalogueFault } from "./types.js";

const fault = { id: "some-fault", title: "t", description: "d", breaks: ["AUTH-01"], apply: () => {} } as unknown as CatalogueFault;

function run(failed: Array<[string | null, string]>, extra: Partial<RunResult> = {}): RunResult {
  return {
    fault: "some-fault",
    files: null,
    completed: true,
    passed: 3,
    skipped: 0,
    fileErrors: [],
    filesByRequirement: {},
    durationMs: 10,
    failed: failed.map(([requirement, title]) => ({ requirement, title, message: "" })),
    ...extra,
  };
}

describe("judge", () => {
  test("a failing test of a broken requirement catches the fault", () => {
    expect(
      judge(
        fault,
        run([
          ["AUTH-01", "[AUTH-01] a"],
          ["SCHEMA-01", "[SCHEMA-01] b"],
        ]),
      ).verdict,
    ).toBe("caught");
  });

  test("failures of other requirements only are the wrong reason", () => {
    expect(judge(fault, run([["SCHEMA-01", "[SCHEMA-01] b"]])).verdict).toBe("wrong-reason");
  });

  test("no failure is a miss, no report is a broken run", () => {
    expect(judge(fault, run([])).verdict).toBe("missed");
    expect(judge(fault, run([], { completed: false, error: "timed out" })).verdict).toBe("broken-run");
  });

  test("a test that fails on the conformant mock too does not catch anything", () => {
    const baseline = run([["AUTH-01", "[AUTH-01] a"]], { fault: null });
    expect(judge(fault, run([["AUTH-01", "[AUTH-01] a"]]), baseline).verdict).toBe("missed");
  });

  test("the table ends with the score line", () => {
    const table = formatTable(run([], { fault: null }), [judge(fault, run([["AUTH-01", "[AUTH-01] a"]])), judge(fault, run([]))]);
    expect(table.split("\n").at(-1)).toBe("fault detection: 1/2 faults caught");
  });
});

describe("parseReport", () => {
  test("reads [ID] prefixes of failed tests, file errors and where each requirement's tests live", () => {
    const r = parseReport(
      {
        numPassedTests: 1,
        numPendingTests: 1,
        numTodoTests: 0,
        testResults: [
          {
            name: "/x/suites/a.test.ts",
            status: "failed",
            assertionResults: [
              { title: "[AUTH-01] answers 401", fullName: "[AUTH-01] answers 401", status: "failed", failureMessages: ["\nboom\nmore"] },
              { title: "[AUTH-02] other", fullName: "[AUTH-02] other", status: "passed" },
            ],
          },
          { name: "/x/suites/b.test.ts", status: "failed", message: "SyntaxError: nope", assertionResults: [] },
        ],
      },
      "f",
      5,
    );
    expect(r.failed).toEqual([{ requirement: "AUTH-01", title: "[AUTH-01] answers 401", message: "boom" }]);
    expect(r.fileErrors).toHaveLength(1);
    expect(r.fileErrors[0]).toMatch(/b\.test\.ts: SyntaxError: nope$/);
    expect(Object.keys(r.filesByRequirement).sort()).toEqual(["AUTH-01", "AUTH-02"]);
  });
});
