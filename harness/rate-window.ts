/**
 * Defines `freshWindow` and `burst`: the rate-limit suite's only waits and repetitions. A wait is
 * bounded by the profile's window (profile.rateLimits.windowMs, plus a small margin), so the
 * suite never sleeps longer than the target's own limit says.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { Exchange } from "../lib/exchange.js";
import type { Profile } from "../run/profile.js";

/** Margin over the window: clocks and fixed windows start a little after the last request. */
export const WINDOW_MARGIN_MS = 150;

/** Waits until every window the earlier requests opened has closed. */
export async function freshWindow(profile: Profile): Promise<void> {
  const windowMs = profile.rateLimits?.windowMs;
  if (windowMs === undefined) throw new Error(`the profile "${profile.name}" states no rateLimits.windowMs`);
  await sleep(windowMs + WINDOW_MARGIN_MS);
}

/** Sends `n` requests one after another (a limit counts them in order) and returns every exchange. */
export async function burst(n: number, send: () => Promise<Exchange>): Promise<Exchange[]> {
  const out: Exchange[] = [];
  for (let i = 0; i < n; i++) out.push(await send());
  return out;
}
