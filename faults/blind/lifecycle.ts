// What must not change during a transaction's life (ids, product, created, the verification link) and webhooks (D26).
import type { Json } from "../transform.js";
import { isObject, isTransaction, rewrite } from "../transform.js";
import type { CatalogueFault } from "../types.js";
import { STATUS_GETS, asPending, track } from "./support.js";

const isStatusGet = (op: string | null) => STATUS_GETS.includes(op ?? "");

export const lifecycleFaults: CatalogueFault[] = [
  {
    id: "blind-verification-created-transactions-null",
    title: "a new verification lists transactions: null",
    description: "POST /api/v2/verification answers transactions null (no transaction yet) instead of an empty list.",
    breaks: ["VERIFICATION-01", "VERIFICATION-02", "VERIFICATION-08", "SCHEMA-10"],
    apply: (b) =>
      rewrite(
        b,
        (r, c) => c.operationId === "createVerification" && r.status === 200 && isObject(r.body) && Array.isArray(r.body.transactions),
        (r) => ({ ...r, body: { ...(r.body as Json), transactions: null } }),
      ),
  },
  {
    id: "blind-sms-status-stale-after-confirm",
    title: "the SMS status GET stays pending after the confirm",
    description:
      "GET /api/v2/telecom/{id} of a confirmed SMS transaction answers the cached pending state (100, verified false) instead of the confirm's 200.",
    breaks: ["TELECOM-GET-01", "TRANSACTION-06", "VERIFICATION-05"],
    apply: (b) =>
      rewrite(
        b,
        (r, c) =>
          c.kind === "response" &&
          c.operationId === "getTelecomTransaction" &&
          isTransaction(r.body) &&
          r.body.product === "telecom.possession.sms" &&
          r.body.status.code === 200,
        (r) => ({ ...r, body: asPending(structuredClone(r.body) as Json & { status: Json }) }),
      ),
  },
  {
    id: "blind-document-status-short-product",
    title: "the document status GET and webhook name the product license.verify",
    description:
      "GET /api/v2/document/{id} and the document webhook write the product without its family (license.verify, as the webhook page) while the POST and the verification's list say document.license.verify.",
    breaks: ["VERIFICATION-06", "VERIFICATION-05"],
    apply: (b) =>
      rewrite(
        b,
        (r, c) =>
          (c.kind === "webhook" || c.operationId === "getDocumentTransaction") &&
          isTransaction(r.body) &&
          String(r.body.product).startsWith("document."),
        (r) => ({ ...r, body: { ...(r.body as Json), product: String((r.body as Json).product).replace(/^document\./, "") } }),
      ),
  },
  {
    id: "blind-status-created-equals-updated",
    title: "the status GET rewrites status.created",
    description:
      "Status GETs answer status.created equal to status.updated (the row's last write) instead of the transaction's creation time.",
    breaks: ["TRANSACTION-06", "VERIFICATION-05", "WEBHOOK-01"],
    apply: (b) =>
      rewrite(
        b,
        (r, c) => c.kind === "response" && isStatusGet(c.operationId) && isTransaction(r.body),
        (r) => {
          const body = r.body as Json & { status: Json };
          return { ...r, body: { ...body, status: { ...body.status, created: body.status.updated } } };
        },
      ),
  },
  {
    id: "blind-status-verification-id-lost",
    title: "a completed transaction's status GET loses its verification",
    description:
      "Once a transaction has completed, its status GET answers verification_id equal to its transaction_id instead of the verification it joined.",
    breaks: ["TELECOM-GET-01", "TRANSACTION-06", "WEBHOOK-01"],
    apply: (b) =>
      rewrite(
        b,
        (r, c) => c.kind === "response" && isStatusGet(c.operationId) && isTransaction(r.body) && r.body.status.code !== 100,
        (r) => ({ ...r, body: { ...(r.body as Json), verification_id: (r.body as Json).transaction_id } }),
      ),
  },
  {
    id: "blind-verification-lists-completed-only",
    title: "the verification lists only completed transactions",
    description:
      "GET /api/v2/verification/{id} leaves out pending transactions (an SMS send before its confirm, a document being processed).",
    breaks: ["VERIFICATION-03", "VERIFICATION-04", "VERIFICATION-05"],
    apply: (b) =>
      rewrite(
        b,
        (r, c) => c.operationId === "getVerification" && r.status === 200 && isObject(r.body) && Array.isArray(r.body.transactions),
        (r) => {
          const body = r.body as { transactions: Array<{ status?: { code?: number } }> };
          return { ...r, body: { ...body, transactions: body.transactions.filter((t) => t.status?.code !== 100) } };
        },
      ),
  },
  {
    id: "blind-verification-list-status-stale",
    title: "the verification's list keeps each transaction's first status",
    description:
      "GET /api/v2/verification/{id} lists each transaction with the status it had when it joined (pending), not its current one.",
    breaks: ["VERIFICATION-05"],
    apply: (b) =>
      rewrite(
        b,
        (r, c) => c.operationId === "getVerification" && r.status === 200 && isObject(r.body) && Array.isArray(r.body.transactions),
        (r) => {
          const body = r.body as { transactions: Array<{ status: Json }> };
          const stale = body.transactions.map((t) => ({
            ...t,
            status: { ...t.status, code: 100, message: "Transaction pending", updated: t.status.created },
          }));
          return { ...r, body: { ...body, transactions: stale } };
        },
      ),
  },
];

