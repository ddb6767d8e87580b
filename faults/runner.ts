// The fault-detection runner: the suite against the conformant mock, then against every faulty mock (one batch).
// CLI: npx tsx faults/runner.ts [--only id,id] [--full] [--concurrency 2] [--timeout 120000] [--seed n]
import { pathToFileURL } from "node:url";
import { faults as catalogue } from "./catalogue.js";
import type { CatalogueFault } from "./types.js";
import { runBatch } from "./batch/run.js";
import { DEFAULT_SEED, DEFAULT_TIMEOUT_MS, runConformance, type RunResult } from "./run-one.js";
import { baselineProblems, formatTable, judge, type FaultScore } from "./score.js";

export interface DetectionOptions {
  only?: string[];
  concurrency?: number;
  timeoutMs?: number;
  seed?: number;
  /** run the whole suite against every fault, not only the tests of its `breaks` requirements */
  full?: boolean;
  /** called as each run ends (progress output) */
  onRun?: (run: RunResult) => void;
}

export interface Detection {
  baseline: RunResult;
  scores: FaultScore[];
  caught: number;
  total: number;
  /** baseline clean and every selected fault caught */
  ok: boolean;
  table: string;
}

/** Runs `jobs` with at most `limit` in flight, keeping their order in the result. */
async function pool<T, R>(jobs: T[], limit: number, work: (job: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await work(jobs[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
  return results;
}

export function selectFaults(only?: string[]): CatalogueFault[] {
  if (!only || only.length === 0) return catalogue;
  const unknown = only.filter((id) => !catalogue.some((f) => f.id === id));
  if (unknown.length > 0) throw new Error(`unknown fault id(s): ${unknown.join(", ")}`);
  return catalogue.filter((f) => only.includes(f.id));
}

/**
 * The test files that hold the tests of a fault's `breaks` requirements (known from the baseline run), or
 * undefined (= the whole suite) when none has a test or `full` is asked: the verdict only needs those tests,
 * and running them alone (only the tests of those requirements, -t) keeps the catalogue within a few minutes on 2 cores (faults/README.md "Speed").
 */
export function filesFor(fault: CatalogueFault, baseline: RunResult, full = false): string[] | undefined {
  if (full) return undefined;
  const files = [...new Set(fault.breaks.flatMap((id) => baseline.filesByRequirement[id] ?? []))].sort();
  return files.length > 0 ? files : undefined;
}

export async function detect(options: DetectionOptions = {}): Promise<Detection> {
  const selected = selectFaults(options.only);
  const base = { seed: options.seed ?? DEFAULT_SEED, timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS };
  const baseline = await runConformance(null, base);
  options.onRun?.(baseline);
  // Faults whose requirements have tests run together in one vitest process (faults/batch/); the others, and
  // every fault under `full`, get a whole-suite run of their own.
  const batched = selected.filter((f) => filesFor(f, baseline, options.full));
  const alone = selected.filter((f) => !batched.includes(f));
  const [batchRuns, aloneRuns] = await Promise.all([
    runBatch(
      batched.map((f) => ({ fault: f.id, files: filesFor(f, baseline)!, requirements: f.breaks })),
      { seed: base.seed, workers: options.concurrency },
    ),
    // Slow faults start first so they overlap with the many short runs instead of ending last.
    pool(
      [...alone].sort((a, b) => Number(!!b.slow) - Number(!!a.slow)),
      options.concurrency ?? 2,
      (fault) => runConformance(fault.id, base),
    ),
  ]);
  for (const r of [...batchRuns, ...aloneRuns]) options.onRun?.(r);
  const runOf = new Map([...batchRuns, ...aloneRuns].map((r) => [r.fault, r]));
  const scores = selected.map((f) => judge(f, runOf.get(f.id)!, baseline));
  const caught = scores.filter((s) => s.verdict === "caught").length;
  return {
    baseline,
    scores,
    caught,
    total: scores.length,
    ok: baselineProblems(baseline).length === 0 && caught === scores.length,
    table: formatTable(baseline, scores),
  };
}

function argValue(argv: string[], name: string): string | undefined {
  const i = argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (i < 0) return undefined;
  return argv[i].includes("=") ? argv[i].slice(name.length + 1) : argv[i + 1];
}

async function main(argv: string[]): Promise<number> {
  const only = argValue(argv, "--only")
    ?.split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const num = (name: string) => (argValue(argv, name) === undefined ? undefined : Number(argValue(argv, name)));
  const started = Date.now();
  const result = await detect({
    only,
    full: argv.includes("--full"),
    concurrency: num("--concurrency"),
    timeoutMs: num("--timeout"),
    seed: num("--seed"),
    onRun: (r) =>
      process.stderr.write(
        `  ${r.fault ?? "(conformant mock)"}: ${r.completed ? `${r.failed.length} failed` : "did not complete"} in ${(r.durationMs / 1000).toFixed(1)} s\n`,
      ),
  });
  console.log(result.table);
  console.log(`(${((Date.now() - started) / 1000).toFixed(0)} s wall clock)`);
  return result.ok ? 0 : 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      console.error(e);
      process.exitCode = 2;
    },
  );
}
