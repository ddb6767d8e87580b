/**
 * `error_envelope`: every 4xx/5xx answer carries `{"errors": [{"code": <int>, "message": "<text>"}]}`
 * (DOC examples), with a list at the top level. Names the exact slip a reader needs to fix
 * ("errors is an object, expected a list"; "code is a string \"1100\", expected an integer").
 */
import type { Check } from "./types.js";

const show = (v: unknown): string => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 80 ? `${s.slice(0, 79)}…` : s;
};

const kind = (v: unknown): string =>
  v === null ? "null" : Array.isArray(v) ? "a list" : typeof v === "object" ? "an object" : `a ${typeof v}`;

function itemIssues(item: unknown, i: number): string[] {
  const at = `errors[${i}]`;
  if (item === null || typeof item !== "object" || Array.isArray(item))
    return [`${at} is ${kind(item)} ${show(item)}, expected an object with code and message`];
  const { code, message } = item as Record<string, unknown>;
  const out: string[] = [];
  if (code === undefined) out.push(`${at}.code is missing`);
  else if (typeof code === "string") out.push(`${at}.code is a string ${show(code)}, expected an integer`);
  else if (typeof code !== "number" || !Number.isInteger(code)) out.push(`${at}.code is ${kind(code)} ${show(code)}, expected an integer`);
  if (message === undefined) out.push(`${at}.message is missing`);
  else if (typeof message !== "string") out.push(`${at}.message is ${kind(message)} ${show(message)}, expected a string`);
  else if (message.trim() === "") out.push(`${at}.message is an empty string, expected a non-empty text (D14)`);
  return out;
}

/** What is wrong with an error body, most telling first; empty when it is a proper envelope. */
export function envelopeIssues(body: unknown, isJson: boolean): string[] {
  if (!isJson) return ["the body is not JSON, expected the error envelope"];
  if (body === null || typeof body !== "object" || Array.isArray(body))
    return [`the body is ${kind(body)}, expected an object with an \`errors\` list`];
  const obj = body as Record<string, unknown>;
  if (!("errors" in obj)) {
    if ("error" in obj) return ["errors found under `error`, expected `errors`"];
    return [`no \`errors\` property (keys: ${Object.keys(obj).join(", ") || "none"})`];
  }
  const errors = obj.errors;
  if (!Array.isArray(errors)) return [`errors is ${kind(errors)}, expected a list`];
  if (errors.length === 0) return ["errors is an empty list, expected at least one error"];
  return errors.flatMap(itemIssues);
}

export const error_envelope: Check = (x) => {
  if (x.status < 400) return undefined;
  const issues = envelopeIssues(x.json(), x.isJson());
  if (issues.length === 0) return undefined;
  return {
    check: "error_envelope",
    title: issues[0],
    expected: `HTTP ${x.status} with {"errors": [{"code": <integer>, "message": "<non-empty text>"}]}`,
    received: issues.length > 1 ? issues.slice(0, 5).join("; ") : x.response.text.slice(0, 200) || "(empty body)",
    hint: "HTTP-level errors put a list of {code, message} at the top level (DOC: overview, error examples).",
  };
};
