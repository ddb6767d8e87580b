// The catalogue of faulty targets: the embedded mock with exactly one deviation each (faults/README.md).
// faultsById(ids) turns ids into the Fault objects startMock takes; faults/runner.ts scores the suite on them.
import { accessFaults } from "./catalogue/access";
import { authFaults } from "./catalogue/auth";
import { documentFaults } from "./catalogue/document";
import { envelopeFaults } from "./catalogue/envelope";
import { healthFaults } from "./catalogue/health";
import { inputFaults } from "./catalogue/input";
import { otpFaults } from "./catalogue/otp";
import { rateLimitFaults } from "./catalogue/rate-limit";
import { transactionFaults } from "./catalogue/transaction";
import { verificationFaults } from "./catalogue/verification";
import { webhookFaults } from "./catalogue/webhook";
import type { CatalogueFault } from "./types";

export type { CatalogueFault } from "./types";

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
