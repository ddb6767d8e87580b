/**
 * Defines `spendRequest`: the request budget, enforced here and nowhere else. The counter is a file the
 * launcher creates per run and names in the plan: every worker appends one byte per request (appends are
 * atomic), so the workers share one count without any other coordination.
 */
import { closeSync, fstatSync, openSync, statSync, writeSync } from "node:fs";
import type { WorkerPlan } from "../run/worker-plan.js";

/** Counts one request; false when the budget is already spent (the request must not be sent). */
export function spendRequest(budget: WorkerPlan["budget"]): boolean {
  const fd = counterFd(budget.counterFile);
  writeSync(fd, ".");
  return fstatSync(fd).size <= budget.limit;
}

/**
 * The counter file, opened once for appending (an open per request cost more than the request's checks).
 * A worker thread's descriptors outlive it, so only the latest few stay open: plans of a fault batch run
 * at most MAX_TESTS_AT_ONCE (run/launcher.ts) at a time.
 */
const open = new Map<string, number>();
const MAX_OPEN = 32;
function counterFd(counterFile: string): number {
  let fd = open.get(counterFile);
  if (fd === undefined) {
    if (open.size >= MAX_OPEN) {
      const [oldest, oldFd] = open.entries().next().value as [string, number];
      closeSync(oldFd);
      open.delete(oldest);
    }
    fd = openSync(counterFile, "a");
    open.set(counterFile, fd);
  }
  return fd;
}

/** Requests counted so far (the launcher reads it for the run's facts). */
export function requestsCounted(counterFile: string): number {
  try {
    return statSync(counterFile).size;
  } catch {
    return 0;
  }
}
