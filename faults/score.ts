/**
 * Judging runs against faulty mocks, from each run's certification (the same verdict a user gets):
 * a fault is CAUGHT when a requirement it declares it breaks failed; it is PRECISE when every failed MUST
 * requirement is one it declares (no collateral red). A conformant variant must pass: no requirement failed.
 */
import type { ReqId } from "../generated/requirements.js";
import type { Certification } from "../reporting/certification.js";
import type { CatalogueFault, ConformantVariant } from "./types.js";

export type Verdict = "caught" | "wrong-reason" | "missed" | "broken-run";

export interface FaultScore {
  fault: CatalogueFault;
  catalogue: string;
  verdict: Verdict;
  /** every requirement that failed (any level) */
  failing: ReqId[];
  /** failing ids the fault declares it breaks */
  matched: ReqId[];
  /** failed MUST requirements the fault does not declare: a precision miss */
  collateral: ReqId[];
  /** tests blocked in the run (each names the requirement that broke) */
  blocked: number;
  durationMs: number;
  problem?: string;
}

export function failedRequirements(c: Certification): ReqId[] {
  return c.requirements.filter((r) => r.result === "fail").map((r) => r.id);
}

export function judge(fault: CatalogueFault, catalogue: string, c: Certification, durationMs: number): FaultScore {
  const failing = failedRequirements(c);
  const breaks = fault.breaks as readonly ReqId[];
  const matched = failing.filter((id) => breaks.includes(id));
  const collateral = c.failedMust.filter((id) => !breaks.includes(id));
  const broken = c.verdict === "could-not-run" ? c.errors.map((e) => `${e.kind} ${e.source}: ${e.message}`).join("; ") : undefined;
  const verdict: Verdict = broken ? "broken-run" : matched.length ? "caught" : failing.length ? "wrong-reason" : "missed";
  return {
    fault,
    catalogue,
    verdict,
    failing,
    matched,
    collateral,
    blocked: c.totals.tests.blocked,
    durationMs,
    ...(broken ? { problem: broken } : {}),
  };
}

/**
 * Nothing the fault breaks failed, and one of those requirements could not be judged (a test in error: a timeout, a
 * wait the machine made too long): the run says nothing about the fault yet, and detection runs it again.
 */
export function couldNotJudge(fault: CatalogueFault, c: Certification): boolean {
  const breaks = fault.breaks as readonly ReqId[];
  const judgedHere = c.requirements.filter((r) => breaks.includes(r.id));
  return !judgedHere.some((r) => r.result === "fail") && judgedHere.some((r) => r.result === "not-verified");
}

/** A variant's run with tests in error and nothing failed: it says nothing yet, and detection runs it again. */
export function variantUnjudged(c: Certification): boolean {
  return failedRequirements(c).length === 0 && c.totals.tests.error > 0;
}

/** A fault whose shadow reached no test (mock/shadows.ts): nothing the suite sends is answered differently. */
export function unreached(fault: CatalogueFault, catalogue: string): FaultScore {
  return {
    fault,
    catalogue,
    verdict: "missed",
    failing: [],
    matched: [],
    collateral: [],
    blocked: 0,
    durationMs: 0,
    problem: "no test reached it",
  };
}

export interface VariantScore {
  variant: ConformantVariant;
  passes: boolean;
  /** what failed: every one is a false alarm */
  failing: ReqId[];
  verdict: Certification["verdict"];
  summary: string;
}

/** `c` undefined: the variant's shadow reached no test (it answers everything as the conformant mock does). */
export function judgeVariant(variant: ConformantVariant, c?: Certification): VariantScore {
  if (!c) return { variant, passes: true, failing: [], verdict: "conformant", summary: "no test reached it" };
  const failing = failedRequirements(c);
  // A run of only the tests the variant reaches leaves the others unverified: what counts is that nothing
  // failed, nothing was blocked and no test it ran was in error (a conformant target must be verifiable too: a
  // test that cannot judge it would make the user's verdict incomplete).
  const { blocked, error } = c.totals.tests;
  const passes = c.verdict !== "could-not-run" && failing.length === 0 && blocked === 0 && error === 0;
  const inError = error ? ` (${error} test(s) in error: ${c.notVerifiedMust.map((n) => n.id).join(", ") || "no MUST"})` : "";
  // Passing, its certification reads INCOMPLETE when it ran only the tests it reaches: say what it ran instead.
  const ran = Object.values(c.totals.tests).reduce((n, k) => n + k, 0);
  const left = c.notVerifiedMust.length ? `; ${c.notVerifiedMust.length} MUST requirement(s) not run or skipped` : "";
  const summary = passes ? `every test it ran passed or was observed (${ran} test(s))${left}` : `${c.summary}${inError}`;
  return { variant, passes, failing, verdict: c.verdict, summary };
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length));

export interface CatalogueScore {
  name: string;
  caught: number;
  precise: number;
  total: number;
}

export function catalogueScores(scores: readonly FaultScore[]): CatalogueScore[] {
  const names = [...new Set(scores.map((s) => s.catalogue))];
  return names.map((name) => {
    const own = scores.filter((s) => s.catalogue === name);
    return {
      name,
      caught: own.filter((s) => s.verdict === "caught").length,
      precise: own.filter((s) => s.collateral.length === 0).length,
      total: own.length,
    };
  });
}

/** The score lines: `fault detection (first): 73/73 caught · precision 73/73 (100 %)`. */
export function scoreLines(scores: readonly FaultScore[]): string[] {
  return catalogueScores(scores).map(
    (c) =>
      `fault detection (${c.name}): ${c.caught}/${c.total} faults caught · precision ${c.precise}/${c.total} (${c.total ? Math.floor((100 * c.precise) / c.total) : 100} %)`,
  );
}

/** The printed table, one line per fault, then the score lines. */
export function formatTable(scores: readonly FaultScore[], variants: readonly VariantScore[] = []): string {
  const width = Math.max(5, ...scores.map((s) => s.fault.id.length), ...variants.map((v) => v.variant.id.length));
  const lines = [
    `${pad("fault", width)}  ${pad("verdict", 12)}  ${pad("time", 7)}  failing requirements (* = declared in breaks, ! = collateral MUST)`,
  ];
  for (const s of scores) {
    const ids = s.failing.map((id) => (s.matched.includes(id) ? `${id}*` : s.collateral.includes(id) ? `${id}!` : id));
    const shown = ids.length > 8 ? [...ids.slice(0, 8), `… ${ids.length - 8} more`] : ids;
    const detail =
      s.verdict === "broken-run"
        ? (s.problem ?? "")
        : s.verdict === "missed"
          ? `nothing failed; breaks ${s.fault.breaks.join(", ")}`
          : shown.join(" ") + (s.verdict === "wrong-reason" ? `; breaks ${s.fault.breaks.join(", ")}` : "");
    lines.push(`${pad(s.fault.id, width)}  ${pad(s.verdict, 12)}  ${pad(`${(s.durationMs / 1000).toFixed(1)}s`, 7)}  ${detail}`);
  }
  for (const v of variants)
    lines.push(
      `${pad(v.variant.id, width)}  ${pad(v.passes ? "passes" : "FALSE ALARM", 12)}  ${pad("", 7)}  ${v.passes ? v.summary : v.failing.join(" ") || v.summary}`,
    );
  lines.push("", ...scoreLines(scores));
  if (variants.length) lines.push(`conformant variants: ${variants.filter((v) => v.passes).length}/${variants.length} pass`);
  return lines.join("\n");
}
