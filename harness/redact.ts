/**
 * Defines `createRedactor`: removes every known secret, in every form harness/secret-forms.ts
 * knows, from text, parsed values, header maps and URLs before they reach a log, a report or an
 * attachment. Each occurrence becomes `$IDME_TOKEN` (so a curl line stays runnable with the
 * variable set); an Authorization header keeps its scheme words (`Bearer ID.me $IDME_TOKEN`).
 *
 * Text is redacted where it stands: escapes (JSON `\u00xx`, percent-encoding, character
 * references…) are decoded in a copy, the secrets searched in the copy, and each occurrence's range
 * mapped back and replaced in the original. A JSON body `{"t":"\u00592Fu…"}` becomes
 * `{"t":"$IDME_TOKEN"}`. Decoding rather than parsing and re-serialising the body keeps every other
 * byte as the target sent it (key order, duplicate keys, number spelling, whitespace), which checks
 * that read the raw body rely on; and since JSON.parse decodes a string character by character, no
 * string of the parsed redacted body can hold a secret either. Base64 and hex runs are decoded and
 * searched too (BLOB_DEPTH levels, as the scanner does): where one holds a secret in any form, the
 * characters that encode it go. A body cut at a read limit loses its end where that may begin a secret (`body`).
 * A header map is also searched as the reports join it (`name: value` lines), so a token split between a header's
 * name and its value, or across headers, goes where its pieces join (`joined`).
 */
import { BLOB_DEPTH, createFinder, latin1Of, withDecodedSecrets } from "./secret-forms.js";

export const PLACEHOLDER = "$IDME_TOKEN";
/** Ends a text cut short before what may be the start of a secret. */
export const CUT_MARK = "[cut: may be the start of a secret]";

export interface Redactor {
  /** the secrets covered: those given and, for each token, the secret it decodes to */
  readonly secrets: readonly string[];
  /** Any text (a body, a message, a curl line): every form of every secret replaced. */
  text(s: string): string;
  /**
   * A body an answer or a delivery carried: as `text`, and — when `truncated` (cut at a read limit) — without its end
   * where that may be the start of a secret (a hostile target can place a token across the limit, and a token less
   * its last characters matches no needle).
   */
  body(s: string, truncated: boolean): string;
  /** A parsed value (JSON or not): every string and every object key redacted, a copy returned. */
  value<T>(v: T): T;
  /** Header names and values redacted; Authorization values masked down to their scheme words. */
  headers(h: Readonly<Record<string, string>>): Record<string, string>;
  /** A URL or a path with its query: secrets in the path, the query (percent- or `+`-encoded) and the fragment. */
  url(u: string): string;
}

const AUTH_HEADERS = new Set(["authorization", "proxy-authorization"]);
/** Texts up to this length have their redacted form remembered, up to this many of them. */
const KNOWN_MAX_LENGTH = 512;
const KNOWN_MAX_ENTRIES = 4096;

const redactors = new Map<string, Redactor>();

/**
 * The redactor of a set of secrets, made once per worker: building one prepares hundreds of needles,
 * and every request of a run redacts with the same set.
 */
export function redactorFor(secrets: readonly string[]): Redactor {
  const key = secrets.join("\n");
  let r = redactors.get(key);
  if (!r) {
    if (redactors.size >= 64) redactors.clear();
    r = createRedactor(secrets);
    redactors.set(key, r);
  }
  return r;
}

/**
 * `secrets`: tokens and plain secrets alike (shorter than MIN_SECRET_LENGTH characters: ignored).
 * Prepares the needles of all of them once: make one redactor per run (or per worker), not per call.
 */
