/**
 * The one place that knows every form in which a credential can show up in text. Both the
 * redactor (harness/redact.ts, before anything is written) and the scanner
 * (reporting/secrets-scan.ts, after a run) are built on it, so they cannot disagree.
 *
 * A secret is any string the run must never disclose: each token, and the secret a token decodes
 * to (`withDecodedSecrets`). Its *needles* are:
 * - `plain`: the string itself (a token also without its `=` padding); `reversed`; `rot13`;
 * - `base64` / `base64url`: the Base64 text of its UTF-8 bytes at each of the three byte offsets
 *   (only the characters whose bits come from the secret alone, so it is found inside any longer
 *   Base64 blob), in the standard and the URL-safe alphabet;
 * - `hex`: the hex text of its bytes.
 * The Base64 and hex needles are also taken of the URL-encoded string, when that differs, and of the UTF-16 and UTF-32 bytes.
 * Every needle matches in any letter case, also with what a reader does not see between its characters (FILLER) and
 * in letters drawn like its own (`looksLike`). A D1 token's runs of FRAGMENT_LENGTH characters are needles too
 * (`fragmentsOf`, `Needle.part`): overlapping hits of them join into one (`joinedParts`).
 *
 * Each character of a needle may be written in any of the escapes a report format or a hostile
 * target can use, mixed freely: JSON `\uXXXX` (surrogate pairs too) and `\n \" \\ \/`-style short
 * escapes, with any number of backslashes (an escape escaped again inside JSON); URL percent-encoding
 * of its UTF-8 bytes (`%41`, `%2541`), `+` for a space; XML/HTML character references (`&#x41;`,
 * `&#65;`, `&amp;`, also escaped again as `&amp;#x41;`); `\xHH`, `\u{…}`, `\UHHHHHHHH`, `%uHHHH` and octal escapes. The escapes are
 * decoded in views of the text that map back to it (`decodedViews`), and Base64 and hex runs are decoded and
 * searched in turn (`BLOB_DEPTH` levels).
 */

import { isUtf8 } from "node:buffer";

/** Shorter strings are not treated as secrets: they would redact ordinary words. */
export const MIN_SECRET_LENGTH = 6;

/**
 * A run of this many consecutive characters of a token (in any of its forms) is treated as the token: a token less
 * one character, cut in two and placed apart (a header's name and its value, two cookies), or with a character put in
 * its middle gives nearly all of it away. Only runs that look random are cut (fragmentsOf): a random run of twelve does
 * not show up in a report by chance, one over words does (`mock-secret-rate-limited` holds `rate-limited`). The text a
 * token decodes to is matched whole.
 */
export const FRAGMENT_LENGTH = 12;

export type NeedleKind = "plain" | "reversed" | "rot13" | "base64" | "base64url" | "hex";

