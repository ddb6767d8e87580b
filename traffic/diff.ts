/**
 * Defines `diffRuns`: what changed between two runs' reports folders (a run of the suite, a proxied or a
 * judged HAR session alike) — requirements newly failing, newly passing, newly not verified; OPEN values
 * observed differently (the legacy auth header accepted before, refused now); undocumented answers not
 * seen before; requests and latency per area and per operation. Read from certification.json (required),
 * results.json and coverage.json (optional: their sections are left out, with a note). Rendered as JSON and
 * Markdown; a requirement newly failing is a regression (the CLI exits 1).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { requirements } from "../generated/requirements.js";
import type { Certification, ReqResult } from "../reporting/certification.js";
import type { Coverage } from "../reporting/coverage.js";
import type { RunResult } from "../run/results.js";

/** A folder that is not a run's reports: the CLI prints it on one line (exit 2). */
export class DiffError extends Error {
  override name = "DiffError";
}

export interface RunSnapshot {
  dir: string;
  certification: Pick<Certification, "verdict" | "summary" | "requirements"> & { facts?: Partial<Certification["facts"]> };
  results?: RunResult;
  coverage?: Coverage;
}

function readJson<T>(path: string, what: string): T {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as T;
  } catch (e) {
    throw new DiffError(`${path}: cannot read ${what} (${(e as Error).message.split("\n")[0]})`);
  }
}

export function readRun(dir: string): RunSnapshot {
  const cert = join(dir, "certification.json");
  if (!existsSync(cert)) throw new DiffError(`${dir} holds no certification.json: pass the --reports folder of a run, a proxy or a judge`);
  const certification = readJson<RunSnapshot["certification"]>(cert, "the certification summary");
  if (!Array.isArray(certification.requirements) || typeof certification.verdict !== "string")
    throw new DiffError(`${cert} is not a certification summary of this suite (no verdict or requirements)`);
  const results = existsSync(join(dir, "results.json")) ? readJson<RunResult>(join(dir, "results.json"), "the run's results") : undefined;
  const coverage = existsSync(join(dir, "coverage.json"))
    ? readJson<Coverage>(join(dir, "coverage.json"), "the coverage matrix")
    : undefined;
  return { dir, certification, ...(results ? { results } : {}), ...(coverage ? { coverage } : {}) };
}

export interface RequirementChange {
  id: string;
  level: string;
  basis: string;
  from: ReqResult | "absent";
  to: ReqResult | "absent";
  reason: string;
}

export interface ObservedChange {
  test: string;
  what: string;
  before: string | null;
  now: string | null;
}

export interface Stat {
  requests: number;
  meanMs: number;
  p95Ms: number;
}

export interface StatRow {
  key: string;
  old: Stat;
  new: Stat;
}

export interface RunDiff {
  old: RunSide;
  new: RunSide;
  verdict: { from: string; to: string; changed: boolean };
  requirements: {
    newlyFailing: RequirementChange[];
    newlyPassing: RequirementChange[];
    newlySkipped: RequirementChange[];
    otherChanges: RequirementChange[];
  };
  observed: ObservedChange[];
  undocumented: { appeared: string[]; gone: string[] };
  areas: StatRow[];
  operations: StatRow[];
  notes: string[];
  regressed: boolean;
}

interface RunSide {
  dir: string;
  verdict: string;
  summary: string;
  target?: string;
  startedAt?: string;
  suite?: string;
  specSha256?: string;
  requests?: number;
}

const NOT_VERIFIED = new Set<string>(["not-verified", "out-of-scope", "not-selected"]);
const VERIFIED = new Set<string>(["pass", "fail", "observed"]);

function side(s: RunSnapshot): RunSide {
  const f = s.certification.facts;
  return {
    dir: s.dir,
    verdict: s.certification.verdict,
    summary: s.certification.summary,
    ...(f?.target ? { target: f.target } : {}),
    ...(f?.startedAt ? { startedAt: f.startedAt } : {}),
    ...(f?.suite ? { suite: `${f.suite.version}${f.suite.commit ? ` (${f.suite.commit.slice(0, 12)})` : ""}` } : {}),
    ...(f?.specSha256 ? { specSha256: f.specSha256 } : {}),
    ...(typeof f?.requests === "number" ? { requests: f.requests } : {}),
  };
}

