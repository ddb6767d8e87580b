/**
 * The one place that knows every form in which a credential can show up in text. Both the
 * redactor (harness/redact.ts, before anything is written) and the scanner
 * (reporting/secrets-scan.ts, after a run) are built on it, so they cannot disagree.
 *
 * A secret is any string the run must never disclose: each token, and the secret a token decodes
 * to (`withDecodedSecrets`). Its *needles* are:
 * - `plain`: the string itself (a token also without its `=` padding);
 * - `base64` / `base64url`: the Base64 text of its UTF-8 bytes at each of the three byte offsets
 *   (only the characters whose bits come from the secret alone, so it is found inside any longer
 *   Base64 blob), in the standard and the URL-safe alphabet;
 * - `hex`: the hex text of its bytes, any letter case.
 * The Base64 and hex needles are also taken of the URL-encoded string, when that differs.
 *
 * Each character of a needle may be written in any of the escapes a report format or a hostile
 * target can use, mixed freely: JSON `\uXXXX` (surrogate pairs too) and `\n \" \\ \/`-style short
 * escapes, with any number of backslashes (an escape escaped again inside JSON); URL percent-encoding
 * of its UTF-8 bytes (`%41`, `%2541`), `+` for a space; XML/HTML character references (`&#x41;`,
 * `&#65;`, `&amp;`, also escaped again as `&amp;#x41;`). `needlePattern` turns a needle into a regular
 * expression source that accepts all of them.
 */

/** Shorter strings are not treated as secrets: they would redact ordinary words. */
export const MIN_SECRET_LENGTH = 6;

export type NeedleKind = "plain" | "base64" | "base64url" | "hex";

export interface Needle {
  /** index into the secrets list the needles were made from */
  secretIndex: number;
  kind: NeedleKind;
  text: string;
  /** hex: any letter case */
  caseInsensitive: boolean;
}

const CANONICAL_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * The secret a token decodes to, when the token is canonical Base64 of printable UTF-8 text of at
 * least MIN_SECRET_LENGTH characters (D1: a token is the Base64 of the account's secret); else undefined.
 */
export function decodedSecretOf(token: string): string | undefined {
  const t = token.trim();
  if (!CANONICAL_BASE64.test(t)) return undefined;
  const bytes = Buffer.from(t, "base64");
  const text = bytes.toString("utf8");
  if (!Buffer.from(text, "utf8").equals(bytes)) return undefined; // not valid UTF-8
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u0008\u000e-\u001f\u007f\ufffd]/.test(text)) return undefined;
  return [...text].length >= MIN_SECRET_LENGTH ? text : undefined;
}

/** The given secrets (trimmed, long enough, deduplicated) and, for each token, the secret it decodes to. */
export function withDecodedSecrets(secrets: readonly string[]): string[] {
  const out = new Set<string>();
  for (const raw of secrets) {
    const s = raw.trim();
    if ([...s].length < MIN_SECRET_LENGTH) continue;
    out.add(s);
    const decoded = decodedSecretOf(s);
    if (decoded !== undefined) out.add(decoded);
  }
  return [...out];
}

/**
 * Base64 text of `bytes` when they start at byte offset 0, 1 or 2 of a longer encoded buffer: only
 * the characters whose 6 bits come entirely from `bytes`, so each one is a substring of any Base64
 * text that holds these bytes at that offset (modulo 3).
 */
export function base64Cores(bytes: Buffer): string[] {
  const out = new Set<string>();
  for (let k = 0; k < 3; k++) {
    const enc = Buffer.concat([Buffer.alloc(k), bytes]).toString("base64");
    const from = Math.ceil((8 * k) / 6);
    const to = Math.floor((8 * (k + bytes.length)) / 6);
    out.add(enc.slice(from, to));
  }
  return [...out];
}