export interface Needle {
  /** index into the secrets list the needles were made from */
  secretIndex: number;
  kind: NeedleKind;
  /**
   * In lower case, and matched in any letter case, every kind: Node gives header names in lower case (a target can
   * send the token as a header's name), and a secret that lost its case still gives most of it away.
   */
  text: string;
  /** a form of a run of FRAGMENT_LENGTH characters of a token (fragmentsOf), not of the whole secret */
  part?: true;
  /**
   * a form of UTF-32 bytes, three in four of them zero: not looked for at the end of a cut text (the Base64 of zero
   * bytes, `AAAA`, begins it), nor taken of a token's runs (fragmentsOf)
   */
  wide?: true;
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

const rot13 = (s: string): string =>
  s.replace(/[A-Za-z]/g, (c) => String.fromCharCode(((c.charCodeAt(0) - (c <= "Z" ? 65 : 97) + 13) % 26) + (c <= "Z" ? 65 : 97)));

/** The UTF-16 (little- and big-endian) and UTF-32 (both) bytes of a text. */
function wideEncodings(text: string): Buffer[] {
  const le16 = Buffer.from(text, "utf16le");
  const points = [...text].map((c) => c.codePointAt(0)!);
  const le32 = Buffer.alloc(points.length * 4);
  const be32 = Buffer.alloc(points.length * 4);
  points.forEach((p, i) => {
    le32.writeUInt32LE(p, i * 4);
    be32.writeUInt32BE(p, i * 4);
  });
  return [le16, Buffer.from(le16).swap16(), le32, be32];
}

/** Every needle of every secret, longest first (so a longer form wins where two overlap). */
export function needlesOf(secrets: readonly string[]): Needle[] {
  const seen = new Set<string>();
  const out: Needle[] = [];
  const add = (secretIndex: number, kind: NeedleKind, text: string, wide = false) => {
    if (text.length < MIN_SECRET_LENGTH) return;
    const key = text.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ secretIndex, kind, text: key, ...(wide ? { wide: true as const } : {}) });
  };
  secrets.forEach((secret, i) => {
    add(i, "plain", secret);
    if (/^[A-Za-z0-9+/]+=+$/.test(secret)) add(i, "plain", secret.replace(/=+$/, ""));
    add(i, "reversed", [...secret].reverse().join(""));
    add(i, "rot13", rot13(secret));
    // The bytes of the text, of its URL-encoding, and of its UTF-16 and UTF-32 (what Windows and Java APIs encode).
    const variants = new Set([secret, encodeURIComponent(secret)]);
    const [le16, be16, le32, be32] = wideEncodings(secret);
    const bytesOf = [...[...variants].map((v) => Buffer.from(v, "utf8")), le16!, be16!];
    for (const bytes of [...bytesOf, le32!, be32!]) {
      const wide = !bytesOf.includes(bytes);
      for (const core of base64Cores(bytes)) {
        add(i, "base64", core, wide);
        add(i, "base64url", toBase64url(core), wide);
      }
      add(i, "hex", bytes.toString("hex"), wide);
    }
  });
  return out.sort((a, b) => b.text.length - a.text.length);
}

/**
 * Runs of a token cut into needles: each run of FRAGMENT_LENGTH of its characters that looks random (`unguessable`),
 * in every form a whole secret has. For a token in Base64 (D1's form) that is judged on the bytes the run encodes, for
 * another on its characters. A run over words (`…c2Vjb25kYXJ5` is the Base64 of `econdary`, and a report's CSS holds
 * `-secondary` in Base64 too) would match what is no secret: a token of a word-made secret (the mock's own) is
 * matched whole only. A JWT's first segment is the same in every JWT of its algorithm: not cut either.
 */
export function fragmentsOf(secrets: readonly string[]): Needle[] {
  const out: Needle[] = [];
  const decoded = new Set(secrets.map(decodedSecretOf));
  secrets.forEach((secret, secretIndex) => {
    const base64 = CANONICAL_BASE64.test(secret.trim());
    // The text a token decodes to is matched whole: it is judged by the token's runs.
    if (!base64 && decoded.has(secret)) return;
    const token = base64 ? secret.trim().replace(/=+$/, "") : secret.trim();
    const bytes = base64 ? Buffer.from(token, "base64") : undefined;
    const sharedUntil = /^eyJ[A-Za-z0-9_-]*\./.test(token) ? token.indexOf(".") + 1 : 0;
    const chars = [...token]; // a run never splits a surrogate pair
    for (let i = sharedUntil; i + FRAGMENT_LENGTH <= chars.length; i++) {
      const run = chars.slice(i, i + FRAGMENT_LENGTH).join("");
      const judged = bytes ? bytes.subarray(Math.floor((i * 6) / 8), Math.ceil(((i + FRAGMENT_LENGTH) * 6) / 8)) : Buffer.from(run, "utf8");
      if (!unguessable(judged)) continue;
      for (const n of needlesOf([run])) if (!n.wide) out.push({ ...n, secretIndex, part: true });
    }
  });
  return out;
}

const isLetter = (b: number) => (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
const isUpper = (b: number) => b >= 0x41 && b <= 0x5a;

/**
 * Bytes that are no run of words: two or more digits, symbols or non-ASCII bytes (the separators of words, `-_. `, do
 * not count), or letters whose case changes three times or more (`xQ7bKp…`; `rateLimited` changes once).
 */
function unguessable(bytes: Buffer): boolean {
  let others = 0;
  let changes = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (!isLetter(b) && b !== 0x2d && b !== 0x5f && b !== 0x2e && b !== 0x20) others++;
    const prev = bytes[i - 1];
    if (prev !== undefined && isLetter(prev) && isLetter(b) && isUpper(prev) !== isUpper(b)) changes++;
  }
  return others >= 2 || changes >= 3;
}

