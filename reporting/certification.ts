/**
 * The certification summary: every requirement of the registry with its result, the run's scope and the
 * verdict. Pure: the launcher's results and the run's facts come in, the decision comes out.
 *
 * - A requirement FAILS when a finding is charged to it (by one of its tests, or by a standard check on any
 *   answer). OPEN requirements are "observed", never failed. A SHOULD/MAY failure is a warning.
 * - A requirement's level follows the profile where the registry says so (`mustWhen`: a profile that turns
 *   strict.requireRetryAfter on declares Retry-After required, so RATE-06 is a MUST for that run).
 * - The SCOPE is the selection minus what the profile declares the target cannot do (a requirement all of
 *   whose tests need a capability, role or strict switch the profile does not have).
 * - A requirement in scope PASSES only when every one of its tests in scope passed; one that is blocked,
 *   skipped for the budget or a missing credential, timed out or could not reach the target is NOT VERIFIED.
 * - Verdict: non-conformant (exit 1) iff a MUST in scope failed; otherwise could-not-run (exit 2) when the
 *   suite itself broke or no test could judge because the target never answered usably; otherwise incomplete (exit 3) when a MUST in scope was not verified, the run was
 *   interrupted, or the scope holds no MUST at all; otherwise conformant (exit 0).
 */
import { type ReqId, type Requirement, requirements } from "../generated/requirements.js";
import type { Profile } from "../run/profile.js";
import type { RunError, RunResult, TestResult } from "../run/results.js";
import type { Verdict } from "../run/outcome.js";
import { standardChecks } from "../checks/registry.js";
import { compareIds } from "./registry.js";
import type { RunFacts } from "./run-facts.js";

export type ReqResult = "pass" | "fail" | "observed" | "not-verified" | "out-of-scope" | "not-selected";
export type RunVerdict = "conformant" | "non-conformant" | "incomplete" | "could-not-run";

export interface RequirementEntry {
  id: ReqId;
  /** the level for this run (follows the profile where `mustWhen` says so) */
  level: Requirement["level"];
  declaredLevel: Requirement["level"];
  basis: Requirement["basis"];
  area: string;
  text: string;
  decision?: string;
  /** where the requirement is written: ID.me's pages (`DOC:overview#health-check`) or the spec */
  sources: readonly string[];
  result: ReqResult;
  reason: string;
  tests: { id: string; title: string; verdict: Verdict; reason?: string }[];
  /** findings charged to it by standard checks on other tests' answers (test id, check) */
  chargedBy: { test: string; check: string; title: string }[];
  /** what its tests recorded (an OPEN requirement's result is what was seen), redacted when recorded */
  observations: { test: string; what: string; value: unknown }[];
}

export interface Certification {
  facts: RunFacts;
  verdict: RunVerdict;
  /** one line: "CONFORMANT within scope: 86 of 100 MUST requirements; out of scope: …" */
  summary: string;
  scope: {
    selected: number;
    inScope: number;
    must: { inScope: number; passed: number; failed: number; notVerified: number };
    outOfScope: { id: ReqId; reason: string }[];
  };
  totals: { requirements: Record<ReqResult, number>; tests: Record<Verdict, number> };
  failedMust: ReqId[];
  notVerifiedMust: { id: ReqId; reason: string }[];
  warnings: { id: ReqId; level: string; reason: string }[];
  errors: RunError[];
  requirements: RequirementEntry[];
}

export function effectiveLevel(req: Requirement, profile: Pick<Profile, "strict">): Requirement["level"] {
  if (!req.mustWhen) return req.level;
  const [, key] = req.mustWhen.split(".") as [string, keyof Profile["strict"]];
  return profile.strict[key] ? "MUST" : req.level;
}

const firstLine = (s: string | undefined): string =>
  (s ?? "")
    .split("\n")
    .find((l) => l.trim() !== "")
    ?.trim() ?? "";

