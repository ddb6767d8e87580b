/**
 * Defines `runSuites` (and `runSuite`): the one launcher. For each plan it starts the embedded mock or
 * checks the foreign target (pre-flight), then runs every plan in ONE vitest process — one vitest project
 * per plan, the plan's worker part provided to its workers — and returns a RunResult per plan, built from
 * the tests' task meta. Used by the CLI, fault detection, the bench and the robustness tests.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Writable } from "node:stream";
import type { Reporter } from "vitest/node";
import { requirements } from "../generated/requirements.js";
import { codeRoot, moduleCacheDir, runningFromSources } from "../lib/paths.js";
import { startMock, type RunningMock } from "../mock/server.js";
import { requestsCounted } from "../harness/budget.js";
import { CollectorReporter } from "./collector.js";
import type { RunPlan } from "./plan.js";
import { WaitsFirstSequencer } from "./file-order.js";
import { checkReachable, checkRoles } from "./preflight.js";
import { applyPremises } from "./premises.js";
import { scopeOf } from "./shards.js";
import type { Profile, Role } from "./profile.js";
import type { RunResult, TestResult } from "./results.js";
import { secretsOf, type WorkerPlan } from "./worker-plan.js";

export interface LaunchOptions {
  /** called as each test ends (live console, progress) */
  onTest?: (plan: RunPlan, result: TestResult) => void;
  /** called when the run knows its suite files, and as each ends: how many are done, of how many */
  onFiles?: (done: number, total: number) => void;
  /** aborting stops the tests; the results so far come back with `interrupted` */
  signal?: AbortSignal;
  /** more vitest reporters of this launch (Allure) */
  reporters?: Reporter[];
  /** vitest worker threads (default 3 on any machine: the suite mostly waits on the network and the clock, so a third worker overlaps the waits — a full run's tests 2.0 s instead of 2.9 s on 2 cores, BENCHMARKS.md) */
  maxWorkers?: number;
  /** receives vitest's own output (it is kept out of the console) */
  vitestOutput?: Writable;
}

export const areas = [...new Set(Object.values(requirements).map((r) => r.area))].sort();

/** The suite folders a plan needs: suites/<area>/ holds exactly the tests of that area's requirements. */
export function suiteFiles(plan: Pick<RunPlan, "selection" | "tests" | "shard">): string[] {
  const ext = runningFromSources ? "ts" : "js";
  if (plan.tests) return [...new Set(plan.tests.map((id) => `${id.slice(0, id.indexOf("#"))}.${ext}`))];
  const scope = scopeOf(plan);
  const wanted = scope ? [...new Set(scope.map((id) => requirements[id].area))] : areas;
  return wanted.map((a) => `suites/${a}/**/*.test.${ext}`);
}

/** The test timeout a profile implies: longer than any wait the client and the profile allow, so a slow target gets the client's diagnosis. */
export function testTimeoutMs(p: Profile): number {
  const deadline = 2 * p.timeouts.requestMs; // the client's per-request deadline
  const window = p.rateLimits ? 2 * (p.rateLimits.windowMs + 150) + (p.rateLimits.perAccount + 2) * deadline : 0;
  return Math.max(30_000, 4 * deadline + p.polling.maxWaitMs + 2 * p.timeouts.webhookWaitMs + window + 10_000);
}

interface Started {
  plan: RunPlan;
  worker: WorkerPlan;
  mock?: RunningMock;
  startedAt: string;
}

