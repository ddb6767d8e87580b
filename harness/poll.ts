/**
 * Defines `pollTransaction`: GETs a transaction's status until `status.code` leaves the profile's
 * pending codes (D11: documents complete asynchronously, the client polls). Interval and the
 * longest wait come from `profile.polling`; a transaction still pending at the end is a contract
 * failure that names the wait, so "pending forever" reads as such and never hangs the run.
 * Polling starts from a pending answer (the POST's): that answer was the first ask, so even the first
 * GET waits one interval — a GET sent at once would ask the target again sooner than the profile allows.
 */
import { setTimeout as sleep } from "node:timers/promises";
import type { ApiClient } from "./client.js";
import { ContractAssertionError } from "./errors.js";
import type { Exchange } from "../lib/exchange.js";
import type { Profile } from "../run/profile.js";

export interface PollOptions {
  pendingStatusCodes: readonly number[];
  intervalMs: number;
  maxWaitMs: number;
  /** Names what is polled in the failure message. */
  what: string;
  /** The clock (injectable for the self tests). */
  now?: () => number;
}

/**
 * Calls `get`, one interval after the pending answer that started the polling and one interval after each
 * pending answer since, until its answer is not a pending transaction. Any answer that is not an HTTP 200
 * with a pending status.code is returned as is: the caller's assertions judge it.
 */
export async function pollUntilFinal(get: () => Promise<Exchange>, opts: PollOptions): Promise<Exchange> {
  const now = opts.now ?? (() => performance.now());
  const started = now();
  let polls = 0;
  for (;;) {
    await sleep(opts.intervalMs);
    const x = await get();
    polls++;
    const code = x.transactionStatus();
    if (x.status !== 200 || code === undefined || !opts.pendingStatusCodes.includes(code)) return x;
    const elapsed = now() - started;
    if (elapsed + opts.intervalMs > opts.maxWaitMs) {
      throw new ContractAssertionError(
        [
          {
            check: "transaction_final",
            title: `${opts.what} is still pending`,
            expected: `a final status.code (not ${opts.pendingStatusCodes.join("/")}) within ${opts.maxWaitMs} ms (profile.polling.maxWaitMs)`,
            received: `status.code ${code} after ${polls} polls over ${Math.round(elapsed)} ms, every ${opts.intervalMs} ms (profile.polling.intervalMs)`,
            hint: "D11: a pending transaction must complete; raise profile.polling.maxWaitMs if the target is merely slow.",
          },
        ],
        x,
      );
    }
  }
}

/** Polls a transaction's status GET (document or telecom) with the profile's polling settings. */
export function pollTransaction(
  api: ApiClient,
  operationId: "getDocumentTransaction" | "getTelecomTransaction",
  transactionId: string,
  profile: Profile,
): Promise<Exchange> {
  return pollUntilFinal(() => api.call(operationId, { params: { transaction_id: transactionId } }), {
    pendingStatusCodes: profile.pendingStatusCodes,
    intervalMs: profile.polling.intervalMs,
    maxWaitMs: profile.polling.maxWaitMs,
    what: `transaction ${transactionId} (${operationId})`,
  });
}
