// Runs many faults in one vitest process: a mock per fault started here, one vitest project per fault pointed at
// its mock (faults/batch/config.ts), one report per project (faults/batch/reporter.ts). Same RunResult per fault
// as faults/run-one.ts, without paying vitest's start-up once per fault.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultProfilePath, loadProfile, roles } from "../../harness/profile.js";
import { startMock, type RunningMock } from "../../mock/server.js";
import { faultsById } from "../catalogue.js";
import {
  brokenRun,
  childEnv,
  DEFAULT_SEED,
  MODULE_CACHE_FLAG,
  parseReport,
  requirementPattern,
  runVitest,
  type JsonReport,
  type RunResult,
} from "../run-one.js";

export interface BatchJob {
  fault: string;
  /** test files (relative to the project) holding the tests of the fault's requirements */
  files: string[];
  /** the fault's requirements: only their tests are run */
  requirements: readonly string[];
}

/** What faults/batch/config.ts reads (IDME_BATCH_PLAN). */
export interface BatchPlan {
  workers: number;
  jobs: Array<{ fault: string; files: string[]; baseUrl: string; runDir: string }>;
}

/** What faults/batch/reporter.ts writes (IDME_BATCH_OUT): one JSON report per project (= fault), with its tests' time. */
export type BatchOutput = Record<string, JsonReport & { durationMs: number }>;

export interface BatchOptions {
  seed?: number;
  timeoutMs?: number;
  workers?: number;
}

export const DEFAULT_BATCH_TIMEOUT_MS = 15 * 60_000;

/** Starts the mock of one fault the way harness/global-setup.ts does (the injected today included). */
function startFaultMock(fault: string, today: string): Promise<RunningMock> {
  return startMock({
    port: 0,
    host: "127.0.0.1",
    faults: faultsById([fault]),
    configure: (b: { today: () => Date }) => {
      b.today = () => new Date(`${today}T12:00:00Z`);
    },
  });
}

/** Runs every job in one vitest process; never throws (a broken batch is a broken RunResult for each job). */
export async function runBatch(jobs: BatchJob[], options: BatchOptions = {}): Promise<RunResult[]> {
  if (jobs.length === 0) return [];
  const dir = mkdtempSync(join(tmpdir(), "idme-batch-"));
  const started = Date.now();
  // Like a single run (whose child drops every IDME_ variable), the batch judges on the real date.
  const today = new Date().toISOString().slice(0, 10);
  const mocks: RunningMock[] = [];
  try {
    for (const job of jobs) mocks.push(await startFaultMock(job.fault, today));
    const plan: BatchPlan = {
      workers: options.workers ?? 2,
      jobs: jobs.map((job, i) => {
        const runDir = join(dir, `run-${i}`);
        mkdirSync(runDir);
        return { fault: job.fault, files: job.files, baseUrl: mocks[i].baseUrl, runDir };
      }),
    };
    writeFileSync(join(dir, "plan.json"), JSON.stringify(plan));
    const env = childEnv(null, dir, options.seed ?? DEFAULT_SEED);
    Object.assign(env, {
      IDME_BATCH_PLAN: join(dir, "plan.json"),
      IDME_BATCH_OUT: join(dir, "out.json"),
      IDME_EMBEDDED_MOCK: "1",
      IDME_TODAY: today,
    });
    // Every mock has the same fixtures, hence the same tokens: the profile's credential variables get them once.
    const profile = loadProfile(defaultProfilePath);
    for (const role of roles) {
      const variable = profile.credentials[role];
      if (variable) env[variable] = mocks[0].tokens[role];
    }
    const args = [
      "run",
      "--config",
      "faults/batch/config.ts",
      "--reporter=./faults/batch/reporter.ts",
      MODULE_CACHE_FLAG,
      requirementPattern([...new Set(jobs.flatMap((j) => j.requirements))]),
    ];
    const timeoutMs = options.timeoutMs ?? DEFAULT_BATCH_TIMEOUT_MS;
    const exit = await runVitest(args, env, timeoutMs);
    const durationMs = Date.now() - started;
    let out: BatchOutput;
    try {
      if (exit.timedOut) throw new Error(`the batch timed out after ${timeoutMs} ms`);
      out = JSON.parse(readFileSync(join(dir, "out.json"), "utf8")) as BatchOutput;
    } catch (e) {
      const why = `${(e as Error).message} (exit ${exit.code})\n${exit.tail.trim()}`;
      return jobs.map((j) => brokenRun(j.fault, j.files, durationMs, why));
    }
    return jobs.map((j) =>
      out[j.fault]
        ? parseReport(out[j.fault], j.fault, out[j.fault].durationMs, j.files)
        : brokenRun(j.fault, j.files, durationMs, `no report for this fault's project (exit ${exit.code})\n${exit.tail.trim()}`),
    );
  } finally {
    await Promise.all(mocks.map((m) => m.close()));
    rmSync(dir, { recursive: true, force: true });
  }
}
