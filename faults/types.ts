// A catalogue entry: the mock's Fault (mock/faults-api.ts) plus the requirements it violates.
import type { ReqId } from "../generated/requirements.js";
import type { Fault } from "../mock/faults-api.js";

export interface CatalogueFault extends Fault {
  /** Requirement ids this deviation violates; the fault counts as caught only when one of them fails. */
  breaks: readonly ReqId[];
  /** the suite needs long to notice it (polls run to their limit): the runner starts it first */
  slow?: boolean;
}
