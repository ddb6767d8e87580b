// Fields that must stay the same across a transaction's life (POST answer, status GET, webhook body, verification
// listing) but change somewhere: a cache, a read-back that drops a field, an id minted twice.
import { randomUUID } from "node:crypto";
import { formatTimestamp } from "../../mock/clock.js";
import type { Json } from "../transform.js";
import { clone, isObject, isTransaction, rewrite } from "../transform.js";
import type { CatalogueFault } from "../types.js";
import { STATUS_GETS, TRANSACTION_POSTS, answerOf, jsonInput } from "./util.js";

/** Bounded memory for the stateful faults below (a long run must not grow them without end). */
const MAX_REMEMBERED = 20_000;

export const lifecycleFaults: CatalogueFault[] = [
  {
    id: "blind3-updated-bumped-on-get",
    title: "status.updated is set to the time of each status GET",
    description:
      "The status GET writes `updated` as the time it was read, so a completed transaction's GET differs from its final answer, its webhook and its listing (TRANSACTION-06, WEBHOOK-01, VERIFICATION-05).",
    breaks: ["TRANSACTION-06", "WEBHOOK-01", "VERIFICATION-05"],
    apply: (b) =>
      rewrite(
        b,
        (r, ctx) => answerOf(ctx, STATUS_GETS) && isTransaction(r.body),
        (r) => {
          const body = clone(r.body);
          const created = Date.parse(String(body.status.created));
          body.status.updated = formatTimestamp(Math.max(b.now().getTime(), created), b.clock.offsetMinutes);
          return { ...r, body };
        },
      ),
  },
  {
    id: "blind3-listing-stale-status",
    title: "The verification lists each transaction's first status",
    description:
      "getVerification shows the status a transaction had when it was created (a cache never refreshed): a finished document or a confirmed SMS stays 100 there; VERIFICATION-05 wants the status GET's status.",
    breaks: ["VERIFICATION-05"],
    apply: (b) => {
      const first = new Map<string, Json>();
      rewrite(
        b,
        (r, ctx) => ctx.kind === "response" && r.status === 200,
        (r, ctx) => {
          if (answerOf(ctx, TRANSACTION_POSTS) && isTransaction(r.body)) {
            const id = r.body.transaction_id as string;
            if (!first.has(id)) {
              if (first.size >= MAX_REMEMBERED) first.delete(first.keys().next().value as string);
              first.set(id, structuredClone(r.body.status));
            }
            return r;
          }
          if (ctx.operationId !== "getVerification" || !isObject(r.body) || !Array.isArray(r.body.transactions)) return r;
          const body = clone(r.body);
          for (const tx of body.transactions as Json[]) {
            const seen = first.get(tx.transaction_id as string);
            if (seen) tx.status = structuredClone(seen);
          }
          return { ...r, body };
        },
      );
    },
  },
  {
    id: "blind3-listing-short-product",
    title: "The verification lists document products by their short name",
    description:
      "getVerification lists `license.verify` (the webhook page's name) while the transaction's own status GET says `document.license.verify`; VERIFICATION-06 wants the same name in both.",
    breaks: ["VERIFICATION-06", "VERIFICATION-05"],
    apply: (b) =>
      rewrite(
        b,
        (r, ctx) => answerOf(ctx, ["getVerification"]) && isObject(r.body) && Array.isArray(r.body.transactions),
        (r) => {
          const body = clone(r.body);
          for (const tx of body.transactions as Json[])
            if (typeof tx.product === "string") tx.product = tx.product.replace(/^document\./, "");
          return { ...r, body };
        },
      ),
  },
  {
    id: "blind3-confirm-new-transaction-id",
    title: "The SMS confirm answers under a new transaction_id",
    description:
      "A successful confirm answers a freshly minted transaction_id instead of the send's; the docs say send and confirm share one id (TELECOM-SMS-02, TELECOM-GET-01, TRANSACTION-06).",
    breaks: ["TELECOM-SMS-02", "TELECOM-GET-01", "TRANSACTION-06", "VERIFICATION-05"],
    apply: (b) =>
      rewrite(
        b,
        (r, ctx) => answerOf(ctx, ["confirmSmsCode"]) && isTransaction(r.body),
        (r) => ({ ...r, body: { ...clone(r.body), transaction_id: randomUUID() } }),
      ),
  },
  {
    id: "blind3-get-drops-errors",
    title: "The status GET of a failed transaction has no errors",
    description:
      "Read back from storage, a failed transaction keeps status 300 but `results.errors` is empty; the POST / webhook had the codes (TRANSACTION-02, TRANSACTION-06, TELECOM-GET-01, DOCUMENT-03/04, WEBHOOK-01, D7).",
    breaks: ["TRANSACTION-02", "TRANSACTION-06", "TELECOM-GET-01", "DOCUMENT-03", "DOCUMENT-04", "WEBHOOK-01", "SCHEMA-10"],
    apply: (b) =>
      rewrite(
        b,
        (r, ctx) => answerOf(ctx, STATUS_GETS) && isTransaction(r.body) && r.body.status.code === 300,
        (r) => {
          const body = clone(r.body);
          body.results = { ...body.results, errors: [] };
          return { ...r, body };
        },
      ),
  },
  {
    id: "blind3-answer-new-verification-id",
    title: "A POST naming a verification answers another verification_id",
    description:
      "The transaction joins the named verification, but the JSON POST's answer carries a new verification_id (minted before the lookup); VERIFICATION-03 wants the named one, and the GET then differs from the answer (TELECOM-GET-01, TRANSACTION-06).",
    breaks: ["VERIFICATION-03", "TELECOM-GET-01", "TRANSACTION-06"],
    apply: (b) =>
      rewrite(
        b,
        (r, ctx) =>
          answerOf(ctx, ["sendSmsCode", "verifyTelecomIdentity"]) &&
          isTransaction(r.body) &&
          typeof jsonInput(ctx).verification_id === "string",
        (r) => ({ ...r, body: { ...clone(r.body), verification_id: randomUUID() } }),
      ),
  },
];
