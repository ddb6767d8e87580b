// Envelopes, messages and the shape of transaction bodies.
import type { MockBehaviour } from "../../mock/faults-api.js";
import { isEnvelope } from "../../mock/faults-api.js";
import type { Json } from "../transform.js";
import { isObject, isTransaction, rewrite, rewriteErrors, rewriteTransactions } from "../transform.js";
import type { CatalogueFault } from "../types.js";
import { errors } from "./support.js";

/** Rewrites each `status` object: of transaction bodies (answers, webhooks) and of the verification's list. */
function rewriteStatuses(b: MockBehaviour, change: (status: Json) => Json): void {
  rewrite(
    b,
    (r) => isTransaction(r.body) || (isObject(r.body) && Array.isArray(r.body.transactions)),
    (r) => {
      const body = structuredClone(r.body) as Json;
      if (isTransaction(body)) return { ...r, body: { ...body, status: change(body.status) } };
      const list = (body.transactions as Json[]).map((t) => (isObject(t.status) ? { ...t, status: change(t.status) } : t));
      return { ...r, body: { ...body, transactions: list } };
    },
  );
}

const mapStamps = (status: Json, f: (iso: string) => string): Json => ({
  ...status,
  created: typeof status.created === "string" ? f(status.created) : status.created,
  updated: typeof status.updated === "string" ? f(status.updated) : status.updated,
});

/** "2025-06-15T12:00:00.123Z" written at -04:00 without the colon: "2025-06-15T08:00:00.123-0400". */
function offsetWithoutColon(iso: string): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  return `${new Date(t - 4 * 3_600_000).toISOString().slice(0, 23)}-0400`;
}

export const schemaFaults: CatalogueFault[] = [
  {
    id: "blind-422-first-error-only",
    title: "a 422 lists only the first input error",
    description:
      "Validation stops at the first failing input: a 422 carries one error even when several inputs are wrong (phone and callback_url, …).",
    breaks: ["INPUT-SEVERAL-01", "DOCUMENT-15"],
    apply: (b) =>
      rewrite(
        b,
        (r) => r.status === 422 && isEnvelope(r.body) && r.body.errors.length > 1,
        (r) => ({ ...r, body: { errors: (r.body as { errors: unknown[] }).errors.slice(0, 1) } }),
      ),
  },
  {
    id: "blind-422-problem-json",
    title: "422 answers are served as application/problem+json",
    description: "Validation errors are served with Content-Type application/problem+json (the body is the usual envelope).",
    breaks: ["SCHEMA-06"],
    apply: (b) =>
      rewrite(
        b,
        (r, c) => c.kind === "response" && r.status === 422,
        (r) => ({ ...r, headers: { ...r.headers, "content-type": "application/problem+json; charset=utf-8" } }),
      ),
  },
  {
    id: "blind-message-3300-page-text",
    title: "3300 carries the verification page's message",
    description: 'Code 3300 answers "Verification not owned by this account" (the verification page) instead of the catalogue\'s text.',
    breaks: ["SCHEMA-04"],
    apply: (b) => rewriteErrors(b, (e) => (e.code === 3300 ? { ...e, message: "Verification not owned by this account" } : e)),
  },
  {
    id: "blind-transaction-error-message-empty",
    title: "transaction errors have an empty message",
    description: 'Errors in results.errors of a failed transaction carry message "" (the code alone).',
    breaks: ["TRANSACTION-02", "SCHEMA-04"],
    apply: (b) =>
      rewriteTransactions(b, (t) =>
        Array.isArray(t.results?.errors)
          ? { ...t, results: { ...t.results, errors: t.results.errors.map((e: Json) => ({ ...e, message: "" })) } }
          : t,
      ),
  },
  {
    id: "blind-result-singular-on-failure",
    title: "failed transactions use `result`",
    description: "A transaction with status.code 300 keeps its details under `result` (the overview's example) instead of `results` (D6).",
    breaks: ["TRANSACTION-04"],
    apply: (b) =>
      rewriteTransactions(b, (t) => {
        if (t.status.code !== 300) return t;
        const { results, ...rest } = t;
        return { ...rest, result: results };
      }),
  },
  {
    id: "blind-timestamp-offset-without-colon",
    title: "timestamps with a ±hhmm offset",
    description: 'status.created / updated are written "2025-06-15T08:00:00.123-0400" (offset without colon) instead of Z or ±hh:mm (D8).',
    breaks: ["TRANSACTION-05"],
    apply: (b) => rewriteStatuses(b, (s) => mapStamps(s, offsetWithoutColon)),
  },
  {
    id: "blind-timestamp-microseconds",
    title: "timestamps with microseconds",
    description: 'status.created / updated carry six fraction digits ("…:00.123000Z") instead of milliseconds (D8).',
    breaks: ["TRANSACTION-05"],
    apply: (b) => rewriteStatuses(b, (s) => mapStamps(s, (iso) => iso.replace(/\.(\d{3})(Z|[+-]\d{2}:\d{2})$/, ".$1000$2"))),
  },
  {
    id: "blind-verified-string",
    title: "results.verified true as a string",
    description: 'A successful transaction answers results.verified "true" (a string) instead of the boolean true (D7).',
    breaks: ["TRANSACTION-01"],
    apply: (b) => rewriteTransactions(b, (t) => (t.results?.verified === true ? { ...t, results: { ...t.results, verified: "true" } } : t)),
  },
  {
    id: "blind-additional-info-object",
    title: "additional_info as an object",
    description: 'additional_info of a transaction error is an object ({"field":…, "detail":…}) instead of a string.',
    breaks: ["TRANSACTION-03"],
    apply: (b) =>
      rewriteTransactions(b, (t) => {
        if (!Array.isArray(t.results?.errors)) return t;
        const errs = t.results.errors.map((e: Json) =>
          typeof e.additional_info === "string" ? { ...e, additional_info: { field: "birth_date", detail: e.additional_info } } : e,
        );
        return { ...t, results: { ...t.results, errors: errs } };
      }),
  },
  {
    id: "blind-address-zip-number",
    title: "the identity address's zip is a number",
    description: "results.address.zip of an identity match is a JSON number (22201) instead of a string (D10).",
    breaks: ["TELECOM-IDENTITY-01", "SCHEMA-10"],
    apply: (b) =>
      rewriteTransactions(b, (t) =>
        isObject(t.results?.address) && /^\d+$/.test(String(t.results.address.zip))
          ? { ...t, results: { ...t.results, address: { ...t.results.address, zip: Number(t.results.address.zip) } } }
          : t,
      ),
  },
  {
    id: "blind-product-sms-upper-case",
    title: "the SMS product is named telecom.possession.SMS",
    description: "The SMS possession product is written telecom.possession.SMS (not lower-case, D9) in answers, lists and webhooks.",
    breaks: ["SCHEMA-07", "VERIFICATION-06"],
    apply: (b) =>
      rewrite(
        b,
        (r) => JSON.stringify(r.body ?? null).includes('"telecom.possession.sms"'),
        (r) => ({ ...r, body: JSON.parse(JSON.stringify(r.body).replaceAll('"telecom.possession.sms"', '"telecom.possession.SMS"')) }),
      ),
  },
  {
    id: "blind-server-error-503",
    title: "internal errors answer 503",
    description: "An internal error (the sandbox phone 9995555000, D24) answers HTTP 503 with the 5000 envelope instead of 500.",
    breaks: ["SERVER-01", "SCHEMA-09"],
    apply: (b) =>
      rewrite(
        b,
        (r) => r.status === 500,
        () => ({ ...errors([5000]), status: 503 }),
      ),
  },
];
