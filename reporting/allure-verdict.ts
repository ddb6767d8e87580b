/**
 * The certification verdict as the HTML report shows it: one headline with its scope, for the
 * report's title and the banner, and short key/value lines for Allure's "Variables" block
 * (the block cuts values at ~35 characters, so each says one thing).
 */
import type { Certification } from "./certification.js";

export type VerdictWord = "CONFORMANT" | "NON-CONFORMANT" | "INCOMPLETE";

export type VerdictInput = Pick<Certification, "verdict" | "requirements" | "errors" | "unverifiedMust">;

export interface VerdictHeadline {
  verdict: VerdictWord;
  /** e.g. `CONFORMANT within scope: 86 of 100 MUST requirements`. */
  line: string;
  variables: Record<string, string>;
}

const WORD: Record<Certification["verdict"], VerdictWord> = {
  conformant: "CONFORMANT",
  "non-conformant": "NON-CONFORMANT",
  inconclusive: "INCOMPLETE",
};

export function verdictHeadline(c: VerdictInput): VerdictHeadline {
  // OPEN requirements are observed, never judged: they are not part of the scope.
  const must = c.requirements.filter((r) => r.level === "MUST" && r.basis !== "OPEN");
  const verified = must.filter((r) => r.result === "pass").length;
  const failed = must.filter((r) => r.result === "fail").map((r) => r.id);
  const verdict = WORD[c.verdict];
  const ofAll = `${verified} of ${must.length} MUST requirements`;
  const line =
    verdict === "NON-CONFORMANT"
      ? `NON-CONFORMANT: ${failed.length} of ${must.length} MUST requirements failed (${ids(failed)})`
      : verdict === "INCOMPLETE"
        ? `INCOMPLETE: ${c.errors.length} run problem${c.errors.length === 1 ? "" : "s"}, ${ofAll} verified`
        : verified === must.length
          ? `CONFORMANT: all ${must.length} MUST requirements verified`
          : `CONFORMANT within scope: ${ofAll}`;
  const variables: Record<string, string> = {
    Verdict: verdict,
    "MUST verified": `${verified} of ${must.length}`,
    "MUST failed": failed.length ? `${failed.length}: ${ids(failed)}` : "0",
    "MUST not verified": String(c.unverifiedMust.length),
  };
  if (c.errors.length) variables["Run problems"] = String(c.errors.length);
  return { verdict, line, variables };
}

function ids(list: string[], max = 3): string {
  return list.length > max ? `${list.slice(0, max).join(", ")}, +${list.length - max}` : list.join(", ");
}
