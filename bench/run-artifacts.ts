/**
 * What a run's results.json says about its cost and its slow parts: requests per area and operation, the
 * time some request was in flight (the union of the exchanges' intervals: tests overlap, so a plain sum
 * would exceed the run), and the slowest suite files. Pure: the bench reads the file, these read the value.
 */
import { type ReqId, requirements } from "../generated/requirements.js";

/** The part of a RunResult (run/results.ts) these read: small enough to build in a test. */
export interface RunTimes {
  requests: number;
  tests: readonly {
    file: string;
    title: string;
    requirement: string;
    durationMs: number;
    outcome: { exchanges: readonly { operationId: string | null; startedAt: string; durationMs: number }[] };
  }[];
}

export interface RequestStats {
  /** requests the run counted (pre-flight included) */
  count: number;
  /** requests recorded in the tests' exchanges */
  recorded: number;
  /** ms during which at least one request was in flight */
  inFlightMs: number;
  byArea: Record<string, number>;
  byOperation: Record<string, number>;
}

export interface FileTime {
  file: string;
  tests: number;
  requests: number;
  /** first request sent to last answer received */
  spanMs: number;
  /** the longer of the span and the slowest test: a lower bound of the file's wall time */
  wallMs: number;
  /** sum of its tests' durations (they may overlap) */
  testSumMs: number;
  /** its slowest test */
  slowest: { title: string; durationMs: number };
}

type Interval = readonly [start: number, end: number];

/** Total length covered by the intervals (overlaps counted once). */
export function unionMs(intervals: readonly Interval[]): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let [from, to] = [Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY];
  for (const [s, e] of sorted) {
    if (s > to) {
      if (to > from) total += to - from;
      [from, to] = [s, e];
    } else to = Math.max(to, e);
  }
  if (to > from) total += to - from;
  return Math.round(total);
}

type Exchange = RunTimes["tests"][number]["outcome"]["exchanges"][number];
const interval = (x: Exchange): Interval => {
  const s = Date.parse(x.startedAt);
  return [s, s + (x.durationMs ?? 0)];
};

export function requestStats(r: RunTimes): RequestStats {
  const stats: RequestStats = { count: r.requests, recorded: 0, inFlightMs: 0, byArea: {}, byOperation: {} };
  const all: Interval[] = [];
  for (const t of r.tests) {
    const area = requirements[t.requirement as ReqId]?.area ?? "(no requirement)";
    for (const x of t.outcome.exchanges) {
      stats.recorded++;
      stats.byArea[area] = (stats.byArea[area] ?? 0) + 1;
      const op = x.operationId ?? "(other path)";
      stats.byOperation[op] = (stats.byOperation[op] ?? 0) + 1;
      all.push(interval(x));
    }
  }
  // The pre-flight (a foreign target's reachability and role checks) is counted but belongs to no test.
  if (r.requests > stats.recorded) stats.byArea["(pre-flight)"] = r.requests - stats.recorded;
  stats.inFlightMs = unionMs(all);
  return stats;
}

/** The files with the longest lower bound of their wall time, slowest first. */
export function slowestFiles(r: Pick<RunTimes, "tests">, n = 10): FileTime[] {
  const files = new Map<string, RunTimes["tests"]>();
  for (const t of r.tests) files.set(t.file, [...(files.get(t.file) ?? []), t]);
  const rows = [...files].map(([file, tests]): FileTime => {
    const xs = tests.flatMap((t) => t.outcome.exchanges.map(interval));
    const slowest = tests.reduce((a, b) => (b.durationMs > a.durationMs ? b : a));
    const spanMs = xs.length ? Math.round(Math.max(...xs.map((x) => x[1])) - Math.min(...xs.map((x) => x[0]))) : 0;
    return {
      file,
      tests: tests.length,
      requests: xs.length,
      spanMs,
      wallMs: Math.max(spanMs, slowest.durationMs),
      testSumMs: tests.reduce((s, t) => s + t.durationMs, 0),
      slowest: { title: slowest.title, durationMs: slowest.durationMs },
    };
  });
  return rows.sort((a, b) => b.wallMs - a.wallMs || b.testSumMs - a.testSumMs).slice(0, n);
}
