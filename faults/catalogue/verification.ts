// Verification faults (verification page): the list of transactions, the verification a transaction joins.
import { randomUUID } from "node:crypto";
import { announcedEmpty } from "../../mock/body.js";
import { message } from "../../mock/messages.js";
import type { CatalogueFault } from "../types.js";
import { isObject, isTransaction, JSON_CT, rewrite } from "../transform.js";

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
    id: "verification-requires-body",
    title: "createVerification refuses the published empty body",
    description:
      "POST /api/v2/verification with no body, or the docs' own `--data ''`, answers 422 / 3100 (issue 9: the mock once did; requestBody.required is false).",
    breaks: ["VERIFICATION-08"],
    apply: (b) =>
      rewrite(
        b,
        (r, c) => c.operationId === "createVerification" && r.status === 200 && c.request !== undefined && announcedEmpty(c.request),
        () => ({ status: 422, headers: { "content-type": JSON_CT }, body: { errors: [{ code: 3100, message: message(3100) }] } }),
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
  {
    id: "verification-join-500",
    title: "joining a verification crashes",
    description:
      "A JSON transaction POST that names an existing verification_id answers 500 / 5000; the same POST without one is accepted (the suite once reported this as INCOMPLETE, blocked by the product's requirement).",
    breaks: ["VERIFICATION-03"],
    apply: (b) =>
      rewrite(
        b,
        (r, c) =>
          c.kind === "response" && isTransaction(r.body) && isObject(c.request?.body) && typeof c.request.body.verification_id === "string",
        () => ({ status: 500, headers: { "content-type": JSON_CT }, body: { errors: [{ code: 5000, message: message(5000) }] } }),
      ),
  },
];
