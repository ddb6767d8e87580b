/**
 * Defines `createAccepted`: the arrange step "this account creates a transaction (or verification)" that
 * ownership, not-found and listing tests start from. Which requirement says a minimal valid request of each
 * operation is accepted lives in one table: a target that refuses the request blocks those tests by it.
 */
import { statusIs } from "../checks/answers.js";
import type { OperationId } from "../generated/operations.js";
import type { ReqId } from "../generated/requirements.js";
import { minimalRequest } from "../generators/requests.js";
import type { Auth } from "../harness/client.js";
import type { Ctx } from "../harness/conformance.js";
import { must } from "../harness/expect.js";
import type { Exchange } from "../lib/exchange.js";
import { hasId } from "./ids.js";

export const acceptedBy = {
  createVerification: "VERIFICATION-01",
  sendSmsCode: "TELECOM-SMS-01",
  verifyTelecomIdentity: "TELECOM-IDENTITY-01",
  verifyLicense: "DOCUMENT-01",
  verifyPassport: "DOCUMENT-11",
  verifyPasscard: "DOCUMENT-01",
} as const satisfies Partial<Record<OperationId, ReqId>>;

export type CreatingOperation = keyof typeof acceptedBy;

/** Sends the minimal valid request of `op` (as `auth`, primary by default) and requires HTTP 200; blocks the test otherwise. */
export async function createAccepted(
  t: Pick<Ctx, "api" | "arrange" | "today" | "profile">,
  op: CreatingOperation,
  extra: Record<string, string> = {},
  auth: Auth = "primary",
): Promise<Exchange> {
  const x = await t.api.call(op, { ...minimalRequest(t, op, extra), auth });
  // The ids are what the tests built on it use next: an answer without them blocks too (flows/ids.ts).
  const ids = op === "createVerification" ? [hasId("verification_id")] : [hasId("transaction_id"), hasId("verification_id")];
  await t.arrange(acceptedBy[op], () => must(x, statusIs(200, `arrange: ${op} accepts a minimal valid request`), ...ids));
  return x;
}