async function start(plan: RunPlan, counterDir: string): Promise<Started> {
  const startedAt = new Date().toISOString();
  // The request counter (harness/budget.ts) and, beside it, the stop file (harness/stop.ts).
  const stem = join(counterDir, plan.id.replace(/[^\w.-]/g, "_"));
  const counterFile = `${stem}.count`;
  writeFileSync(counterFile, "");
  const vars = plan.profile.profile.credentials;
  const budget = { limit: plan.budget, counterFile };
  const base = {
    id: plan.id,
    stopFile: `${stem}.stop`,
    profile: plan.profile.profile,
    credentialVars: vars,
    seed: plan.seed,
    today: plan.today,
    budget,
    ...(scopeOf(plan) ? { selection: scopeOf(plan) } : {}),
    ...(plan.tests ? { tests: plan.tests } : {}),
    ...(plan.target.kind === "embedded-mock" && plan.target.shadows ? { tagTests: true } : {}),
  };
  if (plan.target.kind === "embedded-mock") {
    const today = plan.today;
    const pinnedToday = () => new Date(`${today}T12:00:00Z`);
    const mock = await startMock({
      port: 0,
      host: "127.0.0.1",
      faults: plan.target.faults,
      fixtures: plan.target.fixtures,
      ...(plan.target.shadows ? { shadows: plan.target.shadows } : {}),
      // The injected "today" (D17) is the mock's today too, or the 18th-birthday edge is judged on another day.
      // One function for every behaviour it configures: a fault's shadow compares them by identity.
      configure: (b) => {
        b.today = pinnedToday;
      },
    });
    const credentials: Partial<Record<Role, string>> = {};
    for (const role of Object.keys(vars) as Role[]) if (mock.tokens[role]) credentials[role] = mock.tokens[role];
    // The pool's variables name the mock's accounts rateLimited2, rateLimited3, … in order.
    const accounts: Record<string, string> = mock.tokens;
    const rateLimitedPool = (plan.profile.profile.rateLimitedPool ?? []).flatMap((variable, i) => {
      const token = accounts[`rateLimited${i + 2}`];
      return token ? [{ token, variable }] : [];
    });
    const secrets = secretsOf(
      credentials,
      rateLimitedPool.map((a) => a.token),
    );
    return {
      plan,
      mock,
      startedAt,
      worker: { ...base, baseUrl: mock.baseUrl, embeddedMock: true, credentials, rateLimitedPool, secrets },
    };
  }
  const baseUrl = plan.target.baseUrl;
  await checkReachable(baseUrl);
  await checkRoles(baseUrl, plan.credentials, vars, Math.min(plan.profile.profile.timeouts.requestMs, 10_000));
  // The pre-flight's requests count against the budget like any other.
  writeFileSync(counterFile, ".".repeat(1 + Object.keys(plan.credentials).length));
  return {
    plan,
    startedAt,
    worker: {
      ...base,
      baseUrl,
      embeddedMock: false,
      credentials: plan.credentials,
      rateLimitedPool: plan.rateLimitedPool,
      secrets: secretsOf(
        plan.credentials,
        plan.rateLimitedPool.map((a) => a.token),
      ),
    },
  };
}

/**
 * The compiled package's own modules but its suite files: Node loads them in each worker as it loads any
 * package (natively, from dist/), not vitest's module runner, which asks the main thread — busy with the mock —
 * for each of them (~0.2 s of a run's start, BENCHMARKS.md). The suite files stay vitest's: they are the tests.
 * From the sources there is no JavaScript for Node to load: vitest's runner transforms them.
 */
export function compiledModulesOf(root: string): RegExp {
  const escaped = root.replaceAll("\\", "/").replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`^${escaped}/(?!suites/)`);
}
const compiledModules = runningFromSources ? undefined : compiledModulesOf(codeRoot);

/** Tests in flight at once per test file (the plans of a fault batch, each with its profile's concurrency). */
const MAX_TESTS_AT_ONCE = 32;

/**
 * One vitest project per profile and "today": its plans share one module graph per worker (a project of
 * its own per plan would load every module again for each fault). Tables built at collection time read
 * the profile, so plans of different profiles never share a project.
 */
