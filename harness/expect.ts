/**
 * Defines the suite's assertions on an exchange. Each builds a Failure (expected, received,
 * hint) and throws it as a ContractAssertionError carrying the exchange's curl line, so a
 * failing test reads the same whichever assertion failed.
 */
import type { Failure } from "../checks/types.js";
import { throwIfFailures } from "./failures.js";
import type { Exchange } from "./exchange.js";
import { valueAt } from "./value-at.js";

const show = (v: unknown): string => (v === undefined ? "(nothing)" : JSON.stringify(v));

/** The errors list as received, or what stood in its place. */
function errorsText(x: Exchange): string {
  const body = x.jsonObject();
  if (body && "errors" in body) return `errors ${show(body.errors)}`;
  return `no errors list; body ${x.response.text.slice(0, 160) || "(empty)"}`;
}

/** Fails with `failure` unless `ok`. */
export function expectThat(x: Exchange, ok: boolean, failure: Failure): void {
  if (!ok) throwIfFailures([failure], x);
}

export function expectStatus(x: Exchange, status: number, hint?: string): void {
  expectThat(x, x.status === status, {
    check: "http_status",
    title: `HTTP status ${status} expected`,
    expected: `HTTP ${status}`,
    received: `HTTP ${x.status} ${x.response.text.slice(0, 200) || "(empty body)"}`,
    hint,
  });
}

/** HTTP `status` with every code of `codes` among the top-level errors (D15: a 422 lists every fault). */
export function expectError(x: Exchange, status: number, codes: number | readonly number[], hint?: string): void {
  const want = typeof codes === "number" ? [codes] : [...codes];
  const got = x.errorCodes();
  const missing = want.filter((c) => !got.includes(c));
  expectThat(x, x.status === status && missing.length === 0, {
    check: "error_answer",
    title: `HTTP ${status} with ${want.join(" and ")} in the errors list expected`,
    expected: `HTTP ${status}, errors containing ${want.join(", ")}`,
    received: `HTTP ${x.status}, ${errorsText(x)}`,
    hint,
  });
}

/** HTTP 200 whose transaction status.code is `statusCode`; `codes`: each must be in results.errors. */
export function expectTransaction(x: Exchange, statusCode: number, codes: readonly number[] = [], hint?: string): void {
  const got = x.transactionCodes();
  const missing = codes.filter((c) => !got.includes(c));
  expectThat(x, x.status === 200 && x.transactionStatus() === statusCode && missing.length === 0, {
    check: "transaction_answer",
    title: `HTTP 200 with status.code ${statusCode}${codes.length ? ` and ${codes.join(", ")} in results.errors` : ""} expected`,
    expected: `HTTP 200, status.code ${statusCode}${codes.length ? `, results.errors containing ${codes.join(", ")}` : ""}`,
    received: `HTTP ${x.status}, status.code ${show(x.transactionStatus())}, results.errors ${show(got)}`,
    hint,
  });
}

/** A field of the JSON body, by a dotted path (`results.address.city`). */
export function field(x: Exchange, path: string): unknown {
  return valueAt(x.json(), path);
}

export function expectField(x: Exchange, path: string, predicate: (v: unknown) => boolean, expected: string, hint?: string): void {
  const v = field(x, path);
  expectThat(x, predicate(v), { check: "body_field", title: `\`${path}\` is ${expected}`, expected, received: show(v), hint });
}
