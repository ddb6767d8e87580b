/**
 * The one table of check ids. Standard checks run on every exchange of every test (harness/conformance.ts)
 * and each is registered with the requirement it enforces: what it finds is charged to that requirement,
 * not to the test that happened to see the answer. Assertion checks are the factories tests assert with
 * (checks/answers.ts, checks/transaction-shape.ts …): what they find is charged to the test's own requirement.
 * A lint test keeps every check id used anywhere in this table.
 */
import type { ReqId } from "../generated/requirements.js";
import { error_code_documented } from "./error-code-documented.js";
import { error_code_integer, error_envelope, error_message_text } from "./error-envelope.js";
import { error_message_matches } from "./error-message-matches.js";
import { json_content_type } from "./json-content-type.js";
import { no_html_or_stacktrace } from "./no-html-or-stacktrace.js";
import { product_name } from "./product-name.js";
import { results_not_result } from "./results-not-result.js";
import { response_documented, schema_conformant } from "./schema-conformant.js";
import { timestamps_valid } from "./timestamps-valid.js";
import { additional_info_string, failure_consistent, pending_consistent, success_consistent } from "./transaction-consistency.js";
import type { Exchange } from "../lib/exchange.js";
import type { Failure } from "../lib/failure.js";
import type { CheckContext, CheckDef } from "./types.js";

const errorAnswer = (x: Exchange) => x.status >= 400;
const txCode = (x: Exchange) => (x.status === 200 ? x.transactionStatus() : undefined);
const isTxWith = (code: number) => (x: Exchange) => txCode(x) === code && x.jsonObject()?.results !== undefined;

/** In reading order: the most specific diagnosis first (D6 before the generic schema failure). */
export const standardChecks: readonly CheckDef[] = [
  { id: "response_documented", requirement: "SCHEMA-09", applies: (x) => x.operationId !== null, run: response_documented },
  { id: "results_not_result", requirement: "TRANSACTION-04", applies: (x) => x.transactionStatus() !== undefined, run: results_not_result },
  { id: "no_html_or_stacktrace", requirement: "SCHEMA-08", applies: () => true, run: no_html_or_stacktrace },
  { id: "json_content_type", requirement: "SCHEMA-06", applies: (x) => x.isJson(), run: json_content_type },
  { id: "error_envelope", requirement: "SCHEMA-01", applies: errorAnswer, run: error_envelope },
  { id: "error_code_integer", requirement: "SCHEMA-02", applies: errorAnswer, run: error_code_integer },
  { id: "error_message_text", requirement: "SCHEMA-03", applies: errorAnswer, run: error_message_text },
  { id: "error_code_documented", requirement: "SCHEMA-05", applies: errorAnswer, run: error_code_documented },
  // D14: exact text only where the profile asks for it (the check reads ctx.exactMessages).
  {
    id: "error_message_matches",
    requirement: "SCHEMA-04",
    applies: (x) => x.errorCodes().length + x.transactionCodes().length > 0,
    run: error_message_matches,
  },
  { id: "success_consistent", requirement: "TRANSACTION-01", applies: isTxWith(200), run: success_consistent },
  { id: "failure_consistent", requirement: "TRANSACTION-02", applies: isTxWith(300), run: failure_consistent },
  { id: "additional_info_string", requirement: "TRANSACTION-03", applies: isTxWith(300), run: additional_info_string },
  { id: "pending_consistent", requirement: "TRANSACTION-07", applies: isTxWith(100), run: pending_consistent },
  {
    id: "timestamps_valid",
    requirement: "TRANSACTION-05",
    // A transaction, or a verification listing its transactions' statuses.
    applies: (x) => txCode(x) !== undefined || (x.status === 200 && Array.isArray(x.jsonObject()?.transactions)),
    run: timestamps_valid,
  },
  {
    id: "product_name",
    requirement: "SCHEMA-07",
    applies: (x) => x.status === 200 && (x.jsonObject()?.product !== undefined || Array.isArray(x.jsonObject()?.transactions)),
    run: product_name,
  },
  { id: "schema_conformant", requirement: "SCHEMA-10", applies: (x) => x.operationId !== null, run: schema_conformant },
];

