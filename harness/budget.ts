/**
 * Defines `spendRequest`: the request budget, enforced here and nowhere else. The counter is a file the
 * launcher creates per run and names in the plan: every worker appends one byte per request (appends are
 * atomic), so the workers share one count without any other coordination.
 */
import { appendFileSync, statSync } from "node:fs";
import type { WorkerPlan } from "../run/worker-plan.js";

/** Counts one request; false when the budget is already spent (the request must not be sent). */
export function spendRequest(budget: WorkerPlan["budget"]): boolean {
  appendFileSync(budget.counterFile, ".");
  return statSync(budget.counterFile).size <= budget.limit;
}

/** Requests counted so far (the launcher reads it for the run's facts). */
export function requestsCounted(counterFile: string): number {
  try {
    return statSync(counterFile).size;
  } catch {
    return 0;
  }
}
