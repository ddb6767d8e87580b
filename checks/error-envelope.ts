/**
 * The error envelope of every 4xx/5xx answer (DOC examples): `{"errors": [{"code": <int>, "message": "<text>"}]}`.
 * Three checks, one requirement each, so a slip is charged to the rule it breaks:
 * `error_envelope` (SCHEMA-01: a top-level list of objects carrying code and message),
 * `error_code_integer` (SCHEMA-02), `error_message_text` (SCHEMA-03, D14). Each names the exact slip.
 */
import type { Exchange } from "../lib/exchange.js";
import type { Check, Failure } from "./types.js";

const show = (v: unknown): string => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 80 ? `${s.slice(0, 79)}…` : s;
};

const kind = (v: unknown): string =>
  v === null ? "null" : Array.isArray(v) ? "a list" : typeof v === "object" ? "an object" : `a ${typeof v}`;

/** The items of a well-formed list, or what is wrong with the list itself. */
function envelopeOf(x: Exchange): { items: unknown[] } | { issue: string } {
  if (!x.isJson()) return { issue: "the body is not JSON, expected the error envelope" };
  const body = x.json();
  if (body === null || typeof body !== "object" || Array.isArray(body))
    return { issue: `the body is ${kind(body)}, expected an object with an \`errors\` list` };
  const obj = body as Record<string, unknown>;
  if (!("errors" in obj)) {
    if ("error" in obj) return { issue: "errors found under `error`, expected `errors`" };
    return { issue: `no \`errors\` property (keys: ${Object.keys(obj).join(", ") || "none"})` };
  }
  if (!Array.isArray(obj.errors)) return { issue: `errors is ${kind(obj.errors)}, expected a list` };
  if (obj.errors.length === 0) return { issue: "errors is an empty list, expected at least one error" };
  return { items: obj.errors };
}

const objects = (items: unknown[]) =>
  items.flatMap((item, i) =>
    item !== null && typeof item === "object" && !Array.isArray(item) ? [{ at: `errors[${i}]`, e: item as Record<string, unknown> }] : [],
  );

function failure(check: string, x: Exchange, issues: string[], expected: string, hint: string): Failure | undefined {
  if (issues.length === 0) return undefined;
  return {
    check,
    title: issues[0],
    expected,
    received: issues.length > 1 ? issues.slice(0, 5).join("; ") : x.response.text.slice(0, 200) || "(empty body)",
    hint,
  };
}

/** What is wrong with the envelope's shape (SCHEMA-01), most telling first; empty when it is one. */
export function envelopeIssues(x: Exchange): string[] {
  const env = envelopeOf(x);
  if ("issue" in env) return [env.issue];
  return env.items.flatMap((item, i) => {
    const at = `errors[${i}]`;
    if (item === null || typeof item !== "object" || Array.isArray(item))
      return [`${at} is ${kind(item)} ${show(item)}, expected an object with code and message`];
    const e = item as Record<string, unknown>;
    return [...(e.code === undefined ? [`${at}.code is missing`] : []), ...(e.message === undefined ? [`${at}.message is missing`] : [])];
  });
}

export const error_envelope: Check = (x) =>
  x.status < 400
    ? undefined
    : failure(
        "error_envelope",
        x,
        envelopeIssues(x),
        `HTTP ${x.status} with {"errors": [{"code": <integer>, "message": "<non-empty text>"}]}`,
        "HTTP-level errors put a list of {code, message} at the top level (DOC: overview, error examples).",
      );

export const error_code_integer: Check = (x) => {
  const env = x.status < 400 ? undefined : envelopeOf(x);
  if (!env || "issue" in env) return undefined;
  const issues = objects(env.items).flatMap(({ at, e }) => {
    if (e.code === undefined || (typeof e.code === "number" && Number.isInteger(e.code))) return [];
    if (typeof e.code === "string") return [`${at}.code is a string ${show(e.code)}, expected an integer`];
    return [`${at}.code is ${kind(e.code)} ${show(e.code)}, expected an integer`];
  });
  return failure(
    "error_code_integer",
    x,
    issues,
    "every errors[].code a JSON integer",
    "Codes are numbers in every published example (DOC).",
  );
};

export const error_message_text: Check = (x) => {
  const env = x.status < 400 ? undefined : envelopeOf(x);
  if (!env || "issue" in env) return undefined;
  const issues = objects(env.items).flatMap(({ at, e }) => {
    if (e.message === undefined) return [];
    if (typeof e.message !== "string") return [`${at}.message is ${kind(e.message)} ${show(e.message)}, expected a string`];
    return e.message.trim() === "" ? [`${at}.message is an empty string, expected a non-empty text (D14)`] : [];
  });
  return failure(
    "error_message_text",
    x,
    issues,
    "every errors[].message a non-empty string",
    "D14: messages are checked as present, non-empty text.",
  );
};
