/** Builds a verification holding one final transaction of every product, for the listing tests. */
import type { ApiClient } from "../../../harness/client.js";
import type { Exchange } from "../../../harness/exchange.js";
import { expectField, field } from "../../../harness/expect.js";
import { verificationRequest } from "../../../generators/verification.js";
import { flows, type Flow } from "../../transaction/flows.js";
import { isUuid } from "../../transaction/assertions.js";

export interface Filled {
  verificationId: string;
  /** Each product's flow with its transaction's own status GET. */
  own: { flow: Flow; get: Exchange }[];
  /** GET /api/v2/verification/{id} after every transaction is final. */
  listing: Exchange;
}

export async function fillVerification(api: ApiClient): Promise<Filled> {
  const created = await api.call("createVerification", { body: verificationRequest.empty() });
  expectField(created, "verification_id", isUuid, "a UUID");
  const verificationId = String(field(created, "verification_id"));
  const own: Filled["own"] = [];
  for (const flow of flows) {
    const final = await flow.succeed(api, { verification_id: verificationId });
    const get = await api.call(flow.statusOperation, { params: { transaction_id: String(field(final, "transaction_id")) } });
    own.push({ flow, get });
  }
  const listing = await api.call("getVerification", { params: { verification_id: verificationId } });
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
