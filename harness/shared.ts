/**
 * Defines `sharedStates`: arranged state that several tests of one file judge (`Ctx.shared`), arranged once
 * per run and plan by the test that asks first. Its arrange steps do not block anybody while it is built:
 * they remember the requirements they rest on, and each test that shares it replays them as its own
 * (`replayShared`), so a broken step blocks every sharer by that step's requirement — or fails the sharer
 * whose own requirement it is — exactly as if each had run the step itself.
 */
import type { ReqId } from "../generated/requirements.js";

/** A part of shared state that only some of the tests sharing it need: its failure is kept, not thrown. */
export type Settled<T> = { ok: true; value: T } | { ok: false; failure: unknown };

export const attempt = <T>(step: () => Promise<T>): Promise<Settled<T>> =>
  step().then(
    (value) => ({ ok: true as const, value }),
    (failure: unknown) => ({ ok: false as const, failure }),
  );

/** An arrange step of shared state failed: `bys` the requirements of the nested steps, innermost first. */
export class SharedArrangeFailed {
  constructor(
    readonly bys: readonly ReqId[],
    readonly cause: unknown,
  ) {}
}

/** The `arrange` a shared state's build gets: runs the step, and on failure names its requirement (nested steps add theirs). */
export async function arrangeShared<T>(by: ReqId, step: () => Promise<T> | T): Promise<T> {
  try {
    return await step();
  } catch (e) {
    throw e instanceof SharedArrangeFailed ? new SharedArrangeFailed([...e.bys, by], e.cause) : new SharedArrangeFailed([by], e);
  }
}

/**
 * A failure of shared state as the sharing test's own: the failed steps again through its `arrange`,
 * outermost first. Anything else (budget spent, target unreachable) is rethrown as it is.
 */
export function replayShared(arrange: <T>(by: ReqId, step: () => Promise<T>) => Promise<T>, e: unknown): Promise<never> {
  if (!(e instanceof SharedArrangeFailed)) return Promise.reject(e);
  const replay = (i: number): Promise<never> => (i < 0 ? Promise.reject(e.cause) : arrange(e.bys[i] as ReqId, () => replay(i - 1)));
  return replay(e.bys.length - 1);
}

export interface SharedState {
  build: unknown;
  /** the test whose exchanges hold the requests */
  arrangedBy: string;
  result: Promise<unknown>;
}

/**
 * The state under `at` (run, plan, file#name): built by `start` for the first test that asks, the same one
 * for every later test. `build` is the function that makes it: another function under the same name is a
 * defect of the suite.
 */
export function sharedState(
  states: Map<string, SharedState>,
  at: string,
  build: unknown,
  test: string,
  start: () => Promise<unknown>,
): SharedState {
  const known = states.get(at);
  if (known) {
    if (known.build !== build) throw new Error(`${at}: two different arrangements share one name`);
    return known;
  }
  const result = start();
  result.catch(() => {}); // judged by each test that awaits it
  const s: SharedState = { build, arrangedBy: test, result };
  states.set(at, s);
  return s;
}
