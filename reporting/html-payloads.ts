/**
 * Sets a report's long base64 payloads aside while its markup is rewritten and checked. Allure's single file
 * is ~9 MB, nearly all of it base64 — the embedded data (`d("…","<base64>")`) and the app bundle
 * (`src="data:…;base64,<base64>"`) — and each pass over it (load order, offline, banner, the check for
 * external fetches) cost 20–90 ms on the whole string. On the skeleton the passes read only markup.
 *
 * Nothing a pass looks for can hide in what is set aside: a payload is a run of base64 characters between a
 * quote or comma and a closing quote, so it holds no tag, attribute, quote, `:` or `(` — no URL, no script,
 * no call. A payload a pass must read (a data: stylesheet's url()s) is put back through `restore` first.
 */
import { randomBytes } from "node:crypto";

/** Shorter payloads stay (small inputs are unchanged; the long ones are where the bytes are). */
const MIN_PAYLOAD = 512;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export interface SetAside {
  /** The markup, each long payload replaced by a short token. */
  skeleton: string;
  /** Puts the payloads back into `text` (a skeleton, or a part of one). */
  restore(text: string): string;
}

export function setPayloadsAside(html: string): SetAside {
  // Token n is U+0001, a nonce, n, U+0001: characters base64 never has, and a nonce no text added later can guess.
  const nonce = randomBytes(8).toString("hex");
  const parts: string[] = [];
  const payloads: string[] = [];
  let copied = 0;
  // Each stretch between two quotes: its end after the last comma, when that is all base64, is a payload.
  // indexOf and one anchored test per long stretch: ~40 ms for 9 MB, where one regex over it all took ~100.
  for (let q = html.indexOf('"'); q !== -1; ) {
    const end = html.indexOf('"', q + 1);
    if (end === -1) break;
    if (end - q > MIN_PAYLOAD) {
      const start = Math.max(q, html.lastIndexOf(",", end)) + 1;
      const payload = html.slice(start, end);
      if (payload.length >= MIN_PAYLOAD && BASE64.test(payload)) {
        parts.push(html.slice(copied, start), `\u0001${nonce}${payloads.push(payload) - 1}\u0001`);
        copied = end;
      }
    }
    q = end;
  }
  parts.push(html.slice(copied));
  const token = new RegExp(`\u0001${nonce}(\\d+)\u0001`, "g");
  return { skeleton: parts.join(""), restore: (t) => t.replace(token, (m, i: string) => payloads[Number(i)] ?? m) };
}