const toBase64url = (s: string): string => s.replace(/\+/g, "-").replace(/\//g, "_");

/** Every needle of every secret, longest first (so a longer form wins where two overlap). */
export function needlesOf(secrets: readonly string[]): Needle[] {
  const seen = new Set<string>();
  const out: Needle[] = [];
  const add = (secretIndex: number, kind: NeedleKind, text: string) => {
    if (text.length < MIN_SECRET_LENGTH) return;
    const caseInsensitive = kind === "hex";
    const key = caseInsensitive ? `hex:${text.toLowerCase()}` : text;
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ secretIndex, kind, text: caseInsensitive ? text.toLowerCase() : text, caseInsensitive });
  };
  secrets.forEach((secret, i) => {
    add(i, "plain", secret);
    if (/^[A-Za-z0-9+/]+=+$/.test(secret)) add(i, "plain", secret.replace(/=+$/, ""));
    const variants = [secret, encodeURIComponent(secret)];
    for (const v of new Set(variants)) {
      const bytes = Buffer.from(v, "utf8");
      for (const core of base64Cores(bytes)) {
        add(i, "base64", core);
        add(i, "base64url", toBase64url(core));
      }
      add(i, "hex", bytes.toString("hex"));
    }
  });
  return out.sort((a, b) => b.text.length - a.text.length);
}

/** A string as latin1 text of its UTF-8 bytes (how a file read as latin1 holds it; one character per byte). */
export const latin1Of = (s: string): string => Buffer.from(s, "utf8").toString("latin1");

const NAMED_CHARS: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const SHORT_CHARS: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
/**
 * One escape of any kind: a JSON `\u` surrogate pair or `\uXXXX` or short escape (after any number of
 * backslashes: escaped again inside JSON), a percent escape (also `%25`-escaped again), a numeric
 * character reference in hex or decimal (`;` optional, as HTML allows) or a named one of the five XML
 * entities (each also after `&amp;`, escaped again).
 */
