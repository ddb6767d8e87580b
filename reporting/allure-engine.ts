/**
 * Where Allure builds a run's HTML report. From the compiled package: a child process of its own
 * (reporting/allure-child.ts) at the lowest CPU priority while the tests run (reporting/allure-priority.ts), started
 * as soon as a run knows it wants a report.
 * Allure's modules (~0.7 s of CPU) then load on whatever CPU the run leaves idle — its start-up and the
 * tests' waits — and never slow the run: loaded in the run's process they took ~0.5 s from the tests (the
 * mock and vitest share its main thread), in a worker thread at normal priority ~0.35 s from its start-up
 * (BENCHMARKS.md). A run's report is fed while its tests run (reporting/allure-live.ts) and built once they are over.
 * From the sources (tsx, vitest) Allure runs in this thread instead, loaded when first needed.
 */
import { type ChildProcess, fork } from "node:child_process";
import type { Socket } from "node:net";
import { fileURLToPath } from "node:url";
import { runningFromSources } from "../lib/paths.js";
import { allureWorker, type LiveFinish, type LivePost } from "./allure-live-work.js";
import { lowerWhileTestsRun } from "./allure-priority.js";
import type { AllureWork, AllureWorkResult } from "./allure-work.js";

export interface AllureEngine {
  /** Runs the work; resolves (never rejects) with what went wrong, or after `timeoutMs` with that. */
  run(work: AllureWork | LiveFinish, timeoutMs: number): Promise<AllureWorkResult>;
  /** Sends a fed report's message; what goes wrong is the answer of its `finish`. */
  post(message: LivePost): void;
  close(): Promise<void>;
  /** Allure's process, when it has one. */
  readonly pid?: number;
}

function bounded(work: Promise<AllureWorkResult>, timeoutMs: number): Promise<AllureWorkResult> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<AllureWorkResult>((done) => {
    timer = setTimeout(() => done({ ok: false, message: `allure generate took more than ${timeoutMs} ms` }), timeoutMs);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const here = allureWorker();

/** Allure in this thread. */
export const inThisThread: AllureEngine = {
  run: (work, timeoutMs) => bounded(here.run(work), timeoutMs),
  post: here.post,
  close: async () => {},
};

/** The environment of Allure's process: the run's, without the suite's own variables (IDME_*: credentials, the signing key). */
export function allureEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !name.toUpperCase().startsWith("IDME_")));
}

/**
 * Allure in a child process, its modules loading from now on. `env`: the run's environment, which Allure
 * reads to link the report to a CI system's job; the suite's own variables (credentials) are left out.
 */
export function allureProcess(env: NodeJS.ProcessEnv): AllureEngine {
  const child: ChildProcess = fork(fileURLToPath(new URL("./allure-child.js", import.meta.url)), [], {
    env: allureEnv(env),
    stdio: ["ignore", "ignore", "pipe", "ipc"],
    serialization: "advanced",
    // A process group of its own: Ctrl-C and a CI system's cancel go to the run's group, and the run decides
    // (it still writes this report). Its own handlers for them came too late at nice 19 on a busy machine: a
    // SIGTERM to the group while it still started killed it (a fresh clone's npm test caught that).
    detached: true,
  });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-2000);
  });
  if (child.pid !== undefined) lowerWhileTestsRun(child.pid);
  // Never what keeps a process alive: the timer of a run's work does that while it waits for an answer.
  child.unref();
  child.channel?.unref();
  (child.stderr as Socket | null)?.unref();
  let ended: AllureWorkResult | undefined;
  const endedWith = (why: string): AllureWorkResult =>
    (ended ??= { ok: false, message: `allure generate's process ${why}${stderr ? `: ${stderr.trim().split("\n").at(-1)}` : ""}` });
  child.once("error", (e) => endedWith(`could not start (${e.message})`));
  child.once("exit", (code, signal) => endedWith(`exited (${signal ?? code})`));
  return {
    ...(child.pid !== undefined ? { pid: child.pid } : {}),
    run: (work, timeoutMs) => {
      if (ended) return Promise.resolve(ended);
      const answer = new Promise<AllureWorkResult>((done) => {
        child.once("message", (m) => done(m as AllureWorkResult));
        child.once("exit", (code, signal) => done(endedWith(`exited (${signal ?? code})`)));
      });
      try {
        child.send(work);
      } catch (e) {
        return Promise.resolve(endedWith(`could not be reached (${(e as Error).message})`));
      }
      return bounded(answer, timeoutMs);
    },
    post: (message) => {
      if (ended) return;
      try {
        child.send(message);
      } catch {
        // Its process is gone: the finish says so.
      }
    },
    close: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise((done) => child.once("exit", done));
      // It ignores SIGINT and SIGTERM (they reach the whole process group), and may still be loading Allure: a run
      // that could not start must not wait for that. Whatever it wrote is complete (its answer came) or unwanted.
      child.kill("SIGKILL");
      await gone;
    },
  };
}

/** An engine for a run that writes the HTML report; `env` as for `allureProcess`. */
export function startAllureEngine(env: NodeJS.ProcessEnv): AllureEngine {
  return runningFromSources ? inThisThread : allureProcess(env);
}