/**
 * The hits of fragments (Needle.part) made whole: overlapping or touching runs of one secret become one hit over all of
 * them, and one inside a whole needle's hit is dropped (the whole needle names the form).
 */
function joinedParts(found: Found[]): Found[] {
  const whole = found.filter((f) => !f.needle.part);
  const parts = found.filter((f) => f.needle.part).sort((a, b) => a.needle.secretIndex - b.needle.secretIndex || a.start - b.start);
  const joined: Found[] = [];
  for (const f of parts) {
    const last = joined[joined.length - 1];
    if (last && last.needle.secretIndex === f.needle.secretIndex && f.start <= last.end) last.end = Math.max(last.end, f.end);
    else joined.push({ ...f });
  }
  return [...whole, ...joined.filter((p) => !whole.some((w) => w.start <= p.start && p.end <= w.end))];
}

/** A string as latin1 text of its UTF-8 bytes (how a file read as latin1 holds it; one character per byte). */
export const latin1Of = (s: string): string => Buffer.from(s, "utf8").toString("latin1");

const NAMED_CHARS: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const SHORT_CHARS: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
/**
 * One escape of any kind: a JSON `\u` (or `%u`) surrogate pair or `\uXXXX` or short escape (after any number of
 * backslashes: escaped again inside JSON), the `\xHH`, `\u{H…}`, `\UHHHHHHHH` and octal `\OOO` / `\OO` escapes of
 * JavaScript, C and Python string literals, a percent escape (also `%25`-escaped again) or JavaScript `escape()`'s
 * `%uHHHH`, a numeric
 * character reference in hex or decimal (`;` optional, as HTML allows) or a named one of the five XML
 * entities (each also after `&amp;`, escaped again).
 */
