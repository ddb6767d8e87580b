/**
 * Defines `Check`: a pure function of one exchange (no I/O, no `expect`) that returns what went wrong as
 * data, and `CheckDef`, a check registered with the requirement it enforces (checks/registry.ts): a
 * failure a standard check finds is charged to that requirement, whichever test saw the answer.
 */
import type { ReqId } from "../generated/requirements.js";
import type { Exchange } from "../lib/exchange.js";
import type { Failure } from "../lib/failure.js";

export type { Failure } from "../lib/failure.js";
export { failureFromIssues } from "../lib/failure.js";

/** What a check may know about the run besides the exchange (the profile's strict switches). */
export interface CheckContext {
  exactMessages: boolean;
}

export type Check = (x: Exchange, ctx?: CheckContext) => Failure | undefined;

export interface CheckDef {
  id: string;
  requirement: ReqId;
  /** the answers the check has something to say about: a requirement enforced only by a check is verified by them */
  applies: (x: Exchange) => boolean;
  run: Check;
}
