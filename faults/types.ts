// A catalogue entry: the mock's Fault (mock/faults-api.ts) plus the requirements it violates.
import type { ReqId } from "../generated/requirements.js";
import type { Fault } from "../mock/faults-api.js";

export interface CatalogueFault extends Fault {
  /** Requirement ids this deviation violates; the fault counts as caught only when one of them fails. */
  breaks: readonly ReqId[];
}

/**
 * A conformant variant: the mock changed only where the contract leaves a choice open (an OPEN code,
 * whether a refused request counts, key order, Retry-After absent, another UTC offset …). The suite must
 * PASS it: a failure is a false alarm of the suite.
 */
export interface ConformantVariant extends Fault {
  /** each legal deviation it makes, and the decision or OPEN item that allows it */
  deviations: readonly string[];
}
