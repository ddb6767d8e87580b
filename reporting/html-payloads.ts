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
const QUOTE = 0x22;
const COMMA = 0x2c;
/** 1 for each byte of the base64 alphabet but "=", which may only end a payload. */
const ALPHABET = new Uint8Array(256);
for (const c of "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") ALPHABET[c.charCodeAt(0)] = 1;

export interface SetAside {
  /** The markup, each long payload replaced by a short token. */
  skeleton: string;
  /** Puts the payloads back into `text` (a skeleton, or a part of one). */
  restore(text: string): string;
  /** `text` with the payloads back, as the bytes of the file to write (no 9 MB string is built). */
  restoreBytes(text: string): Buffer;
}

/** Whether bytes [start, end) are base64: the alphabet, then at most two "=". */
function isBase64(html: Buffer, start: number, end: number): boolean {
  let stop = end;
  while (stop > start && end - stop < 2 && html[stop - 1] === 0x3d) stop--;
  for (let i = start; i < stop; i++) if (ALPHABET[html[i]] === 0) return false;
  return stop > start;
}

/**
 * The file's bytes, not its text: a payload stays a slice of the buffer read from disk, and only the markup
 * between payloads is decoded (at a quote or a comma, never inside a UTF-8 sequence). Decoding the 9 MB page,
 * scanning the string and joining it back took about twice as long (BENCHMARKS.md, 2026-12-03 third sitting).
 */
export function setPayloadsAside(html: Buffer | string): SetAside {
  const bytes = typeof html === "string" ? Buffer.from(html, "utf8") : html;
  // Token n is U+0001, a nonce, n, U+0001: characters base64 never has, and a nonce no text added later can guess.
  const nonce = randomBytes(8).toString("hex");
  const parts: string[] = [];
  const payloads: Buffer[] = [];
  let copied = 0;
  // Each stretch between two quotes: its end after the last comma, when that is all base64, is a payload.
  for (let q = bytes.indexOf(QUOTE); q !== -1; ) {
    const end = bytes.indexOf(QUOTE, q + 1);
    if (end === -1) break;
    if (end - q > MIN_PAYLOAD) {
      const start = Math.max(q, bytes.lastIndexOf(COMMA, end)) + 1;
      if (end - start >= MIN_PAYLOAD && isBase64(bytes, start, end)) {
        parts.push(bytes.toString("utf8", copied, start), `\u0001${nonce}${payloads.push(bytes.subarray(start, end)) - 1}\u0001`);
        copied = end;
      }
    }
    q = end;
  }
  parts.push(bytes.toString("utf8", copied));
  const token = new RegExp(`\u0001${nonce}(\\d+)\u0001`, "g");
  const restoreBytes = (text: string): Buffer => {
    const chunks: Buffer[] = [];
    let from = 0;
    for (const m of text.matchAll(token)) {
      const payload = payloads[Number(m[1])];
      if (!payload) continue;
      chunks.push(Buffer.from(text.slice(from, m.index), "utf8"), payload);
      from = m.index + m[0].length;
    }
    chunks.push(Buffer.from(text.slice(from), "utf8"));
    return Buffer.concat(chunks);
  };
  return {
    skeleton: parts.join(""),
    restore: (t) => t.replace(token, (m, i: string) => payloads[Number(i)]?.toString("latin1") ?? m),
    restoreBytes,
  };
}