export const webhookFaults: CatalogueFault[] = [
  {
    id: "blind-webhook-pending-body",
    title: "the webhook carries the state before completion",
    description:
      "The webhook is built before the status is saved: its body is the pending transaction (100, verified false) instead of the GET's final body.",
    breaks: ["WEBHOOK-01"],
    apply: (b) =>
      rewrite(
        b,
        (r, c) => c.kind === "webhook" && isTransaction(r.body),
        (r) => ({ ...r, body: asPending(structuredClone(r.body) as Json & { status: Json }) }),
      ),
  },
  {
    id: "blind-webhook-updated-stale",
    title: "the webhook's status.updated is the creation time",
    description:
      "The webhook body has the final status but status.updated equal to status.created (a document's GET shows the completion time).",
    breaks: ["WEBHOOK-01"],
    apply: (b) =>
      rewrite(
        b,
        (r, c) => c.kind === "webhook" && isTransaction(r.body),
        (r) => {
          const body = r.body as Json & { status: Json };
          return { ...r, body: { ...body, status: { ...body.status, updated: body.status.created } } };
        },
      ),
  },
  {
    id: "blind-webhook-event-envelope",
    title: "the webhook wraps the body in an event envelope",
    description: 'The webhook POSTs {"event":"transaction.completed","data":<status body>} instead of the status GET body itself.',
    breaks: ["WEBHOOK-01"],
    apply: (b) =>
      rewrite(
        b,
        (_r, c) => c.kind === "webhook",
        (r) => ({ ...r, body: { event: "transaction.completed", data: r.body } }),
      ),
  },
  {
    id: "blind-webhook-none-for-sms-confirm",
    title: "no webhook when an SMS confirm completes the transaction",
    description:
      "The callback_url of an SMS send receives nothing when the confirm completes the transaction (identity and documents still notify).",
    breaks: ["WEBHOOK-01"],
    apply: (b) => {
      const t = track(b);
      const enabled = b.webhooks.enabled;
      Object.defineProperty(b.webhooks, "enabled", {
        configurable: true,
        enumerable: true,
        get: () => enabled && t.phase !== "confirm",
      });
    },
  },
  {
    id: "blind-webhook-three-deliveries",
    title: "a failing webhook is delivered 3 times in all",
    description: '"Retries 3 times" read as 3 deliveries: a receiver that always answers 500 gets 3 POSTs instead of 4 (D26).',
    breaks: ["WEBHOOK-02"],
    apply: (b) => {
      b.webhooks.retries -= 1;
    },
  },
  {
    id: "blind-webhook-five-deliveries",
    title: "a failing webhook is delivered 5 times in all",
    description: "One retry too many: a receiver that always answers 500 gets 5 POSTs instead of 4 (D26).",
    breaks: ["WEBHOOK-02"],
    apply: (b) => {
      b.webhooks.retries += 1;
    },
  },
];
