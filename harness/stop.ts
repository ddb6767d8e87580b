/**
 * Defines the run's stop as the workers see it: the launcher creates the plan's stop file when the run is stopped
 * (Ctrl-C, a CI system's cancel, the API's signal), and from then on the suite sends no request and ends its waits
 * (a rate window may be a minute on a live target). A file, like the request counter (harness/budget.ts): every
 * worker sees it with no other coordination. Vitest's own signal is not aborted for most tests that run at once:
 * its list of running tests (4.1.12) drops every test added after one that ends (run/collector.test.ts).
 */
import { existsSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

/** The run was stopped: the test verified nothing (harness/conformance.ts counts it interrupted). */
export class RunStoppedError extends Error {
  constructor() {
    super("the run was stopped while this test ran");
  }
}

/** How often a wait looks for the stop. */
const CHECK_MS = 50;

export function throwIfStopped(stopFile: string): void {
  if (existsSync(stopFile)) throw new RunStoppedError();
}

/** Waits `ms`, unless the run is stopped meanwhile: then throws RunStoppedError within CHECK_MS. */
export async function waitUnlessStopped(ms: number, stopFile: string): Promise<void> {
  const end = performance.now() + ms;
  for (let left = ms; left > 0; left = end - performance.now()) {
    throwIfStopped(stopFile);
    await sleep(Math.min(CHECK_MS, left));
  }
}
