/**
 * `error_code_documented`: every code of an error answer is in the spec's catalogue for that HTTP
 * status, and for the operation when it is known (D12: 2006 is not the file-size code; D13:
 * verification ownership is 3300, not 3200). Undocumented codes are named, with where they belong.
 */
import { documentedHttpCodes, httpError, transactionError } from "../lib/spec.js";
import type { Check } from "./types.js";

function whereItBelongs(code: number, status: number, operationId: string | null): string {
  if (code === 2006) return "the file-size error is HTTP 422 / 3109 (D12)";
  if (code === 3200 && operationId === "getVerification") return "another account's verification answers 3300 (D13)";
  const http = httpError(code);
  if (http && http.status !== status) return `${code} is documented with HTTP ${http.status}, not ${status}`;
  if (http) return `${code} is documented for ${http.operations.join(", ")}`;
  const tx = transactionError(code);
  if (tx) return `${code} is a ${tx.family} transaction code: it belongs in results.errors of an HTTP 200 with status.code 300`;
  return `${code} is in no catalogue of the spec (x-error-catalogue)`;
}

export const error_code_documented: Check = (x) => {
  if (x.status < 400) return undefined;
  const codes = x.errorCodes();
  const allowed = documentedHttpCodes(x.status, x.operationId ?? undefined);
  const undocumented = codes.filter((c) => !allowed.includes(c));
  if (undocumented.length === 0) return undefined;
  const scope = `HTTP ${x.status}${x.operationId ? ` of ${x.operationId}` : ""}`;
  return {
    check: "error_code_documented",
    title: `code ${undocumented.join(", ")} is not documented for ${scope}`,
    expected: allowed.length ? `one of ${allowed.join(", ")}` : `no HTTP ${x.status} error is documented here`,
    received: `errors with codes ${codes.join(", ")}`,
    hint: undocumented.map((c) => whereItBelongs(c, x.status, x.operationId)).join("; "),
  };
};