const ESCAPE =
  /(?:\\+|%)u([dD][89abAB][0-9a-fA-F]{2})(?:\\+|%)u([dD][c-fC-F][0-9a-fA-F]{2})|\\+u([0-9a-fA-F]{4})|\\+(["\\/bfnrt])|%(?:25)*([0-9a-fA-F]{2})|&(?:amp;)*#[xX]0*([0-9a-fA-F]{1,6})(?![0-9a-fA-F]);?|&(?:amp;)*#0*([0-9]{1,7})(?![0-9]);?|&(?:amp;)*(amp|lt|gt|quot|apos);|\\+x([0-9a-fA-F]{2})|\\+u\{([0-9a-fA-F]{1,6})\}|\\+([0-3][0-7]{2}|[0-7]{2}(?![0-7]))|%u([0-9a-fA-F]{4})|\\+U([0-9a-fA-F]{8})/g;

const latin1OfCodePoint = (cp: number): string =>
  cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? latin1Of(String.fromCodePoint(cp)) : "";

function decodeOne(m: RegExpExecArray): string {
  const [, hi, lo, u, short, pct, hx, dec, named, x, ub, oct, pu, bigU] = m;
  if (pu !== undefined) return latin1OfCodePoint(Number.parseInt(pu, 16));
  if (bigU !== undefined) return latin1OfCodePoint(Number.parseInt(bigU, 16));
  if (x !== undefined) return latin1OfCodePoint(Number.parseInt(x, 16));
  if (ub !== undefined) return latin1OfCodePoint(Number.parseInt(ub, 16));
  if (oct !== undefined) return latin1OfCodePoint(Number.parseInt(oct, 8));
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
  const [, hi, , u, short, pct, , , , x, ub, oct, pu, bigU] = m;
  if (
    hi !== undefined ||
    u !== undefined ||
    short !== undefined ||
    x !== undefined ||
    ub !== undefined ||
    oct !== undefined ||
    bigU !== undefined
  )
    return "json";
  return pct !== undefined || pu !== undefined ? "percent" : "html";
}

export function decodeOnce(view: View, family: EscapeFamily = "all"): View {
  return rewritten(view, ESCAPE, (m) => (family !== "all" && familyOf(m) !== family ? undefined : decodeOne(m))) ?? view;
}

/**
 * `view` with each match of `pattern` replaced by what `replace` gives (undefined: left as it is), every replacement a
 * segment that maps back to what it replaced; undefined when nothing was replaced.
 */
function rewritten(view: View, pattern: RegExp, replace: (m: RegExpExecArray) => string | undefined): View | undefined {
  const src = view.text;
  const segments: Segment[] = [];
  let out = "";
  let last = 0;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(src); m !== null; m = pattern.exec(src)) {
    const by = replace(m);
    if (by === undefined) continue;
    out += src.slice(last, m.index);
    segments.push({ d: out.length, dl: by.length, r: m.index, re: m.index + m[0].length });
    out += by;
    last = m.index + m[0].length;
  }
  if (segments.length === 0) return undefined;
  return { text: out + src.slice(last), segments, parent: view };
}

/** How many times escapes are decoded in turn: an escape of an escape of … six levels deep. */
const ESCAPE_PASSES = 6;

/**
 * The text itself, then its escapes decoded again and again (at most `passes` times) until nothing changes;
 * and each family of escapes decoded alone (listed before the chain, the deepest view last). The single-family views matter where families overlap: in
 * `%0c\u007a…` the percent escape `%0c` would swallow the `c` that starts a JSON-escaped secret.
 */
export function decodedViews(text: string, passes = ESCAPE_PASSES): View[] {
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

/**
 * What a reader does not see between the characters of a secret, in latin1 text of UTF-8 bytes: terminal escape
 * sequences (CSI, OSC, others), C0 and C1 controls, NUL, whitespace and line breaks (Base64 wrapped at 76 columns,
 * hex in groups), `:` (hex as `74:6f:6b`), the soft hyphen, zero-width and bidirectional marks, word joiners, the
 * byte order mark; the Unicode spaces (no-break, thin, ideographic, Ogham, medium mathematical…), variation
 * selectors, tag characters, combining marks (a reader sees `t̀` as a `t`), the Hangul and Braille blanks, the
 * Mongolian variation selectors and the interlinear annotation marks.
 * Any other character that looks like an ASCII letter or digit (`looksLike`) is read as that character.
 */
const FILLER =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  /(?:\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[ -~]?|[\x00-\x20\x7f:]|\xc2[\x80-\xa0\xad]|\xcc[\x80-\xbf]|\xcd[\x80-\xaf]|\xd8\x9c|\xe1\x85[\x9f\xa0]|\xe1\x9a\x80|\xe1\xa0[\x8b-\x8f]|\xe1\xb7[\x80-\xbf]|\xe2\x80[\x80-\x8f\xa8-\xaf]|\xe2\x81[\x9f-\xa4\xa6-\xaf]|\xe2\x83[\x90-\xbf]|\xe2\xa0\x80|\xe3\x80\x80|\xe3\x85\xa4|\xef\xb8[\x80-\x8f\xa0-\xaf]|\xef\xbb\xbf|\xef\xbe\xa0|\xef\xbf[\xb9-\xbb]|\xf3\xa0[\x80-\x87][\x80-\xbf])+|([\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3})/g;

/**
 * Letters of other scripts drawn like ASCII ones (Cyrillic, Greek; after Unicode's confusables.txt, the ones a
 * Base64 or hex token can be spelled with); compatibility forms (fullwidth `ｔ`, mathematical `𝐭`, circled `ⓣ`) are
 * read through NFKC instead.
 */
const CONFUSABLE: Record<string, string> = {
  А: "A",
  В: "B",
  Е: "E",
  К: "K",
  М: "M",
  Н: "H",
  О: "O",
  Р: "P",
  С: "C",
  Т: "T",
  Х: "X",
  І: "I",
  Ј: "J",
  Ѕ: "S",
  Ү: "Y",
  Ԛ: "Q",
  Ԝ: "W",
  а: "a",
  е: "e",
  о: "o",
  р: "p",
  с: "c",
  у: "y",
  х: "x",
  і: "i",
  ј: "j",
  ѕ: "s",
  ԁ: "d",
  ԛ: "q",
  ԝ: "w",
  һ: "h",
  ӏ: "l",
  Α: "A",
  Β: "B",
  Ε: "E",
  Ζ: "Z",
  Η: "H",
  Ι: "I",
  Κ: "K",
  Μ: "M",
  Ν: "N",
  Ο: "O",
  Ρ: "P",
  Τ: "T",
  Υ: "Y",
  Χ: "X",
  ο: "o",
  ν: "v",
  α: "a",
  ι: "i",
  κ: "k",
  ρ: "p",
  τ: "t",
  υ: "u",
  χ: "x",
};

/** What no reader sees, by Unicode property: the rest of FILLER (its list is the common cases, matched faster). */
const UNSEEN = /^[\p{Default_Ignorable_Code_Point}\p{Mn}\p{Me}\p{Zs}\p{Cf}\p{Cc}\p{Zl}\p{Zp}\p{Noncharacter_Code_Point}]$/u;

const looksLikeCache = new Map<string, string | undefined>();
/**
 * The ASCII character a character (latin1 text of its UTF-8 bytes) is drawn as, if any; "" when no reader sees it (a
 * combining mark, a format character, a space, a non-character).
 */
function looksLike(utf8: string): string | undefined {
  if (looksLikeCache.has(utf8)) return looksLikeCache.get(utf8);
  const ch = Buffer.from(utf8, "latin1").toString("utf8");
  const nfkc = ch.normalize("NFKC");
  const ascii = UNSEEN.test(ch) ? "" : /^[!-~]$/.test(nfkc) ? nfkc : CONFUSABLE[ch];
  if (looksLikeCache.size < 10_000) looksLikeCache.set(utf8, ascii);
  return ascii;
}

/** `view` without its filler (FILLER): each stretch of it removed (a segment of length 0), each look-alike its ASCII character. */
export function withoutFiller(view: View): View | undefined {
  return rewritten(view, FILLER, ([, other]) => (other === undefined ? "" : looksLike(other)));
}

/** A needle as it reads in a view without filler. */
const fillerless = (latin1: string): string => withoutFiller({ text: latin1, segments: [] })?.text ?? latin1;

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
/**
 * Base64 with its padding inside: padded chunks one after another, a text encoded piece by piece (those with `=` only
 * at their end are BASE64_RUN's). Every `=` in the class: a pattern that must find `=` after a greedy run backtracks
 * over the whole run at each start, quadratic on a 1 MB body without one.
 */
const PADDED_RUN = /[A-Za-z0-9+/_=-]{16,}/g;
const INNER_PADDING = /=+[^=]/;

/**
 * The stretches of `run` made of two or more whole Base64 chunks (a multiple of 4 characters, padded) and what follows
 * the last one; `t=czNj…` is a query value, not a chunk.
 */
function paddedChunks(run: string): [number, number][] {
  const out: [number, number][] = [];
  let from = -1;
  let count = 0;
  for (const c of run.matchAll(/[^=]+=*/g)) {
    const whole = c[0].length % 4 === 0 && c[0].endsWith("=");
    if (whole) {
      if (from < 0) from = c.index;
      count++;
      continue;
    }
    // The last piece of a chunked text needs no padding: it ends the stretch.
    if (from >= 0 && count >= 1) out.push([from, c.index + c[0].length]);
    from = -1;
    count = 0;
  }
  if (from >= 0 && count >= 2) out.push([from, run.length]);
  return out;
}
/** Hex long enough to hold an encoded secret. */
const HEX_RUN = /(?:[0-9a-fA-F]{2}){8,}[0-9a-fA-F]?/g;

/** Bytes (latin1 text) that are valid UTF-8: text, which random binary data almost never is. */
const isText = (latin1: string): boolean => isUtf8(Buffer.from(latin1, "latin1"));

/** The shortest end of a cut text that partialStart takes for the start of a secret. */
const PARTIAL_MIN = 3;

/** How deep Base64 (and hex) runs are decoded: Base64 of Base64 of … five times, with the Base64 needles. */
export const BLOB_DEPTH = 4;

export interface Finder {
  readonly needles: readonly Needle[];
  /**
   * Every occurrence of every needle in `latin1` (text as latin1, one character per byte), in any
   * escaped form; with `blobDepth` > 0 also inside Base64 runs, decoded from each character offset,
   * that many levels deep.
   */
  find(latin1: string, blobDepth: number): Found[];
  /** Where a text cut short may end with the start of a secret (its length when it cannot). */
  partialStart(latin1: string): number;
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
  const seen = new Set(needles.map((n) => n.text));
  const searchedFor = [...needles, ...fragmentsOf(secrets).filter((n) => !seen.has(n.text) && seen.add(n.text))];
  // Every needle in lower case (Needle.text); the second table holds them as they read without filler.
  const table = new Map<number, Prepared[]>();
  const fillerTable = new Map<number, Prepared[]>();
  const into = (t: Map<number, Prepared[]>, p: Prepared) => {
    if (p.text.length < 3) return;
    const key = anchorAt(p.text, 0);
    const list = t.get(key);
    if (list) list.push(p);
    else t.set(key, [p]);
  };
  searchedFor.forEach((n, order) => {
    // Lower case of the latin1 text, as the views are searched: that of the UTF-8 text differs (`é` is `Ã©` in latin1).
    const t = latin1Of(n.text).toLowerCase();
    // A space may also have been written `+` (form encoding).
    for (const text of t.includes(" ") ? [t, t.replace(/ /g, "+")] : [t]) into(table, { needle: n, order, text });
    into(fillerTable, { needle: n, order, text: fillerless(t).toLowerCase() });
  });
  const prepared = [...table.values(), ...fillerTable.values()].flat();
  const shortest = Math.min(...prepared.map((p) => p.text.length));
  // A cut text is searched for the starts of whole needles only: a token's run long enough to be a fragment is found by find.
  const wholePrepared = prepared.filter((p) => !p.needle.part && !p.needle.wide);

  /** Each needle's occurrences in `hay` (not overlapping one another), in needle order then position. */
  const scan = (hay: string, from: Map<number, Prepared[]>): { p: Prepared; at: number }[] => {
    const hits: { p: Prepared; at: number }[] = [];
    const nextFree = new Map<Prepared, number>();
    for (let i = 0; i + shortest <= hay.length; i++) {
      const candidates = from.get(anchorAt(hay, i));
      if (!candidates) continue;
      for (const p of candidates) {
        if (i < (nextFree.get(p) ?? 0) || !hay.startsWith(p.text, i)) continue;
        hits.push({ p, at: i });
        nextFree.set(p, i + p.text.length);
      }
    }
    return hits.sort((a, b) => a.p.order - b.p.order || a.at - b.at);
  };

  const find = (latin1: string, blobDepth: number, level = 0): Found[] => {
    const out: Found[] = [];
    // Escapes and filler only make a text longer: one shorter than every needle cannot hold one.
    if (needles.length === 0 || latin1.length < shortest) return out;
    const decoded = decodedViews(latin1);
    // Filler is looked through in the text as written and in its fully decoded view, and in a decoded blob that is
    // text (a report's attachment inside the HTML report's Base64 data); in binary data it is not (most of it is
    // "filler", and no reader sees it there).
    const fillerViews =
      level === 0 || (level === 1 && isText(latin1))
        ? [...new Set([decoded[0]!, decoded[decoded.length - 1]!])].flatMap((v) => withoutFiller(v) ?? [])
        : [];
    const searched = [...decoded.map((v) => ({ v, t: table })), ...fillerViews.map((v) => ({ v, t: fillerTable }))];
    searched.forEach(({ v, t }, i) => {
      for (const { p, at } of scan(v.text.toLowerCase(), t)) {
        const [start, end] = originalRange(v, at, at + p.text.length);
        out.push({ needle: p.needle, via: i === 0 ? "text" : "escaped", start, end });
      }
    });
    if (blobDepth > 0) {
      const seen = new Set<string>();
      const once = (start: number, end: number, kind: string) => {
        const key = `${kind}:${start}:${end}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      };
      // Outside, a run may start mid-blob (glued to other letters): decoded from each offset. Deeper, a run is a
      // whole encoding of what held it: from its start only, which keeps five levels affordable.
      const offsets = level < 2 ? 4 : 1;
      const inner = (bytes: Buffer) => find(bytes.toString("latin1"), blobDepth - 1, level + 1);
      for (const view of new Set([decoded[0]!, decoded[decoded.length - 1]!, ...fillerViews])) {
        for (const m of view.text.matchAll(BASE64_RUN)) {
          const run = m[0].replace(/=+$/, "");
          const [start, end] = originalRange(view, m.index, m.index + m[0].length);
          if (!once(start, end, "b64")) continue; // the same run in another view
          for (let k = 0; k < offsets && run.length - k >= 16; k++) {
            for (const f of inner(Buffer.from(run.slice(k), "base64"))) {
              // Bytes [f.start, f.end) of the decoded run: the characters of the run that carry them.
              const from = m.index + k + Math.floor((f.start * 4) / 3);
              const to = m.index + Math.min(run.length, k + Math.ceil((f.end * 4) / 3));
              const [s0, e0] = originalRange(view, from, to);
              out.push({ needle: f.needle, via: "base64-blob", start: s0, end: e0 });
            }
          }
        }
        // Base64 of the pieces of a text, joined (`WVM=QXpN…`): each chunk decoded alone; the whole run goes.
        for (const m of view.text.matchAll(PADDED_RUN)) {
          if (!INNER_PADDING.test(m[0])) continue;
          for (const [from, to] of paddedChunks(m[0])) {
            const [start, end] = originalRange(view, m.index + from, m.index + to);
            if (!once(start, end, "chunks")) continue;
            const chunks = [...m[0].slice(from, to).matchAll(/[^=]+=*/g)].map((c) => ({
              at: m.index + from + c.index,
              end: m.index + from + c.index + c[0].length,
              bytes: Buffer.from(c[0], "base64"),
            }));
            let offset = 0;
            const placed = chunks.map((c) => ({ ...c, first: offset, last: (offset += c.bytes.length) }));
            for (const f of inner(Buffer.concat(chunks.map((c) => c.bytes)))) {
              // The chunks that carry the secret's bytes go, not the ones before or after it (`sid=` of a cookie).
              const carrying = placed.filter((c) => c.first < f.end && c.last > f.start);
              const [s0, e0] = originalRange(view, carrying[0]!.at, carrying[carrying.length - 1]!.end);
              out.push({ needle: f.needle, via: "base64-blob", start: s0, end: e0 });
            }
          }
        }
        // Hex of an encoding (hex of Base64, of UTF-16): decoded at both alignments.
        for (const m of view.text.matchAll(HEX_RUN)) {
          const [start, end] = originalRange(view, m.index, m.index + m[0].length);
          if (!once(start, end, "hex")) continue;
          for (let k = 0; k < 2; k++) {
            const run = m[0].slice(k, k + ((m[0].length - k) & ~1));
            for (const f of inner(Buffer.from(run, "hex"))) {
              const [s0, e0] = originalRange(view, m.index + k + 2 * f.start, m.index + k + 2 * f.end);
              out.push({ needle: f.needle, via: "base64-blob", start: s0, end: e0 });
            }
          }
        }
      }
    }
    return joinedParts(out);
  };
  /**
   * Where a text cut short (at a read limit) may end with the start of a secret: the beginning of the longest end of
   * any view that is the beginning of a needle, mapped back; the text's length when none. An escape or a terminal
   * sequence cut in half at the very end is looked past first. An end of one or two characters gives nothing away and
   * is kept: every Base64 text of UTF-16BE begins with `A`, so a text ending in `A` would always lose it.
   */
  const partialStart = (latin1: string): number => {
    // U+FFFD: a character whose UTF-8 bytes the limit cut (what decoding the kept bytes made of them).
    const unfinished =
      // biome-ignore lint/suspicious/noControlCharactersInRegex: an escape sequence cut in half is looked past
      /(?:\\+u?[0-9a-fA-F{]{0,5}|\\+x[0-9a-fA-F]?|%(?:25)*[0-9a-fA-F]?|&[#\w]{0,9}|\x1b(?:\[[0-?]*[ -/]*|\][^\x07\x1b]*)?|\xef\xbf\xbd)+$/.exec(
        latin1,
      );
    let cut = unfinished ? unfinished.index : latin1.length;
    const text = latin1.slice(0, cut);
    const decoded = decodedViews(text);
    const views = [...decoded, ...decoded.flatMap((v) => withoutFiller(v) ?? [])];
    for (const v of views) {
      const hay = v.text.toLowerCase();
      for (const p of wholePrepared)
        for (let k = Math.min(p.text.length - 1, hay.length); k >= PARTIAL_MIN; k--)
          if (hay.endsWith(p.text.slice(0, k))) {
            cut = Math.min(cut, originalRange(v, hay.length - k, hay.length)[0]);
            break;
          }
    }
    return cut;
  };
  return { needles, find: (latin1, blobDepth) => find(latin1, blobDepth), partialStart };
}
