/**
 * `transaction_consistency` (D7, D11): on an HTTP 200 transaction, `status.code` and `results` agree.
 * 200 ⇒ verified true and no errors; 300 ⇒ a non-empty errors list of {code, non-empty message,
 * optional string additional_info} with codes of the operation's family (telecom 1001–1014,
 * document 2001–2005); 100 (pending) ⇒ verified false and no errors yet.
 */
import { documentedTransactionCodes, operationById } from "../lib/spec.js";
import { failureFromIssues, type Check } from "./types.js";

const show = (v: unknown): string => JSON.stringify(v) ?? String(v);

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

function errorItemIssues(list: unknown[], allowed: { family: string; codes: number[] } | undefined): string[] {
  return list.flatMap((e, i) => {
    const at = `results.errors[${i}]`;
    if (e === null || typeof e !== "object" || Array.isArray(e)) return [`${at} is ${show(e)}, expected an object`];
    const { code, message, additional_info: info } = e as Record<string, unknown>;
    const out: string[] = [];
    if (typeof code !== "number" || !Number.isInteger(code)) out.push(`${at}.code is ${show(code)}, expected an integer`);
    else if (allowed && !allowed.codes.includes(code))
      out.push(
        `${at}.code ${code} is not a ${allowed.family} transaction code (${Math.min(...allowed.codes)}–${Math.max(...allowed.codes)})`,
      );
    if (typeof message !== "string" || message.trim() === "") out.push(`${at}.message is ${show(message)}, expected a non-empty string`);
    if (info !== undefined && typeof info !== "string") out.push(`${at}.additional_info is ${show(info)}, expected a string`);
    return out;
  });
}

/** What contradicts itself in a transaction body; empty when consistent or not a transaction. */
export function transactionIssues(body: Record<string, unknown>, operationId: string | null): string[] {
  const code = (body.status as { code?: unknown } | undefined)?.code;
  const results = body.results;
  if (typeof code !== "number" || results === null || typeof results !== "object" || Array.isArray(results)) return [];
  const { verified, errors } = results as { verified?: unknown; errors?: unknown };
  const list = Array.isArray(errors) ? errors : undefined;
  if (errors !== undefined && !list) return [`results.errors is ${show(errors)}, expected a list`];
  if (code === 200) {
    const out: string[] = [];
    if (verified !== true) out.push(`status.code 200 with results.verified ${show(verified)}, expected true (D7)`);
    if (list && list.length > 0) out.push(`status.code 200 with ${list.length} results.errors, expected none (D7)`);
    return out;
  }
  if (code === 300) {
    if (!list || list.length === 0)
      return [`status.code 300 with ${list ? "an empty" : "no"} results.errors list, expected at least one error (DOC)`];
    const out = errorItemIssues(list, familyCodes(operationId, body.product));
    if (verified === true) out.unshift("status.code 300 with results.verified true, expected false");
    return out;
  }
  if (code === 100) {
    const out: string[] = [];
    if (verified !== false) out.push(`status.code 100 (pending) with results.verified ${show(verified)}, expected false (D11)`);
    if (list && list.length > 0) out.push(`status.code 100 (pending) with ${list.length} results.errors, expected none yet (D11)`);
    return out;
  }
  return [];
}

export const transaction_consistency: Check = (x) => {
  const body = x.jsonObject();
  if (x.status !== 200 || !body) return undefined;
  const issues = transactionIssues(body, x.operationId);
  return failureFromIssues(
    "transaction_consistency",
    issues,
    "status.code and results agree: 200 ⇒ verified, no errors; 300 ⇒ errors of the product's family; 100 ⇒ not verified, no errors",
    "D7: the HTTP 200 says the request was received; status.code and results.errors say how the transaction ended.",
  );
};
