/**
 * Defines `reachabilityOf`: a target that times out or resets again and again would make every remaining
 * test wait out its own deadline (hours against a slow live target). After UNREACHABLE_LIMIT consecutive
 * unreachable answers in a worker, the rest of that plan's requests fail fast with the same diagnosis.
 * One tracker per plan and worker (a fault batch runs many plans in one process).
 */
export const UNREACHABLE_LIMIT = 5;

export interface Reachability {
  /** undefined when requests may go; else why not */
  refusal(): string | undefined;
  answered(): void;
  unreachable(): void;
}

const trackers = new Map<string, Reachability>();

export function reachabilityOf(planId: string): Reachability {
  let t = trackers.get(planId);
  if (!t) {
    let streak = 0;
    t = {
      refusal: () =>
        streak >= UNREACHABLE_LIMIT
          ? `the last ${streak} requests got no usable answer; the target is treated as unreachable for the rest of this run`
          : undefined,
      answered: () => {
        streak = 0;
      },
      unreachable: () => {
        streak += 1;
      },
    };
    trackers.set(planId, t);
  }
  return t;
}
