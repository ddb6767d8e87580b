/**
 * Builds a verification holding one transaction of every product, for the joining and listing tests: each
 * transaction's POST and a listing while they are new, then each driven to its end, its own status GET and
 * the listing again. The tests of one file share it (`Ctx.shared`).
 */
import { field, fieldIs } from "../checks/answers.js";
import { isUuid, sameBody } from "../checks/transaction-shape.js";
import { verificationRequest } from "../generators/verification.js";
import type { SharedCtx, Settled } from "../harness/conformance.js";
import { must } from "../harness/expect.js";
import type { Exchange } from "../lib/exchange.js";
import { type Flow, finalGetRequirement, flows, transactionIdOf } from "./transaction.js";

export interface Filled {
  verificationId: string;
  /** Each product's flow with the answer to its POST naming the verification (kept apart: a product the target refuses blocks only the tests that need it). */
  joined: { flow: Flow; x: Settled<Exchange> }[];
  /** GET /api/v2/verification/{id} right after the POSTs, before any transaction was driven on. */
  early: Exchange;
  /** Every transaction driven to its end (the listing tests need all of them). */
  final: Settled<Final>;
}

export interface Final {
  /** Each product's flow with its transaction's own status GET. */
  own: { flow: Flow; get: Exchange }[];
  /** GET /api/v2/verification/{id} after every transaction is final. */
  listing: Exchange;
}

export async function fillVerification(t: SharedCtx): Promise<Filled> {
  const created = await t.api.call("createVerification", { body: verificationRequest.empty() });
  await t.arrange("VERIFICATION-01", () => must(created, fieldIs("verification_id", isUuid, "a UUID")));
  const verificationId = String(field(created, "verification_id"));
  const joined: Filled["joined"] = [];
  for (const flow of flows) joined.push({ flow, x: await t.attempt(() => flow.start(t, { verification_id: verificationId })) });
  const early = await t.api.call("getVerification", { params: { verification_id: verificationId } });
  const final = await t.attempt(async () => {
    const own: Final["own"] = [];
    for (const { flow, x } of joined) {
      if (!x.ok) throw x.failure;
      const done = await flow.finish(t, x.value);
      const get = await t.api.call(flow.statusOperation, { params: { transaction_id: transactionIdOf(done) } });
      // The listing is judged against each status GET: a stale GET is that GET's failure, not the listing's.
      await t.arrange(finalGetRequirement(flow), () => must(get, sameBody(done.json(), "the transaction's final state")));
      own.push({ flow, get });
    }
    const listing = await t.api.call("getVerification", { params: { verification_id: verificationId } });
    return { own, listing };
  });
  return { verificationId, joined, early, final };
}

/** The settled answer of `flow`'s POST in a filled verification. */
export function joinedOf(filled: Filled, flow: Flow): Settled<Exchange> {
  const j = filled.joined.find((e) => e.flow === flow);
  if (!j) throw new Error(`the filled verification has no ${flow.operationId} transaction`);
  return j.x;
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