export function createRedactor(secrets: readonly string[]): Redactor {
  const all = withDecodedSecrets(secrets);
  const finder = createFinder(all);

  // Header values, paths and short bodies repeat over a run: their redacted form is kept (bounded).
  const known = new Map<string, string>();
  const text = (s: string): string => {
    if (!s || finder.needles.length === 0) return s;
    if (s.length > KNOWN_MAX_LENGTH) return redactText(s);
    let out = known.get(s);
    if (out === undefined) {
      if (known.size >= KNOWN_MAX_ENTRIES) known.clear();
      out = redactText(s);
      known.set(s, out);
    }
    return out;
  };

  const redactText = (s: string): string => {
    const latin1 = latin1Of(s);
    const found = finder.find(latin1, BLOB_DEPTH);
    return found.length === 0
      ? s
      : replaced(
          latin1,
          found.map((f) => [f.start, f.end]),
        );
  };

  const value = <T>(v: T): T => {
    const walk = (x: unknown, depth: number): unknown => {
      if (typeof x === "string") return text(x);
      if (x === null || typeof x !== "object" || depth > 200) return x;
      if (Array.isArray(x)) return x.map((e) => walk(e, depth + 1));
      if (Buffer.isBuffer(x)) return x;
      const out: Record<string, unknown> = {};
      for (const [k, e] of Object.entries(x)) out[text(k)] = walk(e, depth + 1);
      return out;
    };
    return walk(v, 0) as T;
  };

  /**
   * Pieces of text that are shown one after another (`separators[i]` follows piece i): each redacted alone, and also
   * where a secret found in the joined text overlaps it, so a secret split across pieces goes too. The joined text is
   * searched as written and with its escapes decoded; Base64 and hex runs are decoded in each piece alone (`text`),
   * which keeps this affordable for every header block of a run.
   */
  const joined = (pieces: readonly string[], separators: readonly string[]): string[] => {
    const spans: [number, number][] = [];
    let block = "";
    pieces.forEach((p, i) => {
      const start = block.length;
      block += latin1Of(p);
      spans.push([start, block.length]);
      block += separators[i] ?? "";
    });
    const found = finder.find(block, 0);
    return pieces.map((p, i) => {
      const [ps, pe] = spans[i]!;
      const cuts = found
        .filter((f) => f.start < pe && f.end > ps)
        .map((f) => [Math.max(f.start, ps) - ps, Math.min(f.end, pe) - ps] as [number, number]);
      return text(cuts.length === 0 ? p : replaced(latin1Of(p), cuts));
    });
  };

  // A header block as the reports show it (`name: value` lines): a secret split between a name and its value, or
  // between two headers, is found where they are joined.
  const headers = (h: Readonly<Record<string, string>>): Record<string, string> => {
    const entries = Object.entries(h).map(([k, v]) => [k, AUTH_HEADERS.has(k.toLowerCase()) ? maskAuthorization(v) : v] as const);
    const pieces = joined(
      entries.flat(),
      entries.flatMap(() => [": ", "\n"]),
    );
    const out: Record<string, string> = {};
    for (let i = 0; i < pieces.length; i += 2) out[pieces[i]!] = pieces[i + 1]!;
    return out;
  };

  // Percent-encoding and `+` for a space are among the forms every pattern accepts: a URL is text.
  const url = (u: string): string => text(u);

  const body = (s: string, truncated: boolean): string => {
    if (!truncated) return text(s);
    if (!s || finder.needles.length === 0) return s;
    const latin1 = latin1Of(s);
    const at = finder.partialStart(latin1);
    const kept = Buffer.from(latin1.slice(0, at), "latin1").toString("utf8");
    return at < latin1.length ? `${redactText(kept)}${CUT_MARK}` : redactText(kept);
  };

  return { secrets: all, text, body, value, headers, url };
}

/** Latin1 text with each range replaced by the placeholder (overlapping ones, two forms of one occurrence: by one), as UTF-8 text. */
function replaced(latin1: string, ranges: [number, number][]): string {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let out = "";
  let at = 0;
  for (const [start, end] of sorted) {
    if (end <= at) continue;
    if (start >= at) out += latin1.slice(at, start) + PLACEHOLDER;
    at = end;
  }
  out += latin1.slice(at);
  return Buffer.from(out, "latin1").toString("utf8");
}

/** `Bearer ID.me c2VjcmV0` → `Bearer ID.me $IDME_TOKEN`; the scheme words stay, the credential goes. */
export function maskAuthorization(value: string, placeholder = PLACEHOLDER): string {
  const words = value.trim().split(/\s+/);
  if (words.length <= 1) return placeholder;
  const schemeWords = words.slice(0, -1).filter((w) => /^(Bearer|Basic|ID\.me|Token)$/i.test(w));
  return [...schemeWords, placeholder].join(" ");
}
