/**
 * Defines `freshWindow`, `burst` and `withinWindow`: the rate-limit suite's only waits and repetitions. A wait is
 * bounded by the profile's window (profile.rateLimits.windowMs, plus a small margin), so the
 * suite never sleeps longer than the target's own limit says.
 */
import type { Exchange } from "../lib/exchange.js";
import type { Profile } from "../run/profile.js";
import { TooSlowToJudgeError } from "./errors.js";
import { waitUnlessStopped } from "./stop.js";

/** Margin over the window: clocks and fixed windows start a little after the last request. */
export const WINDOW_MARGIN_MS = 150;

/** Waits until every window the earlier requests opened has closed, or the run is stopped (harness/stop.ts). */
export async function freshWindow(profile: Profile, stopFile: string): Promise<void> {
  const windowMs = profile.rateLimits?.windowMs;
  if (windowMs === undefined) throw new Error(`the profile "${profile.name}" states no rateLimits.windowMs`);
  await waitUnlessStopped(windowMs + WINDOW_MARGIN_MS, stopFile);
}

/**
 * Ends a test that could not judge: its requests from `first` to the latest answer took longer than the
 * profile's window, so a limit that was not reached may simply have lifted in between.
 */
export function withinWindow(profile: Profile, xs: readonly Exchange[]): void {
  const windowMs = profile.rateLimits?.windowMs ?? Number.POSITIVE_INFINITY;
  const first = xs[0];
  const last = xs.at(-1);
  if (!first || !last) return;
  const spent = Date.parse(last.startedAt) + last.durationMs - Date.parse(first.startedAt);
  if (spent > windowMs)
    throw new TooSlowToJudgeError(
      `could not judge: the requests took ${spent} ms, longer than the ${windowMs} ms window (profile rateLimits.windowMs) they had to fit in`,
    );
}

/**
 * Sends `n` requests at once and returns every exchange (in the order they were started). At once, so that
 * the whole burst fits in a window even on a busy machine: a window counts requests, not their order, and
 * every request of a burst is within the limit.
 */
export async function burst(n: number, send: () => Promise<Exchange>): Promise<Exchange[]> {
  return Promise.all(Array.from({ length: n }, () => send()));
}
