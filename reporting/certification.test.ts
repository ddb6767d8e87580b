import { describe, expect, it } from "vitest";
import type { ReqId } from "../generated/requirements.js";
import { facts, failure, finding, runResult, testResult } from "../lib/result-fixtures.js";
import { loadProfile, mockProfilePath } from "../run/profile.js";
import { buildCertification, exitCodeOf } from "./certification.js";
import { renderCertificationMd } from "./certification-md.js";

const mock = loadProfile(mockProfilePath).profile;
const lenient = { ...mock, strict: { ...mock.strict, requireRetryAfter: false } };
const some: ReqId[] = ["AUTH-01", "AUTH-02", "AUTH-09", "AUTH-08", "INPUT-PHONE-02", "SCHEMA-01", "RATE-06"];
const cert = (
  tests: Parameters<typeof runResult>[0],
  extra: Parameters<typeof runResult>[1] = {},
  profile = mock,
  selected: readonly ReqId[] = some,
) => buildCertification({ result: runResult(tests, extra), facts, profile, selected });
const all = (verdict: "pass" = "pass") => some.filter((id) => id !== "AUTH-08").map((id) => testResult(id, { verdict }));
const entry = (c: ReturnType<typeof cert>, id: ReqId) => c.requirements.find((r) => r.id === id);

