/**
 * `error_message_matches`: in the exact-message mode (profile.strict.exactMessages, D14), every
 * error message is the catalogue's text for its code, HTTP-level and transaction-level alike.
 * Outside that mode checks/index.ts leaves it out: messages are then only required to be
 * non-empty text (error_envelope, transaction_consistency).
 */
import { httpError, transactionError } from "../lib/spec.js";
import type { Check } from "./types.js";

interface Item {
  where: string;
  code: number;
  message: unknown;
  expected: string | undefined;
}

function items(list: unknown, where: string, lookup: (code: number) => string | undefined): Item[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((e, i) => {
    const { code, message } = (e ?? {}) as { code?: unknown; message?: unknown };
    return typeof code === "number" ? [{ where: `${where}[${i}]`, code, message, expected: lookup(code) }] : [];
  });
}

export const error_message_matches: Check = (x) => {
  const body = x.jsonObject();
  if (!body) return undefined;
  const results = body.results as { errors?: unknown } | undefined;
  const all = [
    ...items(body.errors, "errors", (c) => httpError(c)?.message),
    ...items(results?.errors, "results.errors", (c) => transactionError(c)?.message),
  ];
  // Codes outside the catalogue have no text to compare: error_code_documented names them.
  const wrong = all.filter((i) => i.expected !== undefined && i.message !== i.expected);
  if (wrong.length === 0) return undefined;
  const first = wrong[0];
  return {
    check: "error_message_matches",
    title: `the message of ${first.code} is not the catalogue's text`,
    expected: wrong.map((w) => `${w.where}.message ${JSON.stringify(w.expected)}`).join("; "),
    received: wrong.map((w) => `${w.where}.message ${JSON.stringify(w.message)}`).join("; "),
    hint: "The exact-message mode is on in this profile (strict.exactMessages, D14); switch it off to check messages loosely.",
  };
};
