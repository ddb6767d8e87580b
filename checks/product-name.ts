/**
 * `product_name` (D9): the `product` of a transaction (and of each transaction in a verification)
 * is a dotted lower-case name such as `telecom.possession.sms` or `license.verify`.
 */
import { failureFromIssues, type Check } from "./types.js";

const DOTTED = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

export function productIssue(v: unknown, where: string): string | undefined {
  if (v === undefined) return undefined; // a missing product is schema_conformant's finding
  if (typeof v !== "string") return `${where} is ${JSON.stringify(v)}, expected a dotted lower-case name`;
  if (!DOTTED.test(v)) return `${where} ${JSON.stringify(v)} is not a dotted lower-case name`;
  return undefined;
}

export const product_name: Check = (x) => {
  const body = x.jsonObject();
  if (x.status !== 200 || !body) return undefined;
  const nested = Array.isArray(body.transactions) ? body.transactions : [];
  const issues = [
    productIssue(body.product, "product"),
    ...nested.map((t, i) => productIssue((t as { product?: unknown } | null)?.product, `transactions[${i}].product`)),
  ].filter((s): s is string => s !== undefined);
  return failureFromIssues(
    "product_name",
    issues,
    "a dotted lower-case product name (telecom.possession.sms, document.license.verify, license.verify…)",
    "D9: any dotted lower-case name is accepted; the mock uses document.license.verify, telecom.identity, …",
  );
};