/** Ids of the assertion checks tests build (charged to the test's own requirement), with what each asserts. */
export const assertionChecks: Readonly<Record<string, string>> = {
  http_status: "the answer has the expected HTTP status",
  error_answer: "an HTTP error status with the expected codes among the errors",
  error_codes_exactly: "an HTTP error status whose errors list holds exactly the expected codes",
  transaction_answer: "an HTTP 200 transaction with the expected status.code (and codes in results.errors)",
  transaction_accepted: "HTTP 200 with a transaction (a UUID transaction_id and a status.code)",
  transaction_pending: "HTTP 200 with a pending status.code",
  transaction_ids: "the transaction_id and verification_id are UUIDs",
  transaction_final: "a pending transaction reaches a final status.code within the polling wait",
  transaction_stable: "a field that must not change during a transaction's life kept its value",
  body_field: "a field of the body has the expected value",
  same_body: "the body equals another answer's body",
  empty_body: "the answer has no body",
  rate_limit_admitted: "every request within a rate limit is answered 200",
  retry_after: "Retry-After holds the seconds until the limit lifts",
  webhook_delivered_once: "exactly one webhook POST reaches the callback_url",
  webhook_retries: "the webhook is delivered the expected number of times",
  joins_verification: "a transaction POST with a verification_id answers that verification_id",
  new_verification: "a transaction POST without verification_id gets a new verification",
  verification_listed: "the verification GET lists its transactions",
  listed_product_name: "a listed transaction's product is its own product name",
  assertion: "a vitest expect() in a test body",
};

/** Checks whose finding on an answer makes these others restate it (an HTML page has no envelope; an undocumented status no documented codes or schema). */
const restatedBy: Readonly<Record<string, readonly string[]>> = {
  no_html_or_stacktrace: [
    "json_content_type",
    "error_envelope",
    "error_code_integer",
    "error_message_text",
    "error_code_documented",
    "schema_conformant",
  ],
  response_documented: ["error_code_documented", "schema_conformant"],
};

/** The generic checks: when the test's own assertion already failed on an answer, they would restate its wrong status, code or body. */
const generic = new Set(["response_documented", "error_code_documented", "schema_conformant"]);

/**
 * The findings of the standard checks on one answer, one charge per deviation: a finding that only
 * restates another one (the generic schema failure beside a specific check's, an undocumented code of an
 * undocumented status, the missing envelope of an HTML page) is left out, and the generic checks are left
 * out where the test's own assertion on this answer already failed. `examined` gets every check that
 * looked at the answer (a requirement enforced only by a check is verified by them).
 */
export function standardFindings(
  x: Exchange,
  ctx: CheckContext,
  ownFailedHere: boolean,
  examined: (id: string) => void,
): { def: CheckDef; failure: Failure }[] {
  const found: { def: CheckDef; failure: Failure }[] = [];
  for (const def of standardChecks) {
    if (!def.applies(x)) continue;
    examined(def.id);
    const failure = def.run(x, ctx);
    if (failure) found.push({ def, failure });
  }
  const hit = new Set(found.filter((f) => !f.failure.open).map((f) => f.def.id));
  const restated = new Set([...hit].flatMap((id) => restatedBy[id] ?? []));
  return found.filter(({ def, failure }) => {
    if (failure.open) return true; // observations are kept as they are
    if (restated.has(def.id)) return false;
    if (ownFailedHere && generic.has(def.id)) return false;
    return def.id !== "schema_conformant" || hit.size === 1;
  });
}

const byId = new Map(standardChecks.map((c) => [c.id, c]));

/** The requirement a standard check enforces, or undefined for an assertion check. */
export function requirementOfCheck(id: string): ReqId | undefined {
  return byId.get(id)?.requirement;
}

export function isRegisteredCheck(id: string): boolean {
  return byId.has(id) || id in assertionChecks;
}
