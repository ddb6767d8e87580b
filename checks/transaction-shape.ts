/**
 * Assertion factories for transaction bodies (the document, verification, transaction and webhook suites
 * assert with them). D7/D8 are written once, in the standard checks; these reuse them and add what a
 * test expects on top (that the answer IS a completed, failed or pending transaction).
 */
import { isDeepStrictEqual } from "node:util";
import type { Exchange } from "../lib/exchange.js";
import { documentedTransactionCodes } from "../lib/spec.js";
import { type Assertion, field, resultsSlip, show, statusCodeSlip } from "./answers.js";
import { statusStampIssues } from "./timestamps-valid.js";
import { additionalInfoIssues, failureIssues, successIssues, transactionParts } from "./transaction-consistency.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: unknown): v is string => typeof v === "string" && UUID.test(v);

/** HTTP 200 with a transaction: the request was accepted (whatever its outcome will be). */
export const accepted =
  (hint?: string): Assertion =>
  (x) =>
    x.status === 200 && isUuid(field(x, "transaction_id")) && x.transactionStatus() !== undefined
      ? undefined
      : {
          check: "transaction_accepted",
          title: "the request is accepted: HTTP 200 with a transaction",
          expected: "HTTP 200, a UUID transaction_id and a status.code",
          received: `HTTP ${x.status} ${x.response.text.slice(0, 200) || "(empty body)"}`,
          hint,
          ...statusCodeSlip(x),
        };

/** HTTP 200 with a pending transaction (D11) that names its transaction and verification. */
export const pending =
  (pendingCodes: readonly number[]): Assertion =>
  (x) => {
    const code = x.transactionStatus();
    if (!(x.status === 200 && code !== undefined && pendingCodes.includes(code)))
      return {
        check: "transaction_pending",
        title: `HTTP 200 with a pending status.code (${pendingCodes.join("/")}) expected`,
        expected: `HTTP 200, status.code in ${pendingCodes.join(", ")}`,
        received: `HTTP ${x.status}, status.code ${show(field(x, "status.code"))}`,
        hint: "D11: documents are processed asynchronously; the POST answers before the outcome is known.",
        ...statusCodeSlip(x),
      };
    const bad = ["transaction_id", "verification_id"].find((id) => !isUuid(field(x, id)));
    return bad
      ? {
          check: "transaction_ids",
          title: `\`${bad}\` is a UUID`,
          expected: "a UUID",
          received: show(field(x, bad)),
          hint: "Every transaction POST answers with its transaction_id and the verification it belongs to (DOC).",
        }
      : undefined;
  };

/** D7: a completed transaction (status.code 200) with results.verified true and no errors. */
export const completed = (): Assertion => (x) => {
  if (!(x.status === 200 && x.transactionStatus() === 200))
    return {
      check: "transaction_answer",
      title: "a completed transaction (status.code 200) expected",
      expected: "HTTP 200, status.code 200",
      received: `HTTP ${x.status}, status.code ${show(field(x, "status.code"))}`,
      ...statusCodeSlip(x),
    };
  const p = transactionParts(x.jsonObject());
  const issues = p ? successIssues(p) : ["no results object"];
  const slip = !p && resultsSlip(x) ? { blockedBy: "TRANSACTION-04" } : {};
  return issues.length === 0
    ? undefined
    : {
        check: "success_consistent",
        title: "status.code 200 comes with results.verified true and no results.errors",
        expected: "results.verified true, results.errors absent or empty",
        received: issues.join("; "),
        hint: "D7: a transaction that succeeded cannot also carry errors or verified false.",
        ...slip,
      };
};

/** DOC: a failed transaction (status.code 300) with non-empty results.errors of the operation's family. */
export const failed =
  (operationId: string): Assertion =>
  (x) => {
    if (!(x.status === 200 && x.transactionStatus() === 300))
      return {
        check: "transaction_answer",
        title: "a failed transaction (status.code 300) expected",
        expected: "HTTP 200, status.code 300",
        received: `HTTP ${x.status}, status.code ${show(field(x, "status.code"))}`,
        ...statusCodeSlip(x),
      };
    const family = documentedTransactionCodes(operationId);
    const p = transactionParts(x.jsonObject());
    const { issues, open } = p ? failureIssues(p, operationId) : { issues: ["no results object"], open: [] };
    const slip = !p && resultsSlip(x) ? { blockedBy: "TRANSACTION-04" } : {};
    return issues.length === 0 && open.length === 0
      ? undefined
      : {
          check: "failure_consistent",
          title: "status.code 300 comes with results.errors: codes of the operation's family, non-empty messages",
          expected: `a non-empty results.errors, codes among ${family[0]}–${family.at(-1)}, each message a non-empty string`,
          received: [...issues, ...open].slice(0, 5).join("; "),
          hint: "DOC: a transaction that is not 200 says why in results.errors, with a code from the catalogue for its product.",
          ...(issues.length === 0 ? { open: open.join("; ") } : {}),
          ...slip,
        };
  };

/** DOC example: additional_info, when present, is a string. */
export const additionalInfoStrings = (): Assertion => (x) => {
  const p = transactionParts(x.jsonObject());
  const issues = p ? additionalInfoIssues(p) : [];
  return issues.length === 0
    ? undefined
    : {
        check: "additional_info_string",
        title: "additional_info is a string wherever it is present",
        expected: "additional_info absent or a string",
        received: issues.join("; "),
      };
};

/** D8: status.created and status.updated with milliseconds and an offset; updated not before created. */
export const timestamps = (): Assertion => (x) => {
  const status = field(x, "status");
  const issues = status && typeof status === "object" ? statusStampIssues(status, "status") : ["no status object"];
  return issues.length === 0
    ? undefined
    : {
        check: "timestamps_valid",
        title: issues[0],
        expected: "created/updated like 2023-05-01T11:56:53.504-04:00 or 2023-04-04T21:15:52.171Z, updated ≥ created",
        received: issues.join("; "),
        hint: "D8",
      };
};

/** The body equals the JSON value `expected` (a final state, a GET body). */
export const sameBody =
  (expected: unknown, what: string, hint?: string): Assertion =>
  (x) =>
    isDeepStrictEqual(x.json(), expected)
      ? undefined
      : { check: "same_body", title: `the body equals ${what}`, expected: show(expected), received: show(x.json()), hint };

/**
 * The status GET's body (the answer) equals what a webhook delivered; a payload may leave `results` out
 * (D35: the webhooks page's only example has none), everything else must be the same.
 */
export const sameAsWebhook =
  (delivered: unknown, hint?: string): Assertion =>
  (x) => {
    const get = x.json();
    const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
    const want = isObject(delivered) && isObject(get) && !("results" in delivered) ? { ...get, results: undefined } : get;
    const clean = (v: unknown) => (isObject(v) ? Object.fromEntries(Object.entries(v).filter(([, e]) => e !== undefined)) : v);
    return isDeepStrictEqual(clean(delivered), clean(want))
      ? undefined
      : {
          check: "same_body",
          title: "the webhook body equals the status GET body (results may be left out, D35)",
          expected: show(clean(want)),
          received: show(delivered),
          hint,
        };
  };

/** Two answers about one transaction agree on a field that must not change during its life. */
export const stable =
  (path: string, expected: unknown, what: string): Assertion =>
  (x) =>
    isDeepStrictEqual(field(x, path), expected)
      ? undefined
      : {
          check: "transaction_stable",
          title: `\`${path}\` changed: ${what}`,
          expected: show(expected),
          received: show(field(x, path)),
          hint: "A transaction's ids, product and status.created do not change once it exists.",
        };

export type { Exchange };
