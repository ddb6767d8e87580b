/**
 * Defines `judgeTraffic`: exchanges the suite did not send (proxied, or read from HAR files) judged by the
 * standard checks (checks/registry.ts), as a RunResult the report writers already know: one TestResult per
 * exchange (or per operation), each finding charged to the requirement its check enforces, OPEN places
 * observed, never failed. Only the requirements a standard check enforces can be judged from traffic, and
 * only those whose checks looked at some answer: they are the selection (traffic/verdict.ts).
 */
import { standardChecks, standardFindings } from "../checks/registry.js";
import type { CheckContext } from "../checks/types.js";
import type { ReqId } from "../generated/requirements.js";
import { Exchange, type ExchangeRecord } from "../lib/exchange.js";
import type { Finding, Observation, TestOutcome } from "../run/outcome.js";
import type { RunResult, TestResult } from "../run/results.js";

export interface TrafficExchange {
  record: ExchangeRecord;
  /** where it came from: `proxy`, or the HAR file's name */
  source: string;
  /** its number in its source (1-based) */
  index: number;
  /** HAR fields that were missing, and what was assumed */
  notes?: readonly string[];
  /** a recorded name (a HAR entry's comment: the suite's test title) */
  comment?: string;
}

/** Not a Services API v2 call, or not judgeable: counted and reported with the reason. */
export interface TrafficSkip {
  source: string;
  index: number;
  method?: string;
  url?: string;
  reason: string;
}

/** A request the proxy forwarded that got no answer from the upstream (the caller got the proxy's 502 / 504). */
export interface TrafficFailure {
  source: string;
  index: number;
  method: string;
  /** redacted */
  url: string;
  path: string;
  kind: "unreachable" | "timeout";
  reason: string;
  startedAt: string;
  durationMs: number;
}

export type Grouping = "exchange" | "operation";

export interface TrafficInput {
  exchanges: readonly TrafficExchange[];
  skipped?: readonly TrafficSkip[];
  failures?: readonly TrafficFailure[];
  group?: Grouping;
  exactMessages?: boolean;
  /** the upstream URL, or the HAR files */
  target: string;
  startedAt: string;
  durationMs: number;
}

export interface TrafficResult {
  result: RunResult;
  /** the requirements whose checks examined at least one answer */
  selected: ReqId[];
  skipped: TrafficSkip[];
  failures: TrafficFailure[];
  judged: number;
  group: Grouping;
  exactMessages: boolean;
}

export interface ExchangeJudgement {
  findings: Finding[];
  observations: Observation[];
  /** check id → 1 when it examined the answer */
  checked: Record<string, number>;
}

/** The standard checks on one answer: findings (charged to their requirements) and OPEN observations. */
export function judgeExchange(record: ExchangeRecord, ctx: CheckContext, exchangeIndex = 0): ExchangeJudgement {
  const out: ExchangeJudgement = { findings: [], observations: [], checked: {} };
  const found = standardFindings(new Exchange(record), ctx, false, (id) => {
    out.checked[id] = (out.checked[id] ?? 0) + 1;
  });
  for (const { def, failure } of found) {
    if (failure.open) out.observations.push({ what: `${failure.check} (OPEN: not judged)`, value: `${failure.title} — ${failure.open}` });
    else out.findings.push({ requirement: def.requirement, failure, exchange: exchangeIndex });
  }
  return out;
}

/** `[SCHEMA-01] error_envelope: errors is an object, expected a list` — the first violation of an answer. */
export function firstViolation(j: ExchangeJudgement): string | undefined {
  const f = j.findings[0];
  return f ? `[${f.requirement}] ${f.failure.check}: ${f.failure.title}` : undefined;
}

const checkRequirement = new Map(standardChecks.map((c) => [c.id, c.requirement]));

/** The requirement a traffic test is filed under: its first violation's, else the first check's that examined it. */
function requirementOf(outcome: TestOutcome): ReqId {
  if (outcome.findings[0]) return outcome.findings[0].requirement;
  const first = standardChecks.find((c) => (outcome.checked[c.id] ?? 0) > 0);
  return first?.requirement ?? "SCHEMA-08";
}

const line = (x: ExchangeRecord) =>
  `${x.request.method} ${x.request.path} → ${x.response.status}${x.operationId ? ` (${x.operationId})` : " (no operation: unknown route)"}`;

