/**
 * One full conformance run through the CLI, timed from outside: start-up (until the global
 * setup's banner), the test phase, the reports; plus what the run records say about requests.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { requirements } from "../generated/requirements.js";
import { projectRoot } from "./mock-process.js";

export interface ExchangeRecord {
  requirement?: string | null;
  operationId: string | null;
  status: number;
  durationMs: number;
}

export interface RequestStats {
  count: number;
  totalDurationMs: number;
  byArea: Record<string, number>;
  byOperation: Record<string, number>;
}

export interface ConformanceRun {
  label: string;
  exitCode: number | null;
  wallMs: number;
  startupMs: number;
  testPhaseMs: number;
  reportsMs: number;
  testTimeSumMs: number;
  tests: { passed: number; failed: number; skipped: number } | undefined;
  requests: RequestStats;
}

/** Counts the exchanges of a run folder (exchanges-*.jsonl), by area (through the requirement) and operation. */
export function requestStats(runDir: string): RequestStats {
  const areaOf = new Map<string, string>(Object.values(requirements).map((r) => [r.id, r.area]));
  const stats: RequestStats = { count: 0, totalDurationMs: 0, byArea: {}, byOperation: {} };
  for (const f of readdirSync(runDir).filter((n) => /^exchanges-.*\.jsonl$/.test(n))) {
    for (const line of readFileSync(join(runDir, f), "utf8").split("\n")) {
      if (!line.trim()) continue;
      const x = JSON.parse(line) as ExchangeRecord;
      stats.count++;
      stats.totalDurationMs += x.durationMs ?? 0;
      const area = (x.requirement && areaOf.get(x.requirement)) ?? "(no requirement)";
      stats.byArea[area] = (stats.byArea[area] ?? 0) + 1;
      const op = x.operationId ?? "(other path)";
      stats.byOperation[op] = (stats.byOperation[op] ?? 0) + 1;
    }
  }
  return stats;
}

/** Sum of the test times in a JUnit file (tests run in parallel workers, so it can exceed the phase). */
export function junitTimeMs(xml: string): number {
  let sum = 0;
  for (const m of xml.matchAll(/<testcase [^>]*time="([\d.]+)"/g)) sum += Number(m[1]) * 1000;
  return Math.round(sum);
}

export async function timedConformanceRun(
  label: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
  hardLimitMs = 600_000,
): Promise<ConformanceRun> {
  const reports = mkdtempSync(join(tmpdir(), "idme-bench-run-"));
  const started = performance.now();
  let banner: number | undefined;
  let summary: number | undefined;
  let tests: ConformanceRun["tests"];
  const child = spawn(
    process.execPath,
    ["--import", "tsx", join(projectRoot, "cli", "main.ts"), "--no-html", "--quiet", "--reports", reports, ...args],
    {
      cwd: projectRoot,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  const onLine = (text: string) => {
    const now = performance.now();
    if (banner === undefined && /\[conformance\] target/.test(text)) banner = now;
    const m = /(\d+) passed, (\d+) failed, (\d+) skipped/.exec(text);
    if (m && summary === undefined) {
      summary = now;
      tests = { passed: Number(m[1]), failed: Number(m[2]), skipped: Number(m[3]) };
    }
  };
  child.stdout.on("data", (d: Buffer) => onLine(d.toString()));
  child.stderr.on("data", (d: Buffer) => onLine(d.toString()));
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      /* gone */
    }
  }, hardLimitMs);
  const exitCode = await new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  clearTimeout(timer);
  const end = performance.now();
  try {
    const runDir = join(reports, ".run");
    let testTimeSumMs = 0;
    try {
      testTimeSumMs = junitTimeMs(readFileSync(join(reports, "junit.xml"), "utf8"));
    } catch {
      /* no junit: the run did not get that far */
    }
    const b = banner ?? end;
    const s = summary ?? end;
    return {
      label,
      exitCode,
      wallMs: Math.round(end - started),
      startupMs: Math.round(b - started),
      testPhaseMs: Math.round(s - b),
      reportsMs: Math.round(end - s),
      testTimeSumMs,
      tests,
      requests: requestStats(runDir),
    };
  } finally {
    rmSync(reports, { recursive: true, force: true });
  }
}
