/**
 * `error_code_documented` (SCHEMA-05): every code of an error answer is in the spec's catalogue for that
 * HTTP status, and for the operation when it is known (D12: 2006 is not the file-size code; D13:
 * verification ownership is 3300, not 3200). A code in an OPEN place — one the test declared OPEN for
 * this answer, or one of the catalogue's `open` codes (3106, 2006) — is observed, not failed.
 */
import { contradictionsFor, documentedHttpCodes, httpError, openCode, transactionError } from "../lib/spec.js";
import type { Check } from "./types.js";

function whereItBelongs(code: number, status: number, operationId: string | null): string {
  // A published body that contradicts the table (D13's 3200) is named as that contradiction.
  const known = contradictionsFor(code, status, operationId)[0];
  if (known) return known.text;
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
  const openReason = (c: number) => x.record.openCodes ?? openCode(c, "http")?.reason;
  const judged = undocumented.filter((c) => openReason(c) === undefined);
  const shown = judged.length > 0 ? judged : undocumented;
  const scope = `HTTP ${x.status}${x.operationId ? ` of ${x.operationId}` : ""}`;
  return {
    check: "error_code_documented",
    title: `code ${shown.join(", ")} is not documented for ${scope}`,
    expected: allowed.length ? `one of ${allowed.join(", ")}` : `no HTTP ${x.status} error is documented here`,
    received: `errors with codes ${codes.join(", ")}`,
    hint: shown.map((c) => openReason(c) ?? whereItBelongs(c, x.status, x.operationId)).join("; "),
    // Only codes in OPEN places: recorded as an observation of the requirement, never a failure.
    ...(judged.length === 0 ? { open: [...new Set(undocumented.map((c) => openReason(c)))].join("; ") } : {}),
  };
};