function requirementChanges(a: RunSnapshot, b: RunSnapshot): RunDiff["requirements"] {
  const before = new Map(a.certification.requirements.map((r) => [r.id, r]));
  const after = new Map(b.certification.requirements.map((r) => [r.id, r]));
  const out: RunDiff["requirements"] = { newlyFailing: [], newlyPassing: [], newlySkipped: [], otherChanges: [] };
  for (const id of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const x = before.get(id);
    const y = after.get(id);
    const from = x?.result ?? "absent";
    const to = y?.result ?? "absent";
    if (from === to) continue;
    const meta = y ?? x!;
    const change: RequirementChange = {
      id,
      level: meta.level,
      basis: meta.basis,
      from,
      to,
      reason: y?.reason ?? "no longer in the registry",
    };
    if (to === "fail") out.newlyFailing.push(change);
    else if (to === "pass") out.newlyPassing.push(change);
    else if (NOT_VERIFIED.has(to) && VERIFIED.has(from)) out.newlySkipped.push(change);
    else out.otherChanges.push(change);
  }
  return out;
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const STAMP = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?/g;
const HTTP_DATE = /\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT\b/g;

/** A value as compared: ids and instants differ on every run, and say nothing about behaviour. */
export function comparable(v: unknown): string {
  return (JSON.stringify(v) ?? "null").replace(UUID, "<uuid>").replace(STAMP, "<instant>").replace(HTTP_DATE, "<date>");
}

function observations(r: RunResult): Map<string, { test: string; what: string; value: string }> {
  const out = new Map<string, { test: string; what: string; value: string }>();
  for (const t of r.tests) {
    const seen = new Map<string, number>();
    for (const o of t.outcome.observations) {
      const n = (seen.get(o.what) ?? 0) + 1;
      seen.set(o.what, n);
      const what = n === 1 ? o.what : `${o.what} (#${n})`;
      out.set(`${t.id}\u0000${what}`, { test: t.title, what, value: comparable(o.value) });
    }
  }
  return out;
}

function observedChanges(a: RunResult, b: RunResult): ObservedChange[] {
  const x = observations(a);
  const y = observations(b);
  const ranNow = new Set(b.tests.filter((t) => t.outcome.verdict !== "skipped").map((t) => t.id));
  const bothRan = new Set(a.tests.filter((t) => t.outcome.verdict !== "skipped" && ranNow.has(t.id)).map((t) => t.id));
  const out: ObservedChange[] = [];
  for (const key of [...new Set([...x.keys(), ...y.keys()])].sort()) {
    if (!bothRan.has(key.split("\u0000")[0])) continue;
    const before = x.get(key);
    const now = y.get(key);
    if (before?.value === now?.value) continue;
    out.push({ test: (now ?? before)!.test, what: (now ?? before)!.what, before: before?.value ?? null, now: now?.value ?? null });
  }
  return out;
}

function undocumentedKeys(c: Coverage): Set<string> {
  return new Set([
    ...c.undocumented.http.map((x) => `${x.operationId} → HTTP ${x.status}${x.code === null ? "" : ` / code ${x.code}`}`),
    ...c.undocumented.transaction.map((x) => `${x.operationId} → transaction code ${x.code}`),
    // Unknown routes carry generated names and ids: compared by method and status only.
    ...c.undocumented.unmatched.map((x) => `${x.method} (no operation) → HTTP ${x.status}`),
  ]);
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function stat(ms: number[]): Stat {
  const sorted = [...ms].sort((p, q) => p - q);
  const mean = sorted.length ? sorted.reduce((n, v) => n + v, 0) / sorted.length : 0;
  return { requests: sorted.length, meanMs: Math.round(mean * 10) / 10, p95Ms: percentile(sorted, 95) };
}

function grouped(r: RunResult, keyOf: (area: string, operationId: string | null) => string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const t of r.tests) {
    const area = requirements[t.requirement as keyof typeof requirements]?.area ?? "unknown";
    for (const x of t.outcome.exchanges) {
      const k = keyOf(area, x.operationId);
      const list = out.get(k);
      if (list) list.push(x.durationMs);
      else out.set(k, [x.durationMs]);
    }
  }
  return out;
}

function statRows(a: RunResult, b: RunResult, keyOf: (area: string, operationId: string | null) => string): StatRow[] {
  const x = grouped(a, keyOf);
  const y = grouped(b, keyOf);
  return [...new Set([...x.keys(), ...y.keys()])].sort().map((key) => ({ key, old: stat(x.get(key) ?? []), new: stat(y.get(key) ?? []) }));
}

export function diffRuns(a: RunSnapshot, b: RunSnapshot): RunDiff {
  const notes: string[] = [];
  const reqs = requirementChanges(a, b);
  let observed: ObservedChange[] = [];
  let areas: StatRow[] = [];
  let ops: StatRow[] = [];
  if (a.results && b.results) {
    observed = observedChanges(a.results, b.results);
    areas = statRows(a.results, b.results, (area) => area);
    ops = statRows(a.results, b.results, (_, op) => op ?? "(no operation)");
  } else notes.push(`results.json missing in ${a.results ? b.dir : a.dir}: observed values, requests and latency not compared`);
  const undocumented = { appeared: [] as string[], gone: [] as string[] };
  if (a.coverage && b.coverage) {
    const x = undocumentedKeys(a.coverage);
    const y = undocumentedKeys(b.coverage);
    undocumented.appeared = [...y].filter((k) => !x.has(k)).sort();
    undocumented.gone = [...x].filter((k) => !y.has(k)).sort();
  } else notes.push(`coverage.json missing in ${a.coverage ? b.dir : a.dir}: undocumented answers not compared`);
  const sa = side(a);
  const sb = side(b);
  if (sa.specSha256 && sb.specSha256 && sa.specSha256 !== sb.specSha256)
    notes.push("the two runs judged against different versions of the contract (spec SHA-256 differs)");
  return {
    old: sa,
    new: sb,
    verdict: { from: sa.verdict, to: sb.verdict, changed: sa.verdict !== sb.verdict },
    requirements: reqs,
    observed,
    undocumented,
    areas,
    operations: ops,
    notes,
    regressed: reqs.newlyFailing.length > 0,
  };
}

/** The one line the CLI ends with. */
export function diffLine(d: RunDiff): string {
  const r = d.requirements;
  const counts = `${r.newlyFailing.length} newly failing, ${r.newlyPassing.length} newly passing, ${r.newlySkipped.length} newly not verified, ${d.observed.length} observed value(s) changed, ${d.undocumented.appeared.length} new undocumented answer(s)`;
  return d.regressed ? `REGRESSED: ${r.newlyFailing.map((c) => c.id).join(", ")} newly failing (${counts})` : `NO REGRESSION: ${counts}`;
}

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
const trend = (a: number, b: number) => (a === b ? `${b}` : `${a} → ${b}`);

export function renderDiffMd(d: RunDiff): string {
  const describe = (s: RunSide) =>
    `\`${s.dir}\` — ${s.target ?? "?"}, started ${s.startedAt ?? "?"}, suite ${s.suite ?? "?"}${s.requests === undefined ? "" : `, ${s.requests} requests`}: **${s.verdict}**`;
  const reqTable = (title: string, list: RequirementChange[]) =>
    list.length === 0
      ? []
      : [
          `## ${title} (${list.length})`,
          "",
          "| id | level | basis | was | now | reason |",
          "|---|---|---|---|---|---|",
          ...list.map((c) => `| ${c.id} | ${c.level} | ${c.basis} | ${c.from} | ${c.to} | ${cell(c.reason)} |`),
          "",
        ];
  const statTable = (title: string, rows: StatRow[]) =>
    rows.length === 0
      ? []
      : [
          `## ${title}`,
          "",
          "| | requests | mean ms | p95 ms |",
          "|---|---|---|---|",
          ...rows.map(
            (r) =>
              `| ${r.key} | ${trend(r.old.requests, r.new.requests)} | ${trend(r.old.meanMs, r.new.meanMs)} | ${trend(r.old.p95Ms, r.new.p95Ms)} |`,
          ),
          "",
        ];
  const lines = [
    "# What changed between two runs",
    "",
    `**${diffLine(d)}**`,
    "",
    `- before: ${describe(d.old)}`,
    `- now: ${describe(d.new)}`,
    d.verdict.changed ? `- verdict: ${d.verdict.from} → **${d.verdict.to}**` : `- verdict: ${d.verdict.to} (unchanged)`,
    ...d.notes.map((n) => `- note: ${n}`),
    "",
    ...reqTable("Newly failing", d.requirements.newlyFailing),
    ...reqTable("Newly passing", d.requirements.newlyPassing),
    ...reqTable("Newly not verified (skipped, out of scope, not selected)", d.requirements.newlySkipped),
    ...reqTable("Other changes", d.requirements.otherChanges),
  ];
  if (d.observed.length)
    lines.push(
      `## Observed values that changed (${d.observed.length})`,
      "",
      "| test | what | before | now |",
      "|---|---|---|---|",
      ...d.observed.map(
        (o) => `| ${cell(o.test)} | ${cell(o.what)} | ${cell(o.before ?? "(not observed)")} | ${cell(o.now ?? "(not observed)")} |`,
      ),
      "",
    );
  if (d.undocumented.appeared.length || d.undocumented.gone.length)
    lines.push(
      "## Undocumented answers",
      "",
      ...d.undocumented.appeared.map((k) => `- new: ${k}`),
      ...d.undocumented.gone.map((k) => `- no longer seen: ${k}`),
      "",
    );
  lines.push(...statTable("Requests and latency per area", d.areas), ...statTable("Requests and latency per operation", d.operations));
  return `${lines.join("\n")}\n`;
}
