/**
 * `error_message_matches` (SCHEMA-04): in the exact-message mode (profile.strict.exactMessages, D14),
 * every error message is the catalogue's text for its code, HTTP-level and transaction-level alike.
 * The comparison folds typography that no client can act on (D40): typographic quotes and apostrophes
 * equal their ASCII forms, Unicode is compared in NFC, and a trailing period and surrounding spaces are ignored
 * (ID.me's own overview writes the 3109 text without a final period and the same text under 2006 with one).
 */
import { contradictionsFor, httpError, transactionError } from "../lib/spec.js";
import type { Check } from "./types.js";

interface Item {
  where: string;
  code: number;
  message: unknown;
  expected: string | undefined;
}

/** The form two messages are compared in (D40). */
export function messageKey(s: string): string {
  return s
    .normalize("NFC")
    .replace(/[\u2018\u2019\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201F\u2033]/g, '"')
    .trim()
    .replace(/\.$/, "");
}

export const sameMessage = (a: unknown, b: string): boolean => typeof a === "string" && messageKey(a) === messageKey(b);

function items(list: unknown, where: string, lookup: (code: number) => string | undefined): Item[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((e, i) => {
    const { code, message } = (e ?? {}) as { code?: unknown; message?: unknown };
    return typeof code === "number" ? [{ where: `${where}[${i}]`, code, message, expected: lookup(code) }] : [];
  });
}

export const error_message_matches: Check = (x, ctx) => {
  const body = x.jsonObject();
  if (!ctx?.exactMessages || !body) return undefined;
  const results = body.results as { errors?: unknown } | undefined;
  const all = [
    ...items(body.errors, "errors", (c) => httpError(c)?.message),
    ...items(results?.errors, "results.errors", (c) => transactionError(c)?.message),
  ];
  // Codes outside the catalogue have no text to compare: error_code_documented names them.
  const wrong = all.filter((i) => i.expected !== undefined && !sameMessage(i.message, i.expected));
  if (wrong.length === 0) return undefined;
  // A published body that contradicts the table (D13's 3200 on getVerification) is named as that contradiction.
  const known = [...new Set(wrong.flatMap((w) => contradictionsFor(w.code, x.status, x.operationId).map((c) => c.text)))];
  return {
    check: "error_message_matches",
    title: `the message of ${wrong[0].code} is not the catalogue's text`,
    expected: wrong.map((w) => `${w.where}.message ${JSON.stringify(w.expected)}`).join("; "),
    received: wrong.map((w) => `${w.where}.message ${JSON.stringify(w.message)}`).join("; "),
    hint: [
      ...known,
      "The exact-message mode is on in this profile (strict.exactMessages, D14); switch it off to check messages loosely.",
    ].join(" "),
  };
};
