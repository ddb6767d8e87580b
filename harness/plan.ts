/**
 * Defines `currentPlans` and `currentPlan`: the run plans the launcher provided to this worker (vitest
 * provide/inject) — one for a run, several for a fault batch. All plans of a project share the profile and
 * "today", so a table built at collection time may read them from `currentPlan()`; a test gets its own plan
 * from its context.
 */
import { inject } from "vitest";
import type { WorkerPlan } from "../run/worker-plan.js";

export function currentPlans(): WorkerPlan[] {
  const plans = inject("plans");
  if (!plans?.length)
    throw new Error("no run plan: the conformance suites run through the launcher (npm run conformance), not plain vitest");
  return plans;
}

export function currentPlan(): WorkerPlan {
  return currentPlans()[0] as WorkerPlan;
}
