// The verdict rules of faults/score.ts on hand-made certifications: caught, precise, wrong reason, missed, broken.
import { describe, expect, test } from "vitest";
import { facts, finding, runResult, testResult } from "../lib/result-fixtures.js";
import { buildCertification } from "../reporting/certification.js";
import { loadProfile, mockProfilePath } from "../run/profile.js";
import type { TestResult } from "../run/results.js";
import { couldNotJudge, formatTable, judge, judgeVariant, scoreLines, variantUnjudged } from "./score.js";
import type { CatalogueFault, ConformantVariant } from "./types.js";

const fault = { id: "some-fault", title: "t", description: "d", breaks: ["INPUT-PHONE-02"], apply: () => {} } as unknown as CatalogueFault;
const profile = loadProfile(mockProfilePath).profile;
const cert = (tests: TestResult[], extra: Parameters<typeof runResult>[1] = {}) =>
  buildCertification({ result: runResult(tests, extra), facts, profile, selected: ["INPUT-PHONE-02", "SCHEMA-01", "AUTH-09"] });
const pass = () => [testResult("INPUT-PHONE-02"), testResult("SCHEMA-01"), testResult("AUTH-09")];

describe("judge", () => {
  test("a failed requirement the fault declares catches it; no other MUST red makes it precise", () => {
    const s = judge(
      fault,
      "first",
      cert([testResult("INPUT-PHONE-02", { verdict: "fail", findings: [finding("INPUT-PHONE-02")] }), testResult("SCHEMA-01")]),
      5,
    );
    expect([s.verdict, s.matched, s.collateral]).toEqual(["caught", ["INPUT-PHONE-02"], []]);
  });

  test("a blocked test is not collateral; a failed undeclared MUST is", () => {
    const blocked = testResult("SCHEMA-01", {
      verdict: "blocked",
      unverified: "blocked",
      blockedBy: "INPUT-PHONE-02",
      reason: "blocked by INPUT-PHONE-02",
    });
    expect(
      judge(fault, "first", cert([testResult("INPUT-PHONE-02", { verdict: "fail", findings: [finding("INPUT-PHONE-02")] }), blocked]), 5)
        .collateral,
    ).toEqual([]);
    const red = testResult("SCHEMA-01", { verdict: "fail", findings: [finding("SCHEMA-01")] });
    expect(
      judge(fault, "first", cert([testResult("INPUT-PHONE-02", { verdict: "fail", findings: [finding("INPUT-PHONE-02")] }), red]), 5)
        .collateral,
    ).toEqual(["SCHEMA-01"]);
  });

  test("only other requirements failing is the wrong reason; nothing failing is a miss; a suite defect is a broken run", () => {
    expect(judge(fault, "first", cert([testResult("SCHEMA-01", { verdict: "fail", findings: [finding("SCHEMA-01")] })]), 5).verdict).toBe(
      "wrong-reason",
    );
    expect(judge(fault, "first", cert(pass()), 5).verdict).toBe("missed");
    expect(
      judge(fault, "first", cert(pass(), { runErrors: [{ kind: "suite-defect", source: "x", message: "SyntaxError" }] }), 5).verdict,
    ).toBe("broken-run");
  });

  test("a requirement it breaks that could not be judged, and none failed, is not yet a miss: it is run again", () => {
    const unjudged = testResult("INPUT-PHONE-02", { verdict: "error", unverified: "timeout", reason: "could not judge: too slow" });
    expect(couldNotJudge(fault, cert([unjudged, testResult("SCHEMA-01"), testResult("AUTH-09")]))).toBe(true);
    expect(couldNotJudge(fault, cert(pass()))).toBe(false);
    const caught = testResult("INPUT-PHONE-02", { verdict: "fail", findings: [finding("INPUT-PHONE-02")] });
    expect(couldNotJudge(fault, cert([caught, unjudged]))).toBe(false);
    const other = testResult("SCHEMA-01", { verdict: "error", unverified: "timeout", reason: "could not judge" });
    expect(couldNotJudge(fault, cert([testResult("INPUT-PHONE-02"), other]))).toBe(false);
  });

  test("a conformant variant passes only when nothing fails", () => {
    const variant = { id: "v", title: "t", description: "d", deviations: ["x"], apply: () => {} } as ConformantVariant;
    const passed = judgeVariant(variant, cert(pass()));
    expect(passed.passes).toBe(true);
    // What it ran, not the INCOMPLETE of a run of only the tests it reaches.
    expect(passed.summary).toMatch(/^every test it ran passed or was observed \(\d+ test\(s\)\)/);
    const alarm = judgeVariant(
      variant,
      cert([
        testResult("AUTH-09", { verdict: "fail", findings: [finding("AUTH-09")] }),
        testResult("INPUT-PHONE-02"),
        testResult("SCHEMA-01"),
      ]),
    );
    expect([alarm.passes, alarm.failing]).toEqual([false, ["AUTH-09"]]);
  });

  test("a variant with a test in error does not pass (its user's verdict would be incomplete) and is run again", () => {
    const variant = { id: "v", title: "t", description: "d", deviations: ["x"], apply: () => {} } as ConformantVariant;
    const unjudged = cert([
      testResult("INPUT-PHONE-02", { verdict: "error", unverified: "timeout", reason: "could not judge: too slow" }),
      testResult("SCHEMA-01"),
      testResult("AUTH-09"),
    ]);
    const s = judgeVariant(variant, unjudged);
    expect([s.passes, s.failing]).toEqual([false, []]);
    expect(s.summary).toContain("1 test(s) in error: INPUT-PHONE-02");
    expect(variantUnjudged(unjudged)).toBe(true);
    expect(variantUnjudged(cert(pass()))).toBe(false);
    const alarm = cert([testResult("AUTH-09", { verdict: "fail", findings: [finding("AUTH-09")] }), testResult("INPUT-PHONE-02")]);
    expect(variantUnjudged(alarm)).toBe(false);
  });

  test("the table and the score lines name each catalogue's detection and precision", () => {
    const scores = [
      judge(fault, "first", cert([testResult("INPUT-PHONE-02", { verdict: "fail", findings: [finding("INPUT-PHONE-02")] })]), 5),
      judge({ ...fault, id: "other" }, "blind", cert(pass()), 5),
    ];
    expect(scoreLines(scores)).toEqual([
      "fault detection (first): 1/1 faults caught · precision 1/1 (100 %)",
      "fault detection (blind): 0/1 faults caught · precision 1/1 (100 %)",
    ]);
    expect(formatTable(scores)).toContain("INPUT-PHONE-02*");
  });
});
