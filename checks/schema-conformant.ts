/**
 * `response_documented` and `schema_conformant`: the status is documented for the operation,
 * and the body validates against the spec's schema for that operation and status (Ajv2020),
 * reported with the JSON path, the expected and the received value.
 */
import { validateResponse } from "../lib/spec.js";
import type { Exchange } from "../lib/exchange.js";
import type { Check } from "./types.js";

// Both checks read the same validation: compute it once per exchange.
const validations = new WeakMap<Exchange, ReturnType<typeof validateResponse>>();
function validation(x: Exchange, operationId: string): ReturnType<typeof validateResponse> {
  let v = validations.get(x);
  if (!v) {
    v = validateResponse(operationId, x.status, x.json() ?? x.response.text, x.contentType());
    validations.set(x, v);
  }
  return v;
}

export const response_documented: Check = (x) => {
  if (!x.operationId) return undefined;
  const v = validation(x, x.operationId);
  if (v.documented) return undefined;
  return {
    check: "response_documented",
    title: `HTTP ${x.status} is not documented for ${x.operationId}`,
    expected: "a status the spec lists for this operation",
    received: `HTTP ${x.status}`,
    hint: "Answer with a documented status (openapi/services-v2.yaml), e.g. 422 rather than 400 for invalid input.",
  };
};

export const schema_conformant: Check = (x) => {
  if (!x.operationId) return undefined;
  const v = validation(x, x.operationId);
  if (!v.documented || v.issues.length === 0) return undefined;
  const shown = v.issues.slice(0, 5);
  return {
    check: "schema_conformant",
    title: `The ${x.status} body of ${x.operationId} does not match the spec`,
    expected: shown.map((i) => `${i.path}: ${i.expected}`).join("; "),
    received: shown.map((i) => `${i.path}: ${i.received}`).join("; ") + (v.issues.length > 5 ? ` (+${v.issues.length - 5} more)` : ""),
    hint: shown.map((i) => i.message).join("; "),
  };
};
