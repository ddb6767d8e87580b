/**
 * Defines `trafficCertification`: the certification summary of judged traffic, built by
 * reporting/certification.ts so the verdict and the exit code mean what they mean for a run. The
 * selection is the requirements the standard checks could judge on the answers seen; everything else is
 * "not selected", with the reason it was not judged. Exit 0: conformant within what was seen; 1: a MUST
 * broke; 2: could not run (the upstream never answered); 3: nothing judged (no Services API v2 exchange),
 * or some requests never got an answer (incomplete).
 */
import { sha256Hex } from "../lib/sha256.js";
import { specSha256 } from "../lib/spec.js";
import { type Certification, buildCertification } from "../reporting/certification.js";
import type { RunFacts } from "../reporting/run-facts.js";
import { loadProfile, type Profile, sandboxProfilePath } from "../run/profile.js";
import { suiteFacts } from "../run/suite-facts.js";
import { standardChecks } from "../checks/registry.js";
import type { TrafficResult, TrafficSkip } from "./judge.js";

export type TrafficMode = "proxy" | "judge";

/** What traffic/reports.ts adds to certification.json and .md. */
export interface TrafficSummary {
  mode: TrafficMode;
  group: TrafficResult["group"];
  exactMessages: boolean;
  /** exchanges judged */
  judged: number;
  /** exchanges with at least one violation */
  withViolations: number;
  /** requests the upstream never answered (proxy) */
  noAnswer: number;
  skipped: { total: number; byReason: { reason: string; count: number; examples: string[] }[] };
}

const checked = new Set(standardChecks.map((c) => c.requirement));

/** The judging settings stand where a run has its profile: their hash tells two judgements apart. */
function settingsOf(t: TrafficResult, mode: TrafficMode) {
  const text = JSON.stringify({ mode, group: t.group, exactMessages: t.exactMessages });
  return { name: `traffic (${mode})`, path: `(no profile: ${text})`, sha256: sha256Hex(text) };
}

export function trafficFacts(t: TrafficResult, mode: TrafficMode): RunFacts {
  return {
    suite: suiteFacts(),
    specSha256: specSha256(),
    target: t.result.baseUrl,
    embeddedMock: false,
    mockFaults: [],
    profile: settingsOf(t, mode),
    seed: 0,
    today: t.result.startedAt.slice(0, 10),
    node: process.version,
    startedAt: t.result.startedAt,
    durationMs: t.result.durationMs,
    requests: t.result.requests,
    selection: { areas: [], requirements: t.selected },
    shard: null,
  };
}

function skippedSummary(skipped: readonly TrafficSkip[]): TrafficSummary["skipped"] {
  const by = new Map<string, { reason: string; count: number; examples: string[] }>();
  for (const s of skipped) {
    const key = s.reason.replace(/: .*$/, ""); // "another origin than X: Y" groups by its first clause
    const g = by.get(key) ?? { reason: key, count: 0, examples: [] };
    g.count++;
    if (g.examples.length < 3) g.examples.push(`${s.source}#${s.index}${s.method ? ` ${s.method}` : ""}${s.url ? ` ${s.url}` : ""}`);
    by.set(key, g);
  }
  return { total: skipped.length, byReason: [...by.values()].sort((a, b) => b.count - a.count) };
}

export function trafficSummary(t: TrafficResult, mode: TrafficMode): TrafficSummary {
  return {
    mode,
    group: t.group,
    exactMessages: t.exactMessages,
    judged: t.judged,
    withViolations: t.result.tests.reduce((n, x) => n + new Set(x.outcome.findings.map((f) => f.exchange)).size, 0),
    noAnswer: t.failures.length,
    skipped: skippedSummary(t.skipped),
  };
}

function summaryLine(c: Certification, s: TrafficSummary): string {
  const { must } = c.scope;
  const seen = `${s.judged} exchange(s) judged${s.skipped.total ? `, ${s.skipped.total} skipped` : ""}${s.noAnswer ? `, ${s.noAnswer} without an answer` : ""}`;
  switch (c.verdict) {
    case "conformant":
      return `CONFORMANT within what was seen: ${must.passed} of ${must.inScope} MUST requirements the traffic exercised passed (${seen})`;
    case "non-conformant":
      return `NON-CONFORMANT: ${must.failed} of ${must.inScope} MUST requirements the traffic exercised failed (${c.failedMust.join(", ")}) (${seen})`;
    case "could-not-run":
      return `COULD NOT RUN: the upstream never answered (${seen})`;
    case "incomplete":
      return s.judged === 0
        ? `NOTHING JUDGED: no Services API v2 exchange in the traffic (${seen})`
        : `INCOMPLETE: ${s.noAnswer} request(s) got no answer from the upstream; within what was seen, ${must.passed} of ${must.inScope} MUST requirements passed (${seen})`;
  }
}

/** Levels follow the judging settings only (`mustWhen: strict.exactMessages`); the rest of a profile means nothing here. */
let baseProfile: Profile | undefined;

export function trafficCertification(t: TrafficResult, mode: TrafficMode): { certification: Certification; summary: TrafficSummary } {
  const facts = trafficFacts(t, mode);
  baseProfile ??= loadProfile(sandboxProfilePath).profile;
  const profile = baseProfile;
  const c = buildCertification({
    result: t.result,
    facts,
    profile: { ...profile, strict: { ...profile.strict, exactMessages: t.exactMessages } },
    selected: t.selected,
  });
  const examined = (id: string) =>
    standardChecks
      .filter((d) => d.requirement === id)
      .reduce((n, d) => n + t.result.tests.reduce((m, x) => m + (x.outcome.checked[d.id] ?? 0), 0), 0);
  for (const e of c.requirements) {
    if (e.result === "not-selected")
      e.reason = checked.has(e.id)
        ? "not exercised: no answer in this traffic that its checks apply to"
        : "not judged from traffic: only the suite's own tests verify it (it needs requests the suite chooses)";
    else if (e.result === "pass" && e.reason === "") e.reason = `verified by the standard check on ${examined(e.id)} answer(s)`;
  }
  const summary = trafficSummary(t, mode);
  c.summary = summaryLine(c, summary);
  return { certification: c, summary };
}
