/**
 * One full conformance run through the CLI, timed from outside (bench/run-phases.ts): start-up, vitest's
 * start, the tests, the reports; its peak RSS (bench/peak-rss.ts); and what its results.json says about
 * requests and slow files (bench/run-artifacts.ts). `medianOf` keeps the median of repetitions.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RunResult } from "../run/results.js";
import { cliCommand } from "../lib/cli-command.js";
import { projectRoot } from "./mock-process.js";
import { measurePeakRss } from "./peak-rss.js";
import { type FileTime, type RequestStats, requestStats, slowestFiles } from "./run-artifacts.js";
import { type PhaseMarks, type Phases, PhaseClock, phasesOf } from "./run-phases.js";
import { childEnv } from "../lib/process-env.js";

export interface ConformanceRun {
  label: string;
  exitCode: number | null;
  wallMs: number;
  phases: Phases;
  /** the launcher's own span (results.json durationMs: mock start, vitest, tests, vitest close) */
  launcherMs?: number;
  htmlMs?: number;
  peakRssMb?: number;
  tests: PhaseMarks["tests"];
  requests?: RequestStats;
  slowest: FileTime[];
  /** walls of every repetition when this is the median of several */
  walls?: number[];
  /** the failed and not-verified MUST requirements the summary listed (empty on exit 0) */
  problems: string[];
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  /** the reports folder; kept between calls (as `npm run conformance` keeps reports/); default a fresh one */
  reportsDir?: string;
  hardLimitMs?: number;
}

export async function timedConformanceRun(label: string, args: string[], o: RunOptions = {}): Promise<ConformanceRun> {
  const scratch = mkdtempSync(join(tmpdir(), "idme-bench-run-"));
  const reportsDir = o.reportsDir ?? join(scratch, "out");
  // As `npm run conformance` runs it: the bin, which runs dist/ while it matches the sources (bin/entry.mjs).
  const rss = measurePeakRss(...cliCommand(["--reports", reportsDir, ...args]), scratch);
  const clock = new PhaseClock();
  // Epoch ms, not performance.now(): results.json's startedAt is on the same clock.
  const started = Date.now();
  // CI=1: plain lines (no live progress line) whatever the bench's own terminal is.
  const child = spawn(rss.command, rss.args, {
    cwd: projectRoot,
    env: { ...childEnv({ CI: "1", NO_COLOR: "1" }), ...o.env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  if (child.pid) rss.watch(child.pid);
  child.stdout.on("data", (d: Buffer) => clock.chunk(d.toString(), Date.now()));
  child.stderr.on("data", (d: Buffer) => clock.chunk(d.toString(), Date.now()));
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      /* gone */
    }
  }, o.hardLimitMs ?? 600_000);
  const exitCode = await new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  clearTimeout(timer);
  const ended = Date.now();
  clock.end(ended);
  const peakRssMb = rss.peakMb();
  try {
    let result: RunResult | undefined;
    try {
      result = JSON.parse(readFileSync(join(reportsDir, "results.json"), "utf8")) as RunResult;
    } catch {
      /* no results.json: the run did not get that far */
    }
    return {
      label,
      exitCode,
      wallMs: Math.round(ended - started),
      phases: phasesOf(clock.marks, started, ended, result && Date.parse(result.startedAt) + result.durationMs),
      ...(result ? { launcherMs: result.durationMs, requests: requestStats(result) } : {}),
      ...(clock.marks.htmlMs !== undefined ? { htmlMs: clock.marks.htmlMs } : {}),
      ...(peakRssMb !== undefined ? { peakRssMb } : {}),
      tests: clock.marks.tests,
      problems: clock.marks.problems,
      slowest: result ? slowestFiles(result, 10) : [],
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The repetition with the median wall time (an odd count gives a real run, not a blend of runs). */
export function medianOf<T extends { wallMs: number }>(runs: readonly T[]): T {
  if (runs.length === 0) throw new Error("no runs");
  return [...runs].sort((a, b) => a.wallMs - b.wallMs)[Math.floor((runs.length - 1) / 2)];
}
