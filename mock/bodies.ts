// What a transaction and a verification look like on the wire (GET, POST answers, webhooks). The knobs for the
// choices the contract leaves open (offset of the timestamps, D8; product names, D9) are read here.
import type { MockBehaviour } from "./behaviour.js";
import { formatTimestamp } from "./clock.js";
import type { Store, TransactionRecord, VerificationRecord } from "./store.js";
import { STATUS_MESSAGES } from "./store.js";

/** The GET body, also the webhook body. */
export function transactionBody(tx: TransactionRecord, behaviour: MockBehaviour) {
  const offset = behaviour.clock.offsetMinutes;
  return {
    transaction_id: tx.id,
    verification_id: tx.verificationId,
    product: behaviour.productNames[tx.product],
    status: {
      code: tx.status,
      message: STATUS_MESSAGES[tx.status],
      created: formatTimestamp(tx.createdAt, offset),
      updated: formatTimestamp(tx.updatedAt, offset),
    },
    results: tx.results,
  };
}

export function verificationBody(v: VerificationRecord, store: Store, behaviour: MockBehaviour) {
  const transactions = [];
  for (const id of v.transactionIds) {
    const tx = store.transaction(id);
    if (!tx) continue; // forgotten (README M13); the store drops ids it evicts, this only guards the gap
    const { transaction_id, verification_id, product, status } = transactionBody(tx, behaviour);
    transactions.push({ transaction_id, verification_id, product, status });
  }
  return { verification_id: v.id, transactions };
}