const ESCAPE =
  /\\+u([dD][89abAB][0-9a-fA-F]{2})\\+u([dD][c-fC-F][0-9a-fA-F]{2})|\\+u([0-9a-fA-F]{4})|\\+(["\\/bfnrt])|%(?:25)*([0-9a-fA-F]{2})|&(?:amp;)*#[xX]0*([0-9a-fA-F]{1,6})(?![0-9a-fA-F]);?|&(?:amp;)*#0*([0-9]{1,7})(?![0-9]);?|&(?:amp;)*(amp|lt|gt|quot|apos);/g;

const latin1OfCodePoint = (cp: number): string =>
  cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? latin1Of(String.fromCodePoint(cp)) : "";

function decodeOne(m: RegExpExecArray): string {
  const [, hi, lo, u, short, pct, hx, dec, named] = m;
  if (hi !== undefined && lo !== undefined)
    return latin1OfCodePoint(0x10000 + ((Number.parseInt(hi, 16) - 0xd800) << 10) + (Number.parseInt(lo, 16) - 0xdc00));
  if (u !== undefined) return latin1OfCodePoint(Number.parseInt(u, 16));
  if (short !== undefined) return SHORT_CHARS[short]!;
  if (pct !== undefined) return String.fromCharCode(Number.parseInt(pct, 16));
  if (hx !== undefined) return latin1OfCodePoint(Number.parseInt(hx, 16));
  if (dec !== undefined) return latin1OfCodePoint(Number.parseInt(dec, 10));
  return NAMED_CHARS[named!]!;
}

/** An escape that was decoded: its text starts at `d` (length `dl`) in the decoded text, and came from `[r, re)` of the text it was decoded from. */
interface Segment {
  d: number;
  dl: number;
  r: number;
  re: number;
}

/** A text and how each of its characters maps back to the text it was decoded from (none: it is the original). */
export interface View {
  text: string;
  segments: Segment[];
  parent?: View;
}

/**
 * Decodes, once, every escape in latin1 text: each becomes the latin1 text of its character's UTF-8
 * bytes (a percent escape: its byte). A needle in latin1 form is then a plain substring of the result
 * wherever the text held it escaped.
 */
/** Which escapes a decoding pass reads: all of them, or one family (JSON, percent, HTML/XML references). */
export type EscapeFamily = "all" | "json" | "percent" | "html";

function familyOf(m: RegExpExecArray): Exclude<EscapeFamily, "all"> {
  const [, hi, , u, short, pct] = m;
  if (hi !== undefined || u !== undefined || short !== undefined) return "json";
  return pct !== undefined ? "percent" : "html";
}

export function decodeOnce(view: View, family: EscapeFamily = "all"): View {
  const src = view.text;
  const segments: Segment[] = [];
  let out = "";
  let last = 0;
  ESCAPE.lastIndex = 0;
  for (let m = ESCAPE.exec(src); m !== null; m = ESCAPE.exec(src)) {
    if (family !== "all" && familyOf(m) !== family) continue;
    out += src.slice(last, m.index);
    const dec = decodeOne(m);
    segments.push({ d: out.length, dl: dec.length, r: m.index, re: m.index + m[0].length });
    out += dec;
    last = m.index + m[0].length;
  }
  if (segments.length === 0) return view;
  out += src.slice(last);
  return { text: out, segments, parent: view };
}

/**
 * The text itself, then its escapes decoded again and again (at most `passes` times) until nothing changes;
 * and each family of escapes decoded alone (listed before the chain, the deepest view last). The single-family views matter where families overlap: in
 * `%0c\u007a…` the percent escape `%0c` would swallow the `c` that starts a JSON-escaped secret.
 */
export function decodedViews(text: string, passes = 3): View[] {
  const raw: View = { text, segments: [] };
  const chain: View[] = [raw];
  for (let i = 0; i < passes; i++) {
    const next = decodeOnce(chain[chain.length - 1]!);
    if (next === chain[chain.length - 1]) break;
    chain.push(next);
  }
  // Raw first and the fully decoded view last; the single-family views in between.
  const alone =
    chain.length > 1
      ? (["json", "percent", "html"] as const)
          .map((f) => decodeOnce(raw, f))
          .filter((v) => v !== raw && !chain.some((c) => c.text === v.text))
      : [];
  return [raw, ...alone, ...chain.slice(1)];
}

/** Index of the last segment starting at or before decoded position `x`, or -1. */
function segmentAt(segs: Segment[], x: number): number {
  let lo = 0;
  let hi = segs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segs[mid]!.d <= x) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The range `[start, end)` of a view, in the coordinates of the original text. */
export function originalRange(view: View, start: number, end: number): [number, number] {
  let v: View | undefined = view;
  let s = start;
  let e = end;
  while (v?.parent) {
    const segs: Segment[] = v.segments;
    const i = segmentAt(segs, s);
    if (i >= 0) {
      const g = segs[i]!;
      s = s < g.d + g.dl ? g.r : g.re + (s - g.d - g.dl);
    }
    const j = segmentAt(segs, e - 1);
    if (j >= 0) {
      const g = segs[j]!;
      e = e - 1 < g.d + g.dl ? g.re : g.re + (e - g.d - g.dl);
    }
    v = v.parent;
  }
  return [s, e];
}

/** Where a secret was seen: as written, once escapes were decoded, or inside a decoded Base64 run. */
export type FoundVia = "text" | "escaped" | "base64-blob";

export interface Found {
  needle: Needle;
  via: FoundVia;
  /** the range of the original text that holds it (inside a Base64 run: the characters that encode it) */
  start: number;
  end: number;
}

/** Base64 runs long enough to hold a secret: decoded and searched in turn. */
const BASE64_RUN = /[A-Za-z0-9+/_-]{16,}={0,2}/g;

export interface Finder {
  readonly needles: readonly Needle[];
  /**
   * Every occurrence of every needle in `latin1` (text as latin1, one character per byte), in any
   * escaped form; with `blobDepth` > 0 also inside Base64 runs, decoded from each character offset,
   * that many levels deep.
   */
  find(latin1: string, blobDepth: number): Found[];
}

/** Needles are looked up by their first three characters (every needle is longer): one map probe per position. */
const anchorAt = (latin1: string, i: number): number =>
  (latin1.charCodeAt(i) << 16) | (latin1.charCodeAt(i + 1) << 8) | latin1.charCodeAt(i + 2);

interface Prepared {
  needle: Needle;
  order: number;
  text: string;
}

export function createFinder(secrets: readonly string[]): Finder {
  const needles = needlesOf(secrets);
  const exact = new Map<number, Prepared[]>();
  const lower = new Map<number, Prepared[]>();
  needles.forEach((n, order) => {
    const t = latin1Of(n.text);
    // A space may also have been written `+` (form encoding).
    for (const text of t.includes(" ") ? [t, t.replace(/ /g, "+")] : [t]) {
      const into = n.caseInsensitive ? lower : exact;
      const key = anchorAt(text, 0);
      into.set(key, [...(into.get(key) ?? []), { needle: n, order, text }]);
    }
  });
  const shortest = Math.min(...needles.map((n) => n.text.length));

  /** Each needle's occurrences in `hay` (not overlapping one another), in needle order then position. */
  const scan = (hay: string, table: Map<number, Prepared[]>): { p: Prepared; at: number }[] => {
    const hits: { p: Prepared; at: number }[] = [];
    const nextFree = new Map<Prepared, number>();
    for (let i = 0; i + shortest <= hay.length; i++) {
      const candidates = table.get(anchorAt(hay, i));
      if (!candidates) continue;
      for (const p of candidates) {
        if (i < (nextFree.get(p) ?? 0) || !hay.startsWith(p.text, i)) continue;
        hits.push({ p, at: i });
        nextFree.set(p, i + p.text.length);
      }
    }
    return hits.sort((a, b) => a.p.order - b.p.order || a.at - b.at);
  };

  const find = (latin1: string, blobDepth: number): Found[] => {
    const out: Found[] = [];
    // Escapes only make a text longer: one shorter than every needle cannot hold one.
    if (needles.length === 0 || latin1.length < shortest) return out;
    const views = decodedViews(latin1);
    views.forEach((view, i) => {
      const hits = [...scan(view.text, exact), ...(lower.size ? scan(view.text.toLowerCase(), lower) : [])];
      for (const { p, at } of hits.sort((a, b) => a.p.order - b.p.order || a.at - b.at)) {
        const [start, end] = originalRange(view, at, at + p.text.length);
        out.push({ needle: p.needle, via: i === 0 ? "text" : "escaped", start, end });
      }
    });
    if (blobDepth > 0) {
      const seen = new Set<string>();
      for (const view of new Set([views[0]!, views[views.length - 1]!])) {
        BASE64_RUN.lastIndex = 0;
        for (const m of view.text.matchAll(BASE64_RUN)) {
          const run = m[0].replace(/=+$/, "");
          const [start, end] = originalRange(view, m.index, m.index + m[0].length);
          if (seen.has(`${start}:${end}`)) continue; // the same run in the decoded view
          seen.add(`${start}:${end}`);
          // Decoded from each of the four character offsets: a run may start mid-blob.
          for (let k = 0; k < 4 && run.length - k >= 16; k++) {
            for (const f of find(Buffer.from(run.slice(k), "base64").toString("latin1"), blobDepth - 1)) {
              // Bytes [f.start, f.end) of the decoded run: the characters of the run that carry them.
              const from = m.index + k + Math.floor((f.start * 4) / 3);
              const to = m.index + Math.min(run.length, k + Math.ceil((f.end * 4) / 3));
              const [s0, e0] = originalRange(view, from, to);
              out.push({ needle: f.needle, via: "base64-blob", start: s0, end: e0 });
            }
          }
        }
      }
    }
    return out;
  };
  return { needles, find };
}