describe("certification", () => {
  it("is conformant when every MUST in scope passed; OPEN requirements are observed", () => {
    const c = cert([...all(), testResult("AUTH-08", { verdict: "observed" })]);
    expect(c.verdict).toBe("conformant");
    expect(exitCodeOf(c.verdict)).toBe(0);
    expect(entry(c, "AUTH-08")?.result).toBe("observed");
    expect(c.summary).toMatch(/^CONFORMANT within scope: \d+ of \d+ MUST requirements passed/);
  });

  it("an observed requirement says what was seen, in certification.json whole and in certification.md as code", () => {
    const seen = { status: 200, codes: [], accepted: true };
    const hostile = "`**CONFORMANT**` | <img src=x> \u200b";
    const c = cert([
      ...all(),
      testResult("AUTH-08", {
        verdict: "observed",
        observations: [
          { what: "legacy scheme", value: seen },
          { what: "echo", value: hostile },
        ],
      }),
    ]);
    const e = entry(c, "AUTH-08");
    expect(e?.observations).toEqual([
      { test: expect.any(String), what: "legacy scheme", value: seen },
      { test: expect.any(String), what: "echo", value: hostile },
    ]);
    expect(e?.reason).toBe(`observed — legacy scheme: ${JSON.stringify(seen)}; echo: ${hostile}`);
    const row = renderCertificationMd(c)
      .split("\n")
      .find((l) => l.startsWith("| AUTH-08 "));
    // The target's text inside a code span longer than its own backticks, its pipe escaped, its zero-width space shown.
    expect(row).toContain('legacy scheme: ` {"status":200,"codes":[],"accepted":true} `');
    expect(row).toContain("echo: `` `**CONFORMANT**` \\| <img src=x> \\u200b ``");
    expect(row?.split(/(?<!\\)\|/)).toHaveLength(8);
  });

  it("an observed requirement whose test recorded nothing says so", () => {
    const c = cert([...all(), testResult("AUTH-08", { verdict: "observed" })]);
    expect(entry(c, "AUTH-08")?.reason).toBe("observed in 1 test(s), nothing recorded");
  });

  it("fails the requirement a finding is charged to, not the test's own one", () => {
    const charged = testResult("AUTH-01", {
      verdict: "pass",
      findings: [finding("SCHEMA-01", failure("error_envelope", "errors is an object"))],
    });
    const c = cert([...all().filter((t) => t.requirement !== "AUTH-01"), charged]);
    expect(entry(c, "AUTH-01")?.result).toBe("pass");
    expect(entry(c, "SCHEMA-01")?.result).toBe("fail");
    expect(entry(c, "SCHEMA-01")?.chargedBy[0]).toMatchObject({ check: "error_envelope" });
    expect(c.verdict).toBe("non-conformant");
    expect(c.failedMust).toEqual(["SCHEMA-01"]);
    expect(exitCodeOf(c.verdict)).toBe(1);
  });

  it("a SHOULD failure is a warning, not a verdict", () => {
    const c = cert([
      ...all().filter((t) => t.requirement !== "AUTH-09"),
      testResult("AUTH-09", { verdict: "fail", findings: [finding("AUTH-09")] }),
    ]);
    expect(c.verdict).toBe("conformant");
    expect(c.warnings.map((w) => w.id)).toEqual(["AUTH-09"]);
  });

  it("a level follows the profile where the registry says so (mustWhen)", () => {
    const tests = [
      ...all().filter((t) => t.requirement !== "RATE-06"),
      testResult("RATE-06", { verdict: "fail", findings: [finding("RATE-06")] }),
    ];
    expect(cert(tests).verdict).toBe("non-conformant");
    expect(entry(cert(tests), "RATE-06")).toMatchObject({ level: "MUST", declaredLevel: "SHOULD" });
    expect(cert(tests, {}, lenient).verdict).toBe("conformant");
  });

  it("a blocked test leaves its requirement not verified: the run is incomplete (exit 3), never conformant", () => {
    const blocked = testResult("SCHEMA-01", {
      verdict: "blocked",
      unverified: "blocked",
      blockedBy: "INPUT-PHONE-02",
      reason: "blocked by INPUT-PHONE-02: HTTP status 422 expected",
    });
    const c = cert([...all().filter((t) => t.requirement !== "SCHEMA-01"), blocked]);
    expect(entry(c, "SCHEMA-01")).toMatchObject({ result: "not-verified" });
    expect(entry(c, "SCHEMA-01")?.reason).toMatch(/blocked by INPUT-PHONE-02/);
    expect(c.verdict).toBe("incomplete");
    expect(exitCodeOf(c.verdict)).toBe(3);
    expect(c.summary).toMatch(/^INCOMPLETE: 1 of \d+ MUST requirements in scope not verified/);
  });

  it("one blocked test among passing ones still leaves the requirement not verified", () => {
    const c = cert([
      ...all(),
      testResult("AUTH-01", { verdict: "skipped", unverified: "budget", reason: "the request budget of 5 requests is spent" }),
    ]);
    expect(entry(c, "AUTH-01")?.result).toBe("not-verified");
    expect(c.verdict).toBe("incomplete");
  });

  it("what the profile says the target cannot do is out of scope, and named in the summary", () => {
    const oos = testResult("RATE-06", {
      verdict: "skipped",
      unverified: "out-of-scope",
      reason: "the target does not support rateLimitTests (profile capabilities.rateLimitTests is false)",
    });
    const c = cert([...all().filter((t) => t.requirement !== "RATE-06"), oos]);
    expect(entry(c, "RATE-06")?.result).toBe("out-of-scope");
    expect(c.verdict).toBe("conformant");
    expect(c.summary).toMatch(/out of scope: rateLimitTests \(1\)/);
  });

  it("a scope without a MUST requirement is no verdict (incomplete)", () => {
    const c = cert([testResult("AUTH-08", { verdict: "observed" })], {}, mock, ["AUTH-08"]);
    expect(c.scope.must.inScope).toBe(0);
    expect(c.verdict).toBe("incomplete");
  });

  it("an interrupted run is incomplete; a suite defect is could-not-run (exit 2); a MUST failure wins over both", () => {
    const stopped = cert(all(), { interrupted: true, runErrors: [{ kind: "interrupted", source: "launcher", message: "stopped" }] });
    expect(stopped.verdict).toBe("incomplete");
    // Every MUST passed in the tests it ran: the line says it was stopped, not "0 of N not verified".
    expect(stopped.summary).toMatch(
      /^INCOMPLETE: the run was stopped before every test ran; (\d+) of \1 MUST requirements in scope passed in the tests it ran/,
    );
    const defect = cert(all(), { runErrors: [{ kind: "suite-defect", source: "suites/a.test", message: "SyntaxError" }] });
    expect([defect.verdict, exitCodeOf(defect.verdict)]).toEqual(["could-not-run", 2]);
    const both = cert([...all(), testResult("AUTH-01", { verdict: "fail", findings: [finding("AUTH-01")] })], {
      runErrors: [{ kind: "suite-defect", source: "x", message: "y" }],
    });
    expect(both.verdict).toBe("non-conformant");
  });

  it("says a requirement none of whose tests ran was not verified because the run was stopped, when it was", () => {
    const stopped = { interrupted: true, runErrors: [{ kind: "interrupted" as const, source: "launcher", message: "stopped" }] };
    const ran = all().filter((t) => t.requirement !== "RATE-06");
    expect(entry(cert(ran, stopped), "RATE-06")).toMatchObject({
      result: "not-verified",
      reason: "the run was stopped before a test or an examined answer verified it",
    });
    expect(entry(cert(ran), "RATE-06")).toMatchObject({ result: "not-verified", reason: "no test and no examined answer verified it" });
  });

  it("a requirement enforced only by a standard check is verified by the answers the check examined", () => {
    const c = cert([testResult("AUTH-01", { checked: { schema_conformant: 3 } })], {}, mock, ["AUTH-01", "SCHEMA-10"]);
    expect(entry(c, "SCHEMA-10")).toMatchObject({ result: "pass" });
    const none = cert([testResult("AUTH-01")], {}, mock, ["AUTH-01", "SCHEMA-10"]);
    expect(entry(none, "SCHEMA-10")?.result).toBe("not-verified");
  });

  it("records a faulty embedded mock in the summary line", () => {
    const c = buildCertification({
      result: runResult(all()),
      facts: { ...facts, mockFaults: ["phone-lenient"] },
      profile: mock,
      selected: some,
    });
    expect(c.summary).toMatch(/\[embedded mock with faults: phone-lenient\]/);
  });
});

describe("certification.md", () => {
  it("traces every requirement to its text, its sources on ID.me's pages and its decision, linked", () => {
    const md = renderCertificationMd(cert(all()));
    const row = (id: string) => md.split("\n").find((l) => l.startsWith(`| ${id} |`)) ?? "";
    expect(row("HEALTH-01")).toContain("GET /health answers 200 with an empty body.");
    expect(row("HEALTH-01")).toContain("[DOC:overview#health-check](https://docs.id.me/services-api-overview#health-check)");
    // decisions.md is copied beside certification.md: a relative link, to the record's anchor.
    expect(row("AUTH-02")).toMatch(/DECISION \[D1\]\(decisions\.md#d1\)/);
    expect(md).not.toMatch(/\]\(\//); // no absolute path of the machine that ran it
  });
});
