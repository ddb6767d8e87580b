/** Builds a verification holding one final transaction of every product, for the listing tests. */
import { field, fieldIs } from "../checks/answers.js";
import { isUuid } from "../checks/transaction-shape.js";
import { verificationRequest } from "../generators/verification.js";
import { must } from "../harness/expect.js";
import type { Exchange } from "../lib/exchange.js";
import { type Flow, type FlowCtx, flows, transactionIdOf } from "./transaction.js";

export interface Filled {
  verificationId: string;
  /** Each product's flow with its transaction's own status GET. */
  own: { flow: Flow; get: Exchange }[];
  /** GET /api/v2/verification/{id} after every transaction is final. */
  listing: Exchange;
}

export async function fillVerification(t: FlowCtx): Promise<Filled> {
  const created = await t.api.call("createVerification", { body: verificationRequest.empty() });
  await t.arrange("VERIFICATION-01", () => must(created, fieldIs("verification_id", isUuid, "a UUID")));
  const verificationId = String(field(created, "verification_id"));
  const own: Filled["own"] = [];
  for (const flow of flows) {
    const final = await flow.succeed(t, { verification_id: verificationId });
    const get = await t.api.call(flow.statusOperation, { params: { transaction_id: transactionIdOf(final) } });
    own.push({ flow, get });
  }
  const listing = await t.api.call("getVerification", { params: { verification_id: verificationId } });
  return { verificationId, own, listing };
}

export interface Listed {
  transaction_id?: unknown;
  verification_id?: unknown;
  product?: unknown;
  status?: unknown;
}

export const listedOf = (x: Exchange): Listed[] => {
  const t = field(x, "transactions");
  return Array.isArray(t) ? (t as Listed[]) : [];
};