function test(id: string, file: string, title: string, outcome: TestOutcome, durationMs: number): TestResult {
  const { verdict } = outcome;
  return {
    id,
    file,
    title,
    requirement: requirementOf(outcome),
    observeOnly: false,
    state: verdict === "fail" || verdict === "error" ? "failed" : verdict === "skipped" ? "skipped" : "passed",
    outcome,
    durationMs,
  };
}

function outcomeOf(records: readonly ExchangeRecord[], ctx: CheckContext, notes: readonly Observation[]): TestOutcome {
  const outcome: TestOutcome = { verdict: "pass", findings: [], observations: [...notes], exchanges: [...records], checked: {}, seed: 0 };
  records.forEach((r, i) => {
    const j = judgeExchange(r, ctx, i);
    outcome.findings.push(...j.findings);
    outcome.observations.push(...j.observations);
    for (const [id, n] of Object.entries(j.checked)) outcome.checked[id] = (outcome.checked[id] ?? 0) + n;
  });
  if (outcome.findings.length) outcome.verdict = "fail";
  return outcome;
}

export function judgeTraffic(input: TrafficInput): TrafficResult {
  const group = input.group ?? "exchange";
  const exactMessages = input.exactMessages ?? false;
  const ctx: CheckContext = { exactMessages };
  const tests: TestResult[] = [];
  const noteOf = (x: TrafficExchange): Observation[] => (x.notes?.length ? [{ what: "HAR fields assumed", value: x.notes }] : []);

  if (group === "exchange") {
    for (const x of input.exchanges) {
      const outcome = outcomeOf([x.record], ctx, noteOf(x));
      const title = `#${x.index} ${line(x.record)}${x.comment ? ` — ${x.comment}` : ""}`;
      tests.push(test(`traffic/${x.source}#${x.index}`, `traffic/${x.source}`, title, outcome, x.record.durationMs));
    }
  } else {
    const byOp = new Map<string, TrafficExchange[]>();
    for (const x of input.exchanges) {
      const key = x.record.operationId ?? "(unknown route)";
      const list = byOp.get(key);
      if (list) list.push(x);
      else byOp.set(key, [x]);
    }
    for (const [op, list] of byOp) {
      const outcome = outcomeOf(
        list.map((x) => x.record),
        ctx,
        list.flatMap(noteOf),
      );
      const failed = new Set(outcome.findings.map((f) => f.exchange)).size;
      const title = `${op}: ${list.length} exchange(s)${failed ? `, ${failed} with violations` : ""}`;
      const ms = list.reduce((n, x) => n + x.record.durationMs, 0);
      tests.push(test(`traffic/operations#${op}`, "traffic/operations", title, outcome, ms));
    }
  }

  for (const f of input.failures ?? []) {
    const outcome: TestOutcome = {
      verdict: "error",
      unverified: f.kind,
      reason: `${f.method} ${f.url}: the upstream ${f.kind === "timeout" ? "did not answer in time" : "is unreachable"}: ${f.reason}`,
      findings: [],
      observations: [],
      exchanges: [],
      checked: {},
      seed: 0,
    };
    // Filed under SCHEMA-09 (every answer's status is documented): the answer this request should have had never came.
    tests.push({
      ...test(
        `traffic/${f.source}#${f.index}`,
        `traffic/${f.source}`,
        `#${f.index} ${f.method} ${f.path} → no answer`,
        outcome,
        f.durationMs,
      ),
      requirement: "SCHEMA-09",
    });
  }

  const selected = new Set<ReqId>();
  for (const t of tests) {
    for (const [id, n] of Object.entries(t.outcome.checked)) {
      const req = checkRequirement.get(id);
      if (req && n > 0) selected.add(req);
    }
    for (const f of t.outcome.findings) selected.add(f.requirement);
  }
  const judged = input.exchanges.length;
  const result: RunResult = {
    planId: "traffic",
    baseUrl: input.target,
    embeddedMock: false,
    mockFaults: [],
    startedAt: input.startedAt,
    durationMs: input.durationMs,
    tests,
    runErrors: [],
    interrupted: false,
    requests: judged + (input.failures?.length ?? 0),
  };
  return {
    result,
    selected: [...selected].sort(),
    skipped: [...(input.skipped ?? [])],
    failures: [...(input.failures ?? [])],
    judged,
    group,
    exactMessages,
  };
}
