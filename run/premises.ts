/**
 * Defines `applyPremises`: a test whose premise broke verified nothing. A check-order test ("403 before
 * 422") fails when the target does not detect one of its two conditions at all; that deviation is the
 * other requirement's, which fails in its own tests. After a run, a failed test whose declared premise
 * (Needs.premises) failed in the same run is reported as blocked by it; findings charged to other
 * requirements by the standard checks stay as they are.
 */
import type { ReqId } from "../generated/requirements.js";
import type { TestResult } from "./results.js";

/** Requirements with a finding of their own in this run (charged by a test of theirs or a standard check). */
function failedRequirements(tests: readonly TestResult[]): Set<ReqId> {
  return new Set(tests.flatMap((t) => t.outcome.findings.map((f) => f.requirement)));
}

/** The premises of a failed test other than its own requirement: the run's end decides whether it stands or is blocked. */
export const openPremises = (t: TestResult): readonly ReqId[] =>
  t.outcome.verdict === "fail" ? (t.needs?.premises ?? []).filter((p) => p !== t.requirement) : [];

export function applyPremises(tests: readonly TestResult[]): TestResult[] {
  const failed = failedRequirements(tests);
  return tests.map((t) => {
    const broken = openPremises(t).find((p) => failed.has(p));
    if (!broken) return t;
    const own = t.outcome.findings.filter((f) => f.requirement === t.requirement);
    const first = own[0]?.failure.title ?? "its assertion failed";
    return {
      ...t,
      outcome: {
        ...t.outcome,
        verdict: "blocked",
        unverified: "blocked",
        blockedBy: broken,
        reason: `blocked by ${broken} (failed in this run): ${first}`,
        findings: t.outcome.findings.filter((f) => f.requirement !== t.requirement),
      },
    };
  });
}
