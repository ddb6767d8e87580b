/**
 * Defines `currentPlan`: the run plan of the test that is running, as the launcher provided it to this
 * worker (vitest provide/inject). Suites read the profile, "today" and the target from it.
 */
import { inject } from "vitest";
import type { WorkerPlan } from "../run/worker-plan.js";

export function currentPlan(): WorkerPlan {
  const plan = inject("plan");
  if (!plan) throw new Error("no run plan: the conformance suites run through the launcher (npm run conformance), not plain vitest");
  return plan;
}