function judge(
  req: Requirement,
  level: Requirement["level"],
  own: TestResult[],
  charged: RequirementEntry["chargedBy"],
  selected: boolean,
  examined: number,
  interrupted: boolean,
): Omit<RequirementEntry, keyof Requirement | "level" | "declaredLevel" | "chargedBy"> & { result: ReqResult; reason: string } {
  const tests = own.map((t) => ({
    id: t.id,
    title: t.title,
    verdict: t.outcome.verdict,
    ...(t.outcome.reason ? { reason: t.outcome.reason } : {}),
  }));
  const observations = own.flatMap((t) => t.outcome.observations.map((o) => ({ test: t.id, what: o.what, value: o.value })));
  const entry = (result: ReqResult, reason: string) => ({ result, reason, tests, observations });
  if (!selected) return entry("not-selected", "not selected by the filter");
  const inScope = own.filter((t) => t.outcome.unverified !== "out-of-scope");
  const ownFinding = own.flatMap((t) => t.outcome.findings.filter((f) => f.requirement === req.id));
  if (req.basis === "OPEN") {
    const ran = inScope.filter((t) => t.outcome.verdict === "observed" || t.outcome.verdict === "pass");
    if (ran.length) return entry("observed", observedReason(observations, ran.length));
  }
  if (ownFinding.length || charged.length) {
    const f = ownFinding[0]?.failure;
    return entry("fail", f ? `${f.check}: ${f.title}` : `charged by ${charged[0].check} on ${charged[0].test}: ${charged[0].title}`);
  }
  if (own.length === 0) {
    // Enforced only by a standard check: verified by every answer of the run the check examined.
    if (examined > 0) return entry("pass", `verified by the standard check on ${examined} answer(s)`);
    return entry(
      "not-verified",
      interrupted ? "the run was stopped before a test or an examined answer verified it" : "no test and no examined answer verified it",
    );
  }
  if (inScope.length === 0) return entry("out-of-scope", firstLine(own[0].outcome.reason) || "the profile leaves it out");
  const unverified = inScope.filter((t) => t.outcome.verdict !== "pass" && t.outcome.verdict !== "observed");
  if (unverified.length) {
    const u = unverified[0].outcome;
    const why =
      u.verdict === "blocked" ? (u.reason ?? `blocked by ${u.blockedBy}`) : `${u.unverified ?? u.verdict}: ${firstLine(u.reason)}`;
    return entry("not-verified", `${unverified.length} of ${inScope.length} test(s) not verified — ${why}`);
  }
  return entry(req.basis === "OPEN" ? "observed" : "pass", level === req.level ? "" : `a ${level} for this profile (${req.mustWhen})`);
}