function projectsOf(started: readonly Started[]): Started[][] {
  const groups = new Map<string, Started[]>();
  for (const s of started) {
    const key = `${s.plan.profile.sha256}|${s.plan.today}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return [...groups.values()];
}

export async function runSuites(plans: readonly RunPlan[], options: LaunchOptions = {}): Promise<RunResult[]> {
  const ids = new Set(plans.map((p) => p.id));
  if (ids.size !== plans.length) throw new Error("every plan of a launch needs its own id");
  const counterDir = mkdtempSync(join(tmpdir(), "idme-run-"));
  const started: Started[] = [];
  try {
    for (const plan of plans) started.push(await start(plan, counterDir));
    const collector = new CollectorReporter(
      codeRoot,
      options.onTest && ((planId, r) => options.onTest?.(started.find((s) => s.plan.id === planId)!.plan, r)),
    );
    // Each plan's selection is applied where its tests are declared (harness/conformance.ts): a filter of
    // vitest's would be one for the whole launch, and a fault's mock would see other plans' tests.
    const tags = Object.keys(requirements).map((name) => ({ name }));
    const { startVitest } = await import("vitest/node");
    let stop: (() => void) | undefined;
    let stopMadeInRun = false;
    let files = { done: 0, total: 0 };
    // The launch's own hooks: progress by file, and the caller's abort.
    const launchHooks: Reporter = {
      onTestRunStart(specifications) {
        files = { done: 0, total: specifications.length };
        options.onFiles?.(files.done, files.total);
      },
      onTestModuleEnd() {
        files.done++;
        options.onFiles?.(files.done, files.total);
      },
      onInit(vitest) {
        stop = () => {
          // The tests under way end at their next request or wait (harness/stop.ts), vitest starts no other.
          for (const s of started) writeFileSync(s.worker.stopFile, "");
          void vitest.cancelCurrentRun("keyboard-input");
        };
        if (options.signal?.aborted) stop();
        else options.signal?.addEventListener("abort", stop, { once: true });
      },
      // Vitest forgets a cancel that comes before its run starts (runFiles resets isCancelling): a stop from
      // then is made again once the run is under way, at its first queued file, so no further file starts.
      onTestModuleQueued() {
        if (options.signal?.aborted && !stopMadeInRun) {
          stopMadeInRun = true;
          stop?.();
        }
      },
    };
    // Vitest's logger, made with vitest, ends the process 1 ms after a SIGINT or SIGTERM: a stopped run must still
    // write what it verified, so the caller's handlers decide (cli/main.ts: they abort `signal`). Each signal
    // handler vitest adds is taken off as soon as it is added.
    const takeOff = (event: string | symbol, listener: (...args: unknown[]) => void) => {
      if (event === "SIGINT" || event === "SIGTERM") queueMicrotask(() => process.off(event, listener));
    };
    process.on("newListener", takeOff);
    let vitest: Awaited<ReturnType<typeof startVitest>> | undefined;
    try {
      vitest = await startVitest(
        "test",
        [],
        {
          root: codeRoot,
          config: false,
          watch: false,
          run: true,
          passWithNoTests: true,
          maxWorkers: options.maxWorkers ?? 3,
          sequence: { sequencer: WaitsFirstSequencer },
          // The suite's modules as transformed by the last run (keyed by their content): ~0.3–0.5 s of each run's start.
          ...(moduleCacheDir ? { experimental: { fsModuleCache: true, fsModuleCachePath: moduleCacheDir } } : {}),
          reporters: [launchHooks, collector, ...(options.reporters ?? [])],
          projects: projectsOf(started).map((group, i) => ({
            test: {
              name: `plans-${i}`,
              root: codeRoot,
              include: [...new Set(group.flatMap((s) => suiteFiles(s.plan)))],
              pool: "threads" as const,
              isolate: false,
              ...(compiledModules ? { server: { deps: { external: [compiledModules] } } } : {}),

              tags,
              testTimeout: testTimeoutMs(group[0].plan.profile.profile),
              hookTimeout: 30_000,
              // Plans of a batch run concurrently (one suite each); a plan's own tests as its profile allows.
              maxConcurrency: Math.min(group.length * group[0].plan.profile.profile.concurrency, MAX_TESTS_AT_ONCE),
              provide: { plans: group.map((s) => s.worker) },
            },
          })),
        },
        undefined,
        options.vitestOutput
          ? ({ stdout: options.vitestOutput, stderr: options.vitestOutput } as Parameters<typeof startVitest>[4])
          : undefined,
      );
    } finally {
      process.off("newListener", takeOff);
      if (stop) options.signal?.removeEventListener("abort", stop);
    }
    await vitest?.close();
    // A stop that came once every file had ended changed nothing: the run is complete (it used to be INCOMPLETE or
    // CONFORMANT by a race, "0 of 83 MUST requirements not verified"). Before that, or a test it ended, is a stop.
    const everyFileEnded = files.total > 0 && files.done === files.total;
    const testStopped = [...collector.tests.values()].some((ts) => ts.some((t) => t.outcome.unverified === "interrupted"));
    const interrupted = testStopped || (!everyFileEnded && (collector.interrupted || options.signal?.aborted === true));
    return started.map((s) => ({
      planId: s.plan.id,
      baseUrl: s.worker.baseUrl,
      embeddedMock: s.worker.embeddedMock,
      mockFaults: s.plan.target.kind === "embedded-mock" ? s.plan.target.faults.map((f) => f.id) : [],
      startedAt: s.startedAt,
      durationMs: Date.now() - Date.parse(s.startedAt),
      tests: applyPremises(collector.tests.get(s.plan.id) ?? []),
      runErrors: [
        ...(collector.runErrors.get(s.plan.id) ?? []),
        ...(collector.runErrors.get("*") ?? []),
        ...(interrupted
          ? [{ kind: "interrupted" as const, source: "launcher", message: "the run was stopped before every test ran" }]
          : []),
      ],
      interrupted,
      requests: requestsCounted(s.worker.budget.counterFile),
      ...(s.mock?.shadowReport
        ? {
            shadows: {
              reached: Object.fromEntries([...s.mock.shadowReport.reached].map(([id, tests]) => [id, [...tests].sort()])),
              everywhere: [...s.mock.shadowReport.everywhere].sort(),
            },
          }
        : {}),
    }));
  } finally {
    await Promise.all(started.map((s) => s.mock?.close()));
    rmSync(counterDir, { recursive: true, force: true });
  }
}

export async function runSuite(plan: RunPlan, options: LaunchOptions = {}): Promise<RunResult> {
  const [result] = await runSuites([plan], options);
  return result;
}
