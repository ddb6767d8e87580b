/**
 * `status.code` and `results` of an HTTP 200 transaction agree (D7, D11), one check per rule so each
 * slip is charged to its requirement: `success_consistent` (TRANSACTION-01: 200 ⇒ verified, no errors),
 * `failure_consistent` (TRANSACTION-02: 300 ⇒ a non-empty errors list of the product family's codes with
 * non-empty messages), `additional_info_string` (TRANSACTION-03), `pending_consistent` (TRANSACTION-07:
 * 100 ⇒ not verified). A body without `status.code` or `results` is not judged here (the schema check is).
 */
import { documentedTransactionCodes, openCode, operationById } from "../lib/spec.js";
import type { Exchange } from "../lib/exchange.js";
import { failureFromIssues, type Check, type Failure } from "./types.js";

const show = (v: unknown): string => JSON.stringify(v) ?? String(v);

interface Parts {
  code: number;
  verified: unknown;
  /** the errors list, or undefined when absent */
  errors: unknown[] | undefined;
  /** results.errors is present but not a list */
  errorsNotList: unknown;
  product: unknown;
}

/** The consistency-relevant parts of a transaction body (also each transaction of a webhook payload). */
export function transactionParts(body: Record<string, unknown> | undefined): Parts | undefined {
  const code = (body?.status as { code?: unknown } | undefined)?.code;
  const results = body?.results;
  if (typeof code !== "number" || results === null || typeof results !== "object" || Array.isArray(results)) return undefined;
  const { verified, errors } = results as { verified?: unknown; errors?: unknown };
  return {
    code,
    verified,
    errors: Array.isArray(errors) ? errors : undefined,
    errorsNotList: Array.isArray(errors) ? undefined : errors,
    product: body?.product,
  };
}

/** Transaction codes the answer may carry: by operation, else by the body's product family. */
function familyCodes(operationId: string | null, product: unknown): { family: string; codes: number[] } | undefined {
  const tag = operationId ? operationById(operationId)?.tag : undefined;
  const family = tag === "telecom" || tag === "document" ? tag : typeof product === "string" ? product.split(".")[0] : undefined;
  if (family !== "telecom" && family !== "document") return undefined;
  const codes =
    operationId && tag === family
      ? documentedTransactionCodes(operationId)
      : documentedTransactionCodes().filter((c) => String(c)[0] === (family === "telecom" ? "1" : "2"));
  return { family, codes };
}

export function successIssues(p: Parts): string[] {
  if (p.code !== 200) return [];
  const out: string[] = [];
  if (p.verified !== true) out.push(`status.code 200 with results.verified ${show(p.verified)}, expected true (D7)`);
  if (p.errors && p.errors.length > 0) out.push(`status.code 200 with ${p.errors.length} results.errors, expected none (D7)`);
  return out;
}

/** Issues of a failed transaction; `open` collects codes in OPEN places (observed, not failed). */
export function failureIssues(p: Parts, operationId: string | null): { issues: string[]; open: string[] } {
  if (p.code !== 300) return { issues: [], open: [] };
  if (p.errorsNotList !== undefined) return { issues: [`results.errors is ${show(p.errorsNotList)}, expected a list`], open: [] };
  if (!p.errors || p.errors.length === 0)
    return {
      issues: [`status.code 300 with ${p.errors ? "an empty" : "no"} results.errors list, expected at least one error (DOC)`],
      open: [],
    };
  const allowed = familyCodes(operationId, p.product);
  const issues: string[] = [];
  const open: string[] = [];
  if (p.verified === true) issues.push("status.code 300 with results.verified true, expected false");
  for (const [i, e] of p.errors.entries()) {
    const at = `results.errors[${i}]`;
    if (e === null || typeof e !== "object" || Array.isArray(e)) {
      issues.push(`${at} is ${show(e)}, expected an object`);
      continue;
    }
    const { code, message } = e as Record<string, unknown>;
    if (typeof code !== "number" || !Number.isInteger(code)) issues.push(`${at}.code is ${show(code)}, expected an integer`);
    else if (allowed && !allowed.codes.includes(code)) {
      const o = openCode(code, "transaction");
      if (o) open.push(`${at}.code ${code}: ${o.reason}`);
      else
        issues.push(
          `${at}.code ${code} is not a ${allowed.family} transaction code (${Math.min(...allowed.codes)}–${Math.max(...allowed.codes)})`,
        );
    }
    if (typeof message !== "string" || message.trim() === "") issues.push(`${at}.message is ${show(message)}, expected a non-empty string`);
  }
  return { issues, open };
}

export function additionalInfoIssues(p: Parts): string[] {
  return (p.errors ?? []).flatMap((e, i) => {
    const info = (e as { additional_info?: unknown } | null)?.additional_info;
    return info !== undefined && typeof info !== "string"
      ? [`results.errors[${i}].additional_info is ${show(info)}, expected a string`]
      : [];
  });
}

export function pendingIssues(p: Parts): string[] {
  return p.code === 100 && p.verified === true ? ["status.code 100 (pending) with results.verified true, expected false (D11)"] : [];
}

const parts = (x: Exchange): Parts | undefined => (x.status === 200 ? transactionParts(x.jsonObject()) : undefined);

export const success_consistent: Check = (x) => {
  const p = parts(x);
  return p
    ? failureFromIssues(
        "success_consistent",
        successIssues(p),
        "status.code 200 ⇒ results.verified true and no results.errors",
        "D7: a transaction that succeeded cannot also carry errors or verified false.",
      )
    : undefined;
};

export const failure_consistent: Check = (x) => {
  const p = parts(x);
  if (!p) return undefined;
  const { issues, open } = failureIssues(p, x.operationId);
  const expected = "status.code 300 ⇒ a non-empty results.errors with codes of the product's family and non-empty messages";
  const hint = "DOC: a transaction that is not 200 says why in results.errors, with a code from the catalogue for its product.";
  const f = failureFromIssues("failure_consistent", issues, expected, hint);
  if (f || open.length === 0) return f;
  return { ...(failureFromIssues("failure_consistent", open, expected, hint) as Failure), open: open.join("; ") };
};

export const additional_info_string: Check = (x) => {
  const p = parts(x);
  return p
    ? failureFromIssues(
        "additional_info_string",
        additionalInfoIssues(p),
        "additional_info absent or a string",
        "DOC example: additional_info is a text.",
      )
    : undefined;
};

export const pending_consistent: Check = (x) => {
  const p = parts(x);
  return p
    ? failureFromIssues(
        "pending_consistent",
        pendingIssues(p),
        "status.code 100 ⇒ results.verified false",
        "D11: a pending transaction is not verified yet.",
      )
    : undefined;
};
