import { describe, expect, it } from "vitest";
import { buildCertification, exitCodeOf, verdictLine, type RunMeta } from "./certification.js";
import type { Requirement } from "./registry.js";
import type { TestRecord } from "./test-record.js";

const req = (id: string, level: Requirement["level"], basis: Requirement["basis"] = "DOC", area = "auth"): Requirement => ({
  id,
  area,
  level,
  basis,
  operations: ["*"],
  text: `${id} text`,
});
const registry = [
  req("AUTH-01", "MUST"),
  req("AUTH-02", "SHOULD"),
  req("AUTH-03", "MUST", "OPEN"),
  req("INPUT-01", "MUST", "DOC", "input"),
  req("INPUT-02", "MUST", "DOC", "input"),
];
const meta: RunMeta = {
  suite: { name: "s", version: "0.1.0" },
  specSha256: "abc",
  target: "http://t",
  profile: "mock",
  seed: 1,
  today: "2025-01-01",
  date: "2025-01-01T00:00:00Z",
  filter: null,
};

const t = (requirement: string, state: TestRecord["state"], extra: Partial<TestRecord> = {}): TestRecord => ({
  title: `[${requirement}] does something`,
  fullName: `[${requirement}] does something`,
  file: "suites/x.test.ts",
  requirement,
  state,
  ...extra,
});

const result = (c: ReturnType<typeof buildCertification>, id: string) => c.requirements.find((r) => r.id === id)!;

describe("certification verdict", () => {
  it("is conformant when every MUST requirement passed, and lists every registry requirement", () => {
    const c = buildCertification({ registry, tests: [t("AUTH-01", "passed"), t("INPUT-01", "passed")], runErrors: [], meta });
    expect(c.verdict).toBe("conformant");
    expect(c.requirements.map((r) => r.id)).toEqual(registry.map((r) => r.id));
    expect(result(c, "AUTH-01").result).toBe("pass");
    expect(result(c, "INPUT-02")).toMatchObject({ result: "skip", reason: expect.stringMatching(/^untested/) });
    expect(exitCodeOf(c)).toBe(0);
  });

  it("calls a conformant run with skipped MUST requirements partial, naming them (OPEN ones excluded)", () => {
    const c = buildCertification({ registry, tests: [t("AUTH-01", "passed"), t("INPUT-01", "passed")], runErrors: [], meta });
    expect(c.unverifiedMust).toEqual(["INPUT-02"]);
    expect(verdictLine(c)).toBe("conformant (partial: 1 MUST requirement not verified)");
    const full = buildCertification({
      registry,
      tests: [t("AUTH-01", "passed"), t("INPUT-01", "passed"), t("INPUT-02", "passed")],
      runErrors: [],
      meta,
    });
    expect(full.unverifiedMust).toEqual([]);
    expect(verdictLine(full)).toBe("conformant");
  });

  it("is non-conformant when a MUST requirement has a contract failure (exit 1)", () => {
    const c = buildCertification({
      registry,
      tests: [t("AUTH-01", "failed", { errorName: "ContractAssertionError", message: "expected 401, got 200\nmore" })],
      runErrors: [],
      meta,
    });
    expect(c.verdict).toBe("non-conformant");
    expect(result(c, "AUTH-01")).toMatchObject({ result: "fail", reason: "expected 401, got 200" });
    expect(c.totals.failed).toBe(1);
    expect(exitCodeOf(c)).toBe(1);
  });

  it("treats a SHOULD failure as a warning, not a verdict", () => {
    const c = buildCertification({
      registry,
      tests: [t("AUTH-02", "failed", { errorName: "AssertionError", message: "no Retry-After" })],
      runErrors: [],
      meta,
    });
    expect(c.verdict).toBe("conformant");
    expect(c.warnings).toEqual([{ id: "AUTH-02", level: "SHOULD", reason: "no Retry-After" }]);
  });

  it("never fails an OPEN requirement: it is observed", () => {
    const c = buildCertification({
      registry,
      tests: [t("AUTH-03", "failed", { errorName: "ContractAssertionError", message: "legacy form rejected" })],
      runErrors: [],
      meta,
    });
    expect(result(c, "AUTH-03")).toMatchObject({ result: "observed", reason: expect.stringContaining("legacy form rejected") });
    expect(c.verdict).toBe("conformant");
  });

  it("makes an unreachable target inconclusive (exit 2), not a failure", () => {
    const c = buildCertification({
      registry,
      tests: [t("AUTH-01", "failed", { errorName: "TargetUnreachableError", message: "connect ECONNREFUSED" })],
      runErrors: [],
      meta,
    });
    expect(result(c, "AUTH-01")).toMatchObject({ result: "skip", reason: expect.stringContaining("target unreachable") });
    expect(c.verdict).toBe("inconclusive");
    expect(c.errors[0]).toMatchObject({ kind: "target-unreachable" });
    expect(exitCodeOf(c)).toBe(2);
  });

  it("reports a suite defect (a TypeError in a test, a module that fails to import) as exit 2", () => {
    const c = buildCertification({
      registry,
      tests: [t("AUTH-01", "failed", { errorName: "TypeError", message: "x is undefined" })],
      runErrors: [{ kind: "module", source: "suites/a.test.ts", message: "SyntaxError: bad" }],
      meta,
    });
    expect(c.errors.map((e) => e.kind)).toEqual(["suite-defect", "suite-defect"]);
    expect(c.verdict).toBe("inconclusive");
    expect(exitCodeOf(c)).toBe(2);
  });

  it("keeps exit 1 when a MUST failure is certain even if another test broke", () => {
    const c = buildCertification({
      registry,
      tests: [
        t("AUTH-01", "failed", { errorName: "ContractAssertionError", message: "m" }),
        t("INPUT-01", "failed", { errorName: "TargetUnreachableError", message: "timeout" }),
      ],
      runErrors: [],
      meta,
    });
    expect(c.verdict).toBe("non-conformant");
    expect(exitCodeOf(c)).toBe(1);
  });

  it("gives skipped tests their reason and filtered requirements 'not run (filtered)'", () => {
    const c = buildCertification({
      registry,
      tests: [t("INPUT-01", "skipped", { note: "request budget exhausted" }), t("AUTH-01", "skipped")],
      runErrors: [],
      selected: new Set(["INPUT-01", "INPUT-02"]),
      meta,
    });
    expect(result(c, "INPUT-01")).toMatchObject({ result: "skip", reason: "request budget exhausted" });
    expect(result(c, "AUTH-01")).toMatchObject({ result: "skip", reason: "not run (filtered)" });
    expect(result(c, "INPUT-02").reason).toMatch(/^untested/);
    expect(c.tests).toEqual({ passed: 0, failed: 0, skipped: 1 });
  });

  it("flags a test whose title names no known requirement", () => {
    const c = buildCertification({ registry, tests: [{ ...t("NOPE-99", "passed") }], runErrors: [], meta });
    expect(c.errors[0].message).toContain("NOPE-99");
  });

  it("exits 2 when no test ran at all", () => {
    const c = buildCertification({ registry, tests: [t("AUTH-01", "skipped")], runErrors: [], meta });
    expect(c.verdict).toBe("inconclusive");
    expect(exitCodeOf(c)).toBe(2);
  });
});
