/**
 * Defines what a test declares (its requirement and needs, set when it is declared) and what it found
 * (its outcome, set when it ends). Both travel from the worker to the launcher as vitest task meta:
 * structured data, never parsed back from titles or error names.
 */
import type { ReqId } from "../generated/requirements.js";
import type { ExchangeRecord } from "../lib/exchange.js";
import type { Failure } from "../lib/failure.js";
import type { Profile, Role } from "./profile.js";
// The augmented module must be imported here, or the augmentation is lost when this file is compiled before vitest is (tsc -p tsconfig.build.json).
import type {} from "vitest";

/** What a test needs from the target; a need the profile does not meet makes the test out of scope. */
export interface Needs {
  roles?: readonly Role[];
  capabilities?: readonly (keyof Profile["capabilities"])[];
  /** profile.strict switches the test needs on (exact edges, exact messages, Retry-After). */
  strict?: readonly (keyof Profile["strict"])[];
  /** Profile fields that must be present. */
  profile?: readonly ("rateLimits" | "products.disabledForProductDisabledRole" | "products.inactiveForProductInactiveRole")[];
  /**
   * Requirements the test's premise rests on (a check-order test needs each condition to be detected on its
   * own; a general rule needs the specific one that says the same for its product): when one of them failed in
   * the same run, this test's own failure is reported as blocked by it.
   */
  premises?: readonly ReqId[];
}

/**
 * pass: its own assertions held · fail: it found a violation · blocked: the arrange step did not reach the
 * state it needs (another requirement broke) · skipped: not run on this target (with the reason) ·
 * observed: an OPEN requirement recorded what it saw · error: it could not judge (unreachable, timeout, suite defect).
 */
export type Verdict = "pass" | "fail" | "blocked" | "skipped" | "observed" | "error";

/** Why a test did not verify its requirement (interrupted: the run was stopped while it ran). */
export type Unverified = "out-of-scope" | "budget" | "credential" | "blocked" | "unreachable" | "timeout" | "defect" | "interrupted";

/** A violation, charged to the requirement it breaks. */
export interface Finding {
  requirement: ReqId;
  failure: Failure;
  /** index into the outcome's exchanges, when one answer shows it */
  exchange?: number;
}

export interface Observation {
  what: string;
  value: unknown;
}

export interface TestOutcome {
  /** the verdict on the test's own requirement */
  verdict: Verdict;
  /** the first line of why it was skipped, blocked or in error */
  reason?: string;
  unverified?: Unverified;
  blockedBy?: ReqId;
  /** violations it found: of its own requirement, or charged by a standard check to the check's requirement */
  findings: Finding[];
  /** what OPEN requirements and OPEN places recorded */
  observations: Observation[];
  exchanges: ExchangeRecord[];
  /** standard check id → how many of this test's answers it examined (a requirement enforced only by a check is verified by them) */
  checked: Record<string, number>;
  /** the seed its inputs came from */
  seed: number;
  /**
   * Arranged state it judged that tests of its file share (`Ctx.shared`): the state's name and the test whose
   * exchanges hold the requests that arranged it (this test's own, or the test that asked for it first).
   */
  shared?: SharedUse[];
}

/** One arranged state a test shared with others of its file. */
export interface SharedUse {
  /** `file#name`: the same for every test that shares it */
  state: string;
  /** the test whose exchanges arranged it */
  arrangedBy: string;
}

export interface ConformanceMeta {
  requirement: ReqId;
  /** the plan the test runs for (a fault batch runs every test once per plan) */
  planId: string;
  needs?: Needs;
  /** true for observe(): an OPEN requirement */
  observeOnly?: boolean;
  outcome?: TestOutcome;
}

declare module "vitest" {
  interface TaskMeta {
    conformance?: ConformanceMeta;
  }
}
