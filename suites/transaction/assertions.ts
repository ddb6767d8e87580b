/**
 * Assertions on transaction bodies shared by the document, verification, transaction and webhook
 * suites. Each names what it checks and what it got, through expectThat (one failure layout).
 */
import { isDeepStrictEqual } from "node:util";
import type { Exchange } from "../../harness/exchange.js";
import { expectThat, field } from "../../harness/expect.js";
import { documentedTransactionCodes } from "../../lib/spec.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: unknown): v is string => typeof v === "string" && UUID.test(v);

const show = (v: unknown): string => (v === undefined ? "(nothing)" : JSON.stringify(v).slice(0, 300));

/** HTTP 200 with a transaction: the request was accepted (whatever its outcome will be). */
export function expectAccepted(x: Exchange, hint?: string): void {
  expectThat(x, x.status === 200 && isUuid(field(x, "transaction_id")) && x.transactionStatus() !== undefined, {
    check: "transaction_accepted",
    title: "the request is accepted: HTTP 200 with a transaction",
    expected: "HTTP 200, a UUID transaction_id and a status.code",
    received: `HTTP ${x.status} ${x.response.text.slice(0, 200) || "(empty body)"}`,
    hint,
  });
}

/** HTTP 200 with a pending transaction (D11) that names its transaction and verification. */
export function expectPending(x: Exchange, pending: readonly number[]): void {
  const code = x.transactionStatus();
  expectThat(x, x.status === 200 && code !== undefined && pending.includes(code), {
    check: "transaction_pending",
    title: `HTTP 200 with a pending status.code (${pending.join("/")}) expected`,
    expected: `HTTP 200, status.code in ${pending.join(", ")}`,
    received: `HTTP ${x.status}, status.code ${show(code)}`,
    hint: "D11: documents are processed asynchronously; the POST answers before the outcome is known.",
  });
  for (const id of ["transaction_id", "verification_id"]) {
    expectThat(x, isUuid(field(x, id)), {
      check: "transaction_ids",
      title: `\`${id}\` is a UUID`,
      expected: "a UUID",
      received: show(field(x, id)),
      hint: "Every transaction POST answers with its transaction_id and the verification it belongs to (DOC).",
    });
  }
}

interface TxError {
  code?: unknown;
  message?: unknown;
  additional_info?: unknown;
}
const errorsOf = (x: Exchange): TxError[] => {
  const e = field(x, "results.errors");
  return Array.isArray(e) ? (e as TxError[]) : [];
};

/** D7: status.code 200 ⇒ results.verified true and no errors. */
export function expectSuccessShape(x: Exchange): void {
  expectThat(x, x.status === 200 && x.transactionStatus() === 200, {
    check: "transaction_answer",
    title: "a completed transaction (status.code 200) expected",
    expected: "HTTP 200, status.code 200",
    received: `HTTP ${x.status}, status.code ${show(x.transactionStatus())}`,
  });
  expectThat(x, field(x, "results.verified") === true && errorsOf(x).length === 0, {
    check: "success_consistent",
    title: "status.code 200 comes with results.verified true and no results.errors",
    expected: "results.verified true, results.errors absent or empty",
    received: `results ${show(field(x, "results"))}`,
    hint: "D7: a transaction that succeeded cannot also carry errors or verified false.",
  });
}

/** DOC: status.code 300 ⇒ non-empty results.errors of the operation's family, messages non-empty strings. */
export function expectFailureShape(x: Exchange, familyOf: string): void {
  const family = documentedTransactionCodes(familyOf);
  expectThat(x, x.status === 200 && x.transactionStatus() === 300, {
    check: "transaction_answer",
    title: "a failed transaction (status.code 300) expected",
    expected: "HTTP 200, status.code 300",
    received: `HTTP ${x.status}, status.code ${show(x.transactionStatus())}`,
  });
  const errors = errorsOf(x);
  const bad = errors.filter(
    (e) => typeof e.code !== "number" || !family.includes(e.code) || typeof e.message !== "string" || e.message.trim() === "",
  );
  expectThat(x, errors.length > 0 && bad.length === 0, {
    check: "failure_consistent",
    title: "status.code 300 comes with results.errors: codes of the operation's family, non-empty messages",
    expected: `a non-empty results.errors, codes among ${family[0]}–${family.at(-1)}, each message a non-empty string`,
    received: errors.length === 0 ? `results ${show(field(x, "results"))}` : `offending errors ${show(bad)}`,
    hint: "DOC: a transaction that is not 200 says why in results.errors, with a code from the catalogue for its product.",
  });
}

/** DOC example: additional_info, when present, is a string. */
export function expectAdditionalInfoStrings(x: Exchange): void {
  const bad = errorsOf(x).filter((e) => e.additional_info !== undefined && typeof e.additional_info !== "string");
  expectThat(x, bad.length === 0, {
    check: "additional_info_string",
    title: "additional_info is a string wherever it is present",
    expected: "additional_info absent or a string",
    received: show(bad),
  });
}

const MILLIS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}(Z|[+-]\d{2}:\d{2})$/;

/** D8: created/updated with milliseconds and an offset; updated not before created. */
export function expectTimestamps(x: Exchange): void {
  const created = field(x, "status.created");
  const updated = field(x, "status.updated");
  const ok = (v: unknown): v is string => typeof v === "string" && MILLIS.test(v) && !Number.isNaN(Date.parse(v));
  expectThat(x, ok(created) && ok(updated), {
    check: "timestamps_format",
    title: "status.created and status.updated are ISO-8601 with milliseconds",
    expected: "e.g. 2023-05-01T11:56:53.504-04:00 or 2023-04-04T21:15:52.171Z",
    received: `created ${show(created)}, updated ${show(updated)}`,
    hint: "D8",
  });
  expectThat(x, Date.parse(updated as string) >= Date.parse(created as string), {
    check: "timestamps_order",
    title: "status.updated is not before status.created",
    expected: "updated ≥ created",
    received: `created ${show(created)}, updated ${show(updated)}`,
    hint: "D8",
  });
}

/** The body of `actual` equals the JSON value `expected` (a final state, a GET body). */
export function expectSameBody(actual: Exchange, expected: unknown, what: string, hint?: string): void {
  expectThat(actual, isDeepStrictEqual(actual.json(), expected), {
    check: "same_body",
    title: `the body equals ${what}`,
    expected: show(expected),
    received: show(actual.json()),
    hint,
  });
}
