/**
 * Assertion factories: what a test asserts about one answer, as checks (`(x) => Failure | undefined`)
 * with registered ids (checks/registry.ts). A test passes them to `must()` (harness/expect.ts); a failure
 * is charged to the test's own requirement.
 */
import type { Exchange } from "../lib/exchange.js";
import type { Failure } from "../lib/failure.js";
import { envelopeIssues } from "./error-envelope.js";
import { bodyLeak } from "./no-html-or-stacktrace.js";
import { valueAt } from "../lib/value-at.js";

export type Assertion = (x: Exchange) => Failure | undefined;

export const show = (v: unknown): string => (v === undefined ? "(nothing)" : (JSON.stringify(v)?.slice(0, 300) ?? String(v)));

/** The errors list as received, or what stood in its place. */
export function errorsText(x: Exchange): string {
  const body = x.jsonObject();
  if (body && "errors" in body) return `errors ${show(body.errors)}`;
  return `no errors list; body ${x.response.text.slice(0, 160) || "(empty)"}`;
}

/** A custom assertion: `failure` unless `ok` (its `check` id must be registered). */
export const that =
  (ok: boolean, failure: Failure): Assertion =>
  () =>
    ok ? undefined : failure;

export const statusIs =
  (status: number, hint?: string): Assertion =>
  (x) =>
    x.status === status
      ? undefined
      : {
          check: "http_status",
          title: `HTTP status ${status} expected`,
          expected: `HTTP ${status}`,
          received: `HTTP ${x.status} ${x.response.text.slice(0, 200) || "(empty body)"}`,
          hint,
        };

/**
 * The requirement whose rule makes the codes of an error answer unreadable, if any: an HTML page or a
 * stack trace (SCHEMA-08), no envelope (SCHEMA-01: no `errors` list, items without a code) or codes that
 * are not integers (SCHEMA-02). The same one the standard checks charge for that answer.
 */
function unreadableCodes(x: Exchange): "SCHEMA-08" | "SCHEMA-01" | "SCHEMA-02" | undefined {
  if (bodyLeak(x.response.text)) return "SCHEMA-08";
  if (envelopeIssues(x).length) return "SCHEMA-01";
  const errors = x.jsonObject()?.errors as { code?: unknown }[];
  return errors.some((e) => typeof e?.code !== "number") ? "SCHEMA-02" : undefined;
}

/** HTTP `status` with every code of `codes` among the top-level errors (D15: a 422 lists every fault). */
export const errorAnswer =
  (status: number, codes: number | readonly number[], hint?: string): Assertion =>
  (x) => {
    const want = typeof codes === "number" ? [codes] : [...codes];
    const got = x.errorCodes();
    if (x.status === status && want.every((c) => got.includes(c))) return undefined;
    // The right status with an envelope whose codes cannot be read: that is the envelope rule's failure.
    const blockedBy = x.status === status ? unreadableCodes(x) : undefined;
    return {
      check: "error_answer",
      // No codes asked for: any error answer of that status (an arrange step that only needs the refusal).
      title: want.length
        ? `HTTP ${status} with ${want.join(" and ")} in the errors list expected`
        : `HTTP ${status} with an errors list expected`,
      expected: want.length ? `HTTP ${status}, errors containing ${want.join(", ")}` : `HTTP ${status}, an errors list`,
      received: `HTTP ${x.status}, ${errorsText(x)}`,
      hint,
      ...(blockedBy ? { blockedBy } : {}),
    };
  };

/** D6: the details sit under `result`, not `results`: codes in them cannot be read (TRANSACTION-04's failure). */
export const resultsSlip = (x: Exchange): boolean => {
  const body = x.jsonObject();
  return body !== undefined && "result" in body && !("results" in body);
};

/**
 * A status.code that is there but not an integer (`"200"`): which state it names cannot be read, and the
 * standard schema check charges that answer to SCHEMA-10; a test that needs the state is blocked by it.
 */
export const statusCodeSlip = (x: Exchange): { blockedBy: "SCHEMA-10" } | undefined => {
  const code = (x.jsonObject()?.status as { code?: unknown } | undefined)?.code;
  return x.status === 200 && code !== undefined && !Number.isInteger(code) ? { blockedBy: "SCHEMA-10" } : undefined;
};

/** HTTP 200 whose transaction status.code is `statusCode`; each of `codes` must be in results.errors. */
export const transactionAnswer =
  (statusCode: number, codes: readonly number[] = [], hint?: string): Assertion =>
  (x) => {
    const got = x.transactionCodes();
    if (x.status === 200 && x.transactionStatus() === statusCode && codes.every((c) => got.includes(c))) return undefined;
    const also = codes.length ? ` and ${codes.join(", ")} in results.errors` : "";
    const blocked = x.status === 200 && x.transactionStatus() === statusCode && resultsSlip(x);
    return {
      ...(blocked ? { blockedBy: "TRANSACTION-04" } : statusCodeSlip(x)),
      check: "transaction_answer",
      title: `HTTP 200 with status.code ${statusCode}${also} expected`,
      expected: `HTTP 200, status.code ${statusCode}${codes.length ? `, results.errors containing ${codes.join(", ")}` : ""}`,
      received: `HTTP ${x.status}, status.code ${show(field(x, "status.code"))}, results.errors ${show(got)}`,
      hint,
    };
  };

/** A field of the JSON body, by a dotted path (`results.address.city`). */
export function field(x: Exchange, path: string): unknown {
  return valueAt(x.json(), path);
}

export const fieldIs =
  (path: string, predicate: (v: unknown) => boolean, expected: string, hint?: string): Assertion =>
  (x) => {
    const v = field(x, path);
    if (predicate(v)) return undefined;
    // A field under `results` of a body that wrote `result`: unreadable, TRANSACTION-04's failure.
    const slip = path.startsWith("results.") && resultsSlip(x) ? { blockedBy: "TRANSACTION-04" } : {};
    return { check: "body_field", title: `\`${path}\` is ${expected}`, expected, received: show(v), hint, ...slip };
  };

export const emptyBody =
  (hint?: string): Assertion =>
  (x) =>
    x.response.text.length === 0
      ? undefined
      : { check: "empty_body", title: "the answer has no body", expected: "an empty body", received: x.response.text.slice(0, 200), hint };