/** An observation's value as one short line (what an OPEN requirement's row says it saw). */
const OBSERVED_CHARS = 160;
function observedText(value: unknown, max = OBSERVED_CHARS): string {
  const s = typeof value === "string" ? value : (JSON.stringify(value) ?? String(value));
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/**
 * "observed — legacy scheme: {…}; …": the first observations, each as `show` writes its label and short value, then how
 * many more (certification.json has them all). certification.md shows the target's values as code.
 */
export function observedSummary(
  observations: RequirementEntry["observations"],
  show: (what: string, value: string) => string = (what, value) => `${what}: ${value}`,
): string {
  const shown = observations.slice(0, 3).map((o) => show(o.what, observedText(o.value)));
  const more = observations.length > shown.length ? `; ${observations.length - shown.length} more in certification.json` : "";
  return `observed — ${shown.join("; ")}${more}`;
}

const observedReason = (observations: RequirementEntry["observations"], tests: number): string =>
  observations.length === 0 ? `observed in ${tests} test(s), nothing recorded` : observedSummary(observations);

export interface CertificationInput {
  result: RunResult;
  facts: RunFacts;
  /** only its strict switches matter here (the levels of `mustWhen` requirements) */
  profile: Pick<Profile, "strict">;
  /** requirement ids the run selected; undefined = every requirement */
  selected?: readonly ReqId[];
}

export function buildCertification({ result, facts, profile, selected }: CertificationInput): Certification {
  const registry = Object.values(requirements).sort((a, b) => compareIds(a.id, b.id));
  const chosen = new Set<ReqId>(selected ?? registry.map((r) => r.id));
  const byReq = new Map<ReqId, TestResult[]>();
  const charged = new Map<ReqId, RequirementEntry["chargedBy"]>();
  for (const t of result.tests) {
    byReq.set(t.requirement, [...(byReq.get(t.requirement) ?? []), t]);
    for (const f of t.outcome.findings) {
      if (f.requirement === t.requirement) continue;
      charged.set(f.requirement, [...(charged.get(f.requirement) ?? []), { test: t.id, check: f.failure.check, title: f.failure.title }]);
    }
  }
  const examinedFor = (id: ReqId) =>
    standardChecks
      .filter((c) => c.requirement === id)
      .reduce((n, c) => n + result.tests.reduce((m, t) => m + (t.outcome.checked?.[c.id] ?? 0), 0), 0);
  const entries: RequirementEntry[] = registry.map((req) => {
    const level = effectiveLevel(req, profile);
    const chargedBy = charged.get(req.id) ?? [];
    return {
      id: req.id,
      level,
      declaredLevel: req.level,
      basis: req.basis,
      area: req.area,
      text: req.text,
      ...(req.decision ? { decision: req.decision } : {}),
      sources: req.sources,
      chargedBy,
      ...judge(req, level, byReq.get(req.id) ?? [], chargedBy, chosen.has(req.id), examinedFor(req.id), result.interrupted),
    };
  });

  const count = <K extends string>(keys: readonly K[], of: (k: K) => number) =>
    Object.fromEntries(keys.map((k) => [k, of(k)])) as Record<K, number>;
  const reqResults = ["pass", "fail", "observed", "not-verified", "out-of-scope", "not-selected"] as const;
  const verdicts = ["pass", "fail", "blocked", "skipped", "observed", "error"] as const;
  const mustIn = entries.filter(
    (e) => e.level === "MUST" && e.basis !== "OPEN" && e.result !== "out-of-scope" && e.result !== "not-selected",
  );
  const failedMust = mustIn.filter((e) => e.result === "fail").map((e) => e.id);
  const notVerifiedMust = mustIn.filter((e) => e.result === "not-verified").map((e) => ({ id: e.id, reason: e.reason }));
  const defects = result.tests.filter((t) => t.outcome.unverified === "defect");
  const errors: RunError[] = [
    ...result.runErrors,
    ...defects.map((t) => ({ kind: "suite-defect" as const, source: t.id, message: firstLine(t.outcome.reason) })),
  ];
  // Nothing was judged because the target never answered usably: that is "could not run", not a partial run.
  const judged = result.tests.filter(
    (t) => t.outcome.verdict === "pass" || t.outcome.verdict === "fail" || t.outcome.verdict === "observed",
  );
  const unreachable = result.tests.filter((t) => t.outcome.unverified === "unreachable" || t.outcome.unverified === "timeout");
  const broken = errors.some((e) => e.kind !== "interrupted") || (judged.length === 0 && unreachable.length > 0);
  const verdict: RunVerdict = failedMust.length
    ? "non-conformant"
    : broken
      ? "could-not-run"
      : notVerifiedMust.length || result.interrupted || mustIn.length === 0
        ? "incomplete"
        : "conformant";
  const outOfScope = entries.filter((e) => e.result === "out-of-scope").map((e) => ({ id: e.id, reason: e.reason }));
  const scope = {
    selected: chosen.size,
    inScope: entries.filter((e) => e.result !== "out-of-scope" && e.result !== "not-selected").length,
    must: {
      inScope: mustIn.length,
      passed: mustIn.filter((e) => e.result === "pass").length,
      failed: failedMust.length,
      notVerified: notVerifiedMust.length,
    },
    outOfScope,
  };
  const cert: Certification = {
    facts,
    verdict,
    summary: "",
    scope,
    totals: {
      requirements: count(reqResults, (k) => entries.filter((e) => e.result === k).length),
      tests: count(verdicts, (k) => result.tests.filter((t) => t.outcome.verdict === k).length),
    },
    failedMust,
    notVerifiedMust,
    warnings: entries.filter((e) => e.result === "fail" && e.level !== "MUST").map((e) => ({ id: e.id, level: e.level, reason: e.reason })),
    errors,
    requirements: entries,
  };
  cert.summary = summaryLine(cert);
  return cert;
}

/** Why requirements are out of scope, grouped (capability names, missing roles …), for the one-line summary. */
function outOfScopeGroups(c: Pick<Certification, "scope">): string[] {
  const groups = new Map<string, number>();
  for (const o of c.scope.outOfScope) {
    const m = /capabilities\.(\w+)|strict\.(\w+)|role (\w+)|does not state ([\w.]+)/.exec(o.reason);
    const key = m ? (m[1] ?? m[2] ?? (m[3] ? `role ${m[3]}` : m[4])) : o.reason;
    groups.set(key, (groups.get(key) ?? 0) + 1);
  }
  return [...groups].map(([k, n]) => `${k} (${n})`);
}

export function summaryLine(c: Pick<Certification, "verdict" | "scope" | "failedMust" | "notVerifiedMust" | "facts">): string {
  const { must } = c.scope;
  const oos = outOfScopeGroups(c);
  const tail = oos.length ? `; out of scope: ${oos.join(", ")}` : "";
  const faulty = c.facts.mockFaults.length
    ? ` [embedded mock with faults: ${c.facts.mockFaults.join(", ")}]`
    : c.facts.embeddedMock
      ? " [embedded mock]"
      : "";
  switch (c.verdict) {
    case "conformant":
      return `CONFORMANT within scope: ${must.passed} of ${must.inScope} MUST requirements passed${tail}${faulty}`;
    case "non-conformant":
      return `NON-CONFORMANT: ${must.failed} of ${must.inScope} MUST requirements in scope failed (${c.failedMust.join(", ")})${tail}${faulty}`;
    case "incomplete":
      return must.inScope === 0
        ? `INCOMPLETE: the scope holds no MUST requirement — no verdict${tail}${faulty}`
        : must.notVerified === 0
          ? `INCOMPLETE: the run was stopped before every test ran; ${must.passed} of ${must.inScope} MUST requirements in scope passed in the tests it ran — not a certification${tail}${faulty}`
          : `INCOMPLETE: ${must.notVerified} of ${must.inScope} MUST requirements in scope not verified, ${must.passed} passed — not a certification${tail}${faulty}`;
    case "could-not-run":
      return `COULD NOT RUN: the suite could not judge the target (see the run problems and the tests that could not judge)${faulty}`;
  }
}

export function exitCodeOf(verdict: RunVerdict): 0 | 1 | 2 | 3 {
  return verdict === "conformant" ? 0 : verdict === "non-conformant" ? 1 : verdict === "could-not-run" ? 2 : 3;
}
