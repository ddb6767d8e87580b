// The catalogue of faulty targets: the embedded mock with exactly one deviation each (faults/README.md).
// faultsById(ids) turns ids into the Fault objects startMock takes; faults/runner.ts scores the suite on them.
import { accessFaults } from "./catalogue/access.js";
import { authFaults } from "./catalogue/auth.js";
import { documentFaults } from "./catalogue/document.js";
import { envelopeFaults } from "./catalogue/envelope.js";
import { healthFaults } from "./catalogue/health.js";
import { inputFaults } from "./catalogue/input.js";
import { otpFaults } from "./catalogue/otp.js";
import { rateLimitFaults } from "./catalogue/rate-limit.js";
import { transactionFaults } from "./catalogue/transaction.js";
import { verificationFaults } from "./catalogue/verification.js";
import { webhookFaults } from "./catalogue/webhook.js";
import type { CatalogueFault } from "./types.js";

export type { CatalogueFault } from "./types.js";

export const faults: CatalogueFault[] = [
  ...healthFaults,
  ...authFaults,
  ...envelopeFaults,
  ...transactionFaults,
  ...inputFaults,
  ...otpFaults,
  ...rateLimitFaults,
  ...accessFaults,
  ...documentFaults,
  ...webhookFaults,
  ...verificationFaults,
];

/** The catalogue entries with these ids, in the given order; an unknown id throws with the full list. */
export function faultsById(ids: readonly string[]): CatalogueFault[] {
  return ids.map((id) => {
    const found = faults.find((f) => f.id === id);
    if (!found) throw new Error(`unknown fault "${id}" (known: ${faults.map((f) => f.id).join(", ")})`);
    return found;
  });
}
