// Verification faults (verification page): the list of transactions, the verification a transaction joins.
import { randomUUID } from "node:crypto";
import type { CatalogueFault } from "../types.js";
import { isObject, isTransaction, rewrite } from "../transform.js";

export const verificationFaults: CatalogueFault[] = [
  {
    id: "verification-lists-no-transactions",
    title: "verification lists no transactions",
    description: "GET /api/v2/verification/{id} always answers `transactions: []`, even after transactions joined it.",
    breaks: ["VERIFICATION-03", "VERIFICATION-04", "VERIFICATION-05"],
    apply: (b) =>
      rewrite(
        b,
        (r, c) => c.operationId === "getVerification" && r.status === 200,
        (r) => ({
          ...r,
          body: { ...(r.body as object), transactions: [] },
        }),
      ),
  },
  {
    id: "verification-id-ignored",
    title: "given verification_id ignored",
    description: "A JSON transaction POST that names a verification_id answers with a different, new verification id.",
    breaks: ["VERIFICATION-03"],
    apply: (b) =>
      rewrite(
        b,
        (r, c) =>
          c.kind === "response" && isTransaction(r.body) && isObject(c.request?.body) && typeof c.request.body.verification_id === "string",
        (r) => ({ ...r, body: { ...(r.body as object), verification_id: randomUUID() } }),
      ),
  },
];
