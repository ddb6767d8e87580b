/**
 * The certification verdict as the HTML report shows it: the summary line with its scope, for the
 * report's title and the banner, and short key/value lines for Allure's "Variables" block
 * (the block cuts values at ~35 characters, so each says one thing).
 */
import type { Certification } from "./certification.js";

export type VerdictWord = "CONFORMANT" | "NON-CONFORMANT" | "INCOMPLETE" | "COULD NOT RUN";

export type VerdictInput = Pick<Certification, "verdict" | "summary" | "scope" | "failedMust" | "notVerifiedMust" | "errors" | "totals">;

export interface VerdictHeadline {
  verdict: VerdictWord;
  /** e.g. `CONFORMANT within scope: 86 of 100 MUST requirements passed`. */
  line: string;
  variables: Record<string, string>;
}

const WORD: Record<Certification["verdict"], VerdictWord> = {
  conformant: "CONFORMANT",
  "non-conformant": "NON-CONFORMANT",
  incomplete: "INCOMPLETE",
  "could-not-run": "COULD NOT RUN",
};

export function verdictHeadline(c: VerdictInput): VerdictHeadline {
  const { must } = c.scope;
  const variables: Record<string, string> = {
    Verdict: WORD[c.verdict],
    "MUST in scope": String(must.inScope),
    "MUST passed": `${must.passed} of ${must.inScope}`,
    "MUST failed": c.failedMust.length ? `${c.failedMust.length}: ${ids(c.failedMust)}` : "0",
    "MUST not verified": c.notVerifiedMust.length ? `${c.notVerifiedMust.length}: ${ids(c.notVerifiedMust.map((n) => n.id))}` : "0",
  };
  if (c.scope.outOfScope.length) variables["Out of scope"] = String(c.scope.outOfScope.length);
  if (c.errors.length) variables["Run problems"] = String(c.errors.length);
  // Allure has no status for "recorded, never judged": these tests count among its passed ones, so say how many.
  const observed = c.totals.tests.observed;
  if (observed) variables["Observed (OPEN)"] = `${observed} test${observed === 1 ? "" : "s"}, shown as passed`;
  return { verdict: WORD[c.verdict], line: c.summary, variables };
}

function ids(list: string[], max = 3): string {
  return list.length > max ? `${list.slice(0, max).join(", ")}, +${list.length - max}` : list.join(", ");
}
