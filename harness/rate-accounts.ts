/**
 * Which account a rate-limit test spends: its own account of the profile's rateLimitedPool when there is
 * one (a fault in one test's window cannot leak into another's), else the shared rateLimited role, whose
 * earlier windows the test must wait out first.
 */
import type { WorkerPlan } from "../run/worker-plan.js";
import { type Auth, bearer } from "./client.js";

export interface RateAccount {
  auth: Auth;
  /**
   * No request has touched this account in this run. Only the embedded mock's accounts are new for
   * certain: a live target's pool account may still be inside a window an earlier run opened.
   */
  fresh: boolean;
}

/** The account of slot `slot` (each test of the rate-limit suite has its own number). */
export function rateAccount(plan: WorkerPlan, slot: number): RateAccount {
  const own = plan.rateLimitedPool[slot];
  if (!own) return { auth: "rateLimited", fresh: false };
  return { auth: { header: bearer(own.token), role: "rateLimited", variable: own.variable }, fresh: plan.embeddedMock };
}
