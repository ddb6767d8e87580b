// One conformance run against the embedded mock (optionally with one fault) in a child vitest process.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = fileURLToPath(new URL("..", import.meta.url));
const VITEST = join(projectRoot, "node_modules", ".bin", "vitest");

export interface FailedTest {
  /** the `[REQ-ID]` prefix of the title, or null when the title has none */
  requirement: string | null;
  title: string;
  /** first line of the failure message, for the table */
  message: string;
}

export interface RunResult {
  fault: string | null;
  /** false when the run timed out, crashed, or wrote no readable JSON report */
  completed: boolean;
  passed: number;
  failed: FailedTest[];
  skipped: number;
  /** the test files run, or null for the whole conformance project */
  files: string[] | null;
  /** test files that failed outside any test (import error, hook failure) */
  fileErrors: string[];
  /** requirement id → the test files (relative to the project) holding its tests, from every test of the run */
  filesByRequirement: Record<string, string[]>;
  durationMs: number;
  /** why the run did not complete, with the tail of its output */
  error?: string;
}

export interface RunOptions {
  seed?: number;
  timeoutMs?: number;
}

const REQ = /^\[([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)\]/;

export interface JsonReport {
  numPassedTests: number;
  numPendingTests: number;
  numTodoTests: number;
  testResults: Array<{
    name: string;
    status: string;
    message?: string;
    assertionResults: Array<{ title: string; fullName: string; status: string; failureMessages?: string[] }>;
  }>;
}

/** Reads vitest's JSON report into a RunResult (exported for the self-tests). */
export function parseReport(report: JsonReport, fault: string | null, durationMs: number, files: string[] | null = null): RunResult {
  const failed: FailedTest[] = [];
  const fileErrors: string[] = [];
  const filesByRequirement: Record<string, string[]> = {};
  for (const file of report.testResults) {
    const path = relative(projectRoot, file.name);
    for (const a of file.assertionResults) {
      const id = REQ.exec(a.title)?.[1];
      if (id && !(filesByRequirement[id] ??= []).includes(path)) filesByRequirement[id].push(path);
    }
    const bad = file.assertionResults.filter((a) => a.status === "failed");
    for (const a of bad) {
      failed.push({
        requirement: REQ.exec(a.title)?.[1] ?? null,
        title: a.fullName || a.title,
        message:
          (a.failureMessages?.[0] ?? "")
            .split("\n")
            .find((l) => l.trim() !== "")
            ?.trim() ?? "",
      });
    }
    if (file.status === "failed" && bad.length === 0) {
      fileErrors.push(`${path}: ${(file.message ?? "").split("\n")[0]}`);
    }
  }
  return {
    fault,
    files,
    completed: true,
    passed: report.numPassedTests,
    failed,
    skipped: report.numPendingTests + report.numTodoTests,
    fileErrors,
    filesByRequirement,
    durationMs,
  };
}

/** The child's environment: ours without any target, credential or vitest-worker variables. */
export function childEnv(fault: string | null, runDir: string, seed: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^(IDME_|VITEST|TINYPOOL)/.test(k)) env[k] = v;
  env.IDME_RUN_DIR = runDir;
  env.IDME_SEED = String(seed);
  if (fault) env.IDME_MOCK_FAULTS = fault;
  env.FORCE_COLOR = "0";
  return env;
}

export const DEFAULT_SEED = 20240501;

/** Children still running, killed if this process exits first (they run in their own process group). */
const live = new Set<number>();
process.once("exit", () => {
  for (const pid of live) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      /* already gone */
    }
  }
});
export const DEFAULT_TIMEOUT_MS = 120_000;

export interface VitestExit {
  code: number | null;
  timedOut: boolean;
  /** the last 4000 characters of its output */
  tail: string;
}

/** Runs vitest in a child process of its own group, killed with its workers after `timeoutMs`; never throws. */
export async function runVitest(args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<VitestExit> {
  const child = spawn(VITEST, args, {
    cwd: projectRoot,
    env,
    detached: true, // own process group: a timeout kills vitest and its workers together
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (child.pid) live.add(child.pid);
  let tail = "";
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      /* already gone */
    }
  }, timeoutMs);
  const code = await new Promise<number | null>((resolve) => {
    child.on("error", (e) => {
      tail += `\n${e.message}`;
      resolve(null);
    });
    child.on("close", (c) => resolve(c));
  });
  clearTimeout(timer);
  if (child.pid) live.delete(child.pid);
  return { code, timedOut, tail };
}

/** A run that produced no readable report. */
export function brokenRun(fault: string | null, files: string[] | null, durationMs: number, error: string): RunResult {
  return { fault, files, completed: false, passed: 0, failed: [], skipped: 0, fileErrors: [], filesByRequirement: {}, durationMs, error };
}

// The same files are transformed again in every child: vitest's on-disk module cache (keyed on file content, kept in
// node_modules/.vitest-cache) saves ≈ 0.6 s of each child's start-up.
export const MODULE_CACHE_FLAG = "--experimental.fsModuleCache";

/** Runs the whole conformance project once (a subset goes through faults/batch/); never throws (a broken run is a RunResult with completed false). */
export async function runConformance(fault: string | null, options: RunOptions = {}): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), "idme-faults-"));
  const out = join(dir, "result.json");
  const started = Date.now();
  const args = ["run", "--project", "conformance", "--reporter=json", `--outputFile=${out}`, MODULE_CACHE_FLAG];
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const exit = await runVitest(args, childEnv(fault, dir, options.seed ?? DEFAULT_SEED), timeoutMs);
  const durationMs = Date.now() - started;
  try {
    if (exit.timedOut) throw new Error(`timed out after ${timeoutMs} ms`);
    return parseReport(JSON.parse(readFileSync(out, "utf8")) as JsonReport, fault, durationMs);
  } catch (e) {
    return brokenRun(fault, null, durationMs, `${(e as Error).message} (exit ${exit.code})\n${exit.tail.trim()}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** vitest -t for the tests of these requirements: their titles start with `[ID]`. */
export function requirementPattern(ids: readonly string[]): string {
  return `--testNamePattern=\\[(${ids.join("|")})\\]`;
}
