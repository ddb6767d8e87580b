// Transaction-body faults (overview "Transactions", D6–D11, D27): names, status/errors consistency, timestamps.
import type { CatalogueFault } from "../types.js";
import { isTransaction, rewrite, rewriteStatuses, rewriteTransactions } from "../transform.js";
import { message } from "../../mock/messages.js";

/** A timestamp one second earlier, same format. */
const secondBefore = (iso: unknown) => new Date(Date.parse(String(iso)) - 1000).toISOString();

export const transactionFaults: CatalogueFault[] = [
  {
    id: "result-not-results",
    title: "`result` instead of `results`",
    description: "Transactions carry their details under `result` (the overview example's slip, D6), in answers and webhooks.",
    breaks: ["TRANSACTION-04"],
    apply: (b) => rewriteTransactions(b, ({ results, ...rest }) => ({ ...rest, result: results })),
  },
  {
    id: "status-200-with-errors",
    title: "status 200 with errors",
    description: "A successful transaction (status.code 200) also lists a transaction error in `results.errors` (D7).",
    breaks: ["TRANSACTION-01"],
    apply: (b) =>
      rewriteTransactions(b, (tx) =>
        tx.status.code !== 200
          ? tx
          : {
              ...tx,
              results: {
                ...tx.results,
                errors: [{ code: 1005, message: "Something went wrong while delivering the text message. Please try again" }],
              },
            },
      ),
  },
  {
    id: "status-300-without-errors",
    title: "status 300 with no errors",
    description: "A failed transaction (status.code 300) has no `results.errors` (DOC: a 300 lists why).",
    breaks: ["TRANSACTION-02", "DOCUMENT-04", "TELECOM-SANDBOX-01"],
    apply: (b) =>
      rewriteTransactions(b, (tx) => {
        if (tx.status.code !== 300) return tx;
        const { errors: _dropped, ...results } = tx.results;
        return { ...tx, results };
      }),
  },
  {
    id: "failure-verified-true",
    title: "failed transaction marked verified",
    description: "A failed transaction (status.code 300) says `results.verified: true`.",
    breaks: ["TRANSACTION-02", "TELECOM-SANDBOX-01", "DOCUMENT-03"],
    apply: (b) => rewriteTransactions(b, (tx) => (tx.status.code !== 300 ? tx : { ...tx, results: { ...tx.results, verified: true } })),
  },
  {
    id: "timestamps-without-offset",
    title: "timestamps without an offset",
    description: "`status.created` / `status.updated` are local date-times with no `Z` or offset (`2023-05-01T11:56:53.504`).",
    breaks: ["TRANSACTION-05"],
    apply: (b) =>
      rewriteStatuses(b, (status) => ({
        ...status,
        created: String(status.created).replace(/Z$/, ""),
        updated: String(status.updated).replace(/Z$/, ""),
      })),
  },
  {
    id: "updated-before-created",
    title: "`updated` earlier than `created`",
    description: "`status.updated` is one second before `status.created` (D8: updated ≥ created).",
    breaks: ["TRANSACTION-05"],
    apply: (b) => rewriteStatuses(b, (status) => ({ ...status, updated: secondBefore(status.created) })),
  },
  {
    id: "transaction-missing-verification-id",
    title: "transaction without verification_id",
    description: "Transaction bodies (answers and webhooks) omit `verification_id`.",
    breaks: ["TELECOM-SMS-01", "DOCUMENT-01", "VERIFICATION-03", "VERIFICATION-04", "TELECOM-GET-01", "SCHEMA-10"],
    apply: (b) => rewriteTransactions(b, ({ verification_id: _dropped, ...rest }) => rest),
  },
  {
    id: "sms-send-not-pending",
    title: "SMS send completes at once",
    description: "A successful SMS send answers status.code 200 / verified true instead of pending 100 until the confirm (D27).",
    breaks: ["TELECOM-SMS-01"],
    apply: (b) =>
      rewrite(
        b,
        (r, c) => c.operationId === "sendSmsCode" && isTransaction(r.body) && r.body.status.code === 100,
        (r) => {
          const tx = structuredClone(r.body) as { status: { code: number; message: string }; results: { verified: boolean } };
          tx.status.code = 200;
          tx.status.message = "Transaction successfully completed";
          tx.results.verified = true;
          return { ...r, body: tx };
        },
      ),
  },
  {
    id: "telecom-error-code-ignored",
    title: "999 phones ignore their last four digits",
    description: "A 999 phone fails with a fixed telecom code (1002, or 1001 when 1002 was asked) whatever its last four digits.",
    breaks: ["TELECOM-SANDBOX-01"],
    apply: (b) =>
      rewriteTransactions(b, (tx) => {
        const errors = tx.results.errors as Array<{ code: number; message: string }> | undefined;
        if (!String(tx.product).startsWith("telecom.") || !errors) return tx;
        return {
          ...tx,
          results: {
            ...tx.results,
            errors: errors.map((e) => {
              const code = e.code === 1002 ? 1001 : 1002;
              return { ...e, code, message: message(code) };
            }),
          },
        };
      }),
  },
  {
    id: "identity-address-missing",
    title: "identity success without address",
    description: "A successful telecom identity transaction has no `results.address` (D10).",
    breaks: ["TELECOM-IDENTITY-01"],
    apply: (b) =>
      rewriteTransactions(b, (tx) => {
        const { address: _dropped, ...results } = tx.results;
        return { ...tx, results };
      }),
  },
  {
    id: "additional-info-as-object",
    title: "additional_info as an object",
    description: 'An error\'s `additional_info` is an object (`{detail: "…"}`) instead of a string.',
    breaks: ["TRANSACTION-03"],
    apply: (b) =>
      rewriteTransactions(b, (tx) => {
        const errors = tx.results.errors as Array<{ additional_info?: unknown }> | undefined;
        if (!errors) return tx;
        const mapped = errors.map((e) => (e.additional_info === undefined ? e : { ...e, additional_info: { detail: e.additional_info } }));
        return { ...tx, results: { ...tx.results, errors: mapped } };
      }),
  },
  {
    id: "product-name-upper-case",
    title: "product names in upper case",
    description: "Transactions name their product in upper case (`TELECOM.IDENTITY`), in answers, webhooks and verification lists.",
    breaks: ["SCHEMA-07", "VERIFICATION-06"],
    apply: (b) =>
      rewrite(
        b,
        (r) => isTransaction(r.body) || Array.isArray((r.body as { transactions?: unknown })?.transactions),
        (r) => {
          const body = structuredClone(r.body) as { product?: string; transactions?: Array<{ product: string }> };
          if (typeof body.product === "string") body.product = body.product.toUpperCase();
          for (const t of body.transactions ?? []) t.product = t.product.toUpperCase();
          return { ...r, body };
        },
      ),
  },
];
