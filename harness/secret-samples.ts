/**
 * Test material: a value written in every form the redactor and the scanner must recognise
 * (harness/secret-forms.ts), each embedded in surrounding text the way it would appear. Shared by
 * the redactor's and the scanner's unit tests, so both are held to one list.
 */
import { decodedSecretOf } from "./secret-forms.js";

const b64 = (s: string | Buffer) => Buffer.from(s).toString("base64");
const b64url = (s: string | Buffer) => Buffer.from(s).toString("base64url");
const hex = (s: string) => Buffer.from(s, "utf8").toString("hex");
const u4 = (cu: number, upper = false) => {
  const h = cu.toString(16).padStart(4, "0");
  return `\\u${upper ? h.toUpperCase() : h}`;
};
/** A character as `\uXXXX` (a pair of them outside the BMP). */
const escapeChar = (ch: string, upper = false) => Array.from({ length: ch.length }, (_, k) => u4(ch.charCodeAt(k), upper)).join("");
/** Every character escaped. */
const allEscaped = (s: string, upper = false) => [...s].map((ch) => escapeChar(ch, upper)).join("");
const percentAll = (s: string, upper = false) =>
  [...Buffer.from(s, "utf8")]
    .map((b) => `%${upper ? b.toString(16).padStart(2, "0").toUpperCase() : b.toString(16).padStart(2, "0")}`)
    .join("");
/** Inner text of a JSON string literal. */
const literal = (s: string) => JSON.stringify(s).slice(1, -1);
const xmlEscape = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

export interface Sample {
  name: string;
  text: string;
}

/** `value` in every form, each inside some text. */
export function encodedSamples(value: string): Sample[] {
  const chars = [...value];
  const escapeAt = (i: number, upper = false) => chars.map((ch, j) => (j === i ? escapeChar(ch, upper) : literal(ch))).join("");
  return [
    { name: "plain", text: `before ${value} after` },
    { name: "JSON string", text: JSON.stringify({ echo: value }) },
    { name: "JSON key", text: JSON.stringify({ [value]: 1 }) },
    { name: "JSON \\u, first character", text: `{"echo":"${escapeAt(0)}"}` },
    { name: "JSON \\u, middle character, upper-case hex", text: `{"echo":"${escapeAt(Math.floor(chars.length / 2), true)}"}` },
    { name: "JSON \\u, last character", text: `{"echo":"${escapeAt(chars.length - 1)}"}` },
    { name: "JSON \\u, every character", text: `{"echo":"${allEscaped(value)}"}` },
    { name: "JSON \\u escaped again (JSON in JSON)", text: JSON.stringify({ raw: `{"echo":"${escapeAt(0)}"}` }) },
    { name: "JSON `\\/`", text: `{"echo":"${literal(value).replace(/\//g, "\\/")}"}` },
    { name: "Base64", text: `data ${b64(value)} end` },
    { name: "Base64 without padding", text: `data ${b64(value).replace(/=+$/, "")} end` },
    { name: "Base64 inside a blob, offset 1", text: `data:application/octet-stream;base64,${b64(`x${value}tail`)}` },
    { name: "Base64 inside a blob, offset 2", text: `"${b64(`xy${value}tail and more`)}"` },
    { name: "Base64 inside a blob, offset 3 (0 mod 3)", text: `"${b64(`xyz${value}`)}"` },
    { name: "Base64url", text: `token=${b64url(value)}` },
    { name: "Base64url inside a blob", text: `${b64url(`${"\xff".repeat(7)}${value}`)}` },
    { name: "Base64 of a JSON-escaped echo", text: `data:application/json;base64,${b64(`{"echo":"${escapeAt(0)}"}`)}` },
    {
      name: "Base64 of Base64 (a blob in a blob)",
      text: `<script src="data:text/javascript;base64,${b64(`var d="${b64(`ab${value}`)}"`)}">`,
    },
    { name: "hex", text: `hex ${hex(value)} end` },
    { name: "HEX", text: `hex ${hex(value).toUpperCase()} end` },
    {
      name: "hex, mixed case",
      text: `hex ${[...hex(value)].map((c, i) => (i % 2 ? c.toUpperCase() : c)).join("")} end`,
    },
    { name: "URL-encoded (encodeURIComponent)", text: `/api/v2/telecom/${encodeURIComponent(value)}?x=1` },
    { name: "URL-encoded, every byte, lower-case", text: `?t=${percentAll(value)}` },
    { name: "URL-encoded, every byte, upper-case", text: `?t=${percentAll(value, true)}` },
    { name: "URL-encoded twice", text: `?t=${encodeURIComponent(encodeURIComponent(value))}` },
    { name: "form-encoded (space as +)", text: `a=1&t=${encodeURIComponent(value).replace(/%20/g, "+")}` },
    { name: "Base64 of the URL-encoded text", text: ` ${b64(encodeURIComponent(value))} ` },
    { name: "hex of the URL-encoded text", text: ` ${hex(encodeURIComponent(value))} ` },
    { name: "XML-escaped", text: `<failure message="${xmlEscape(value)}"/>` },
    { name: "XML-escaped twice", text: `<x>${xmlEscape(xmlEscape(value))}</x>` },
    { name: "numeric character references", text: `<p>${[...value].map((c) => `&#x${c.codePointAt(0)!.toString(16)};`).join("")}</p>` },
    { name: "decimal character references", text: `<p>${[...value].map((c) => `&#${c.codePointAt(0)};`).join("")}</p>` },
    { name: "XML-escaped JSON \\u (junit of an Allure result)", text: `<x>${xmlEscape(JSON.stringify({ raw: `"${escapeAt(1)}"` }))}</x>` },
    { name: "URL-encoded JSON \\u", text: `?q=${encodeURIComponent(`"${escapeAt(0)}"`)}` },
    // What a terminal or a page does not show, between the characters (helper audit, 2026-12-03).
    { name: "a zero-width space between the characters", text: `echo ${chars.join("\u200b")} end` },
    { name: "a terminal colour reset between the characters", text: `echo ${chars.join("\x1b[0m")} end` },
    { name: "soft hyphens and word joiners between the characters", text: `echo ${chars.join("\u00ad\u2060")} end` },
    { name: "NUL between the characters (UTF-16LE read as bytes)", text: `echo ${chars.join("\u0000")} end` },
    {
      name: "fullwidth letters",
      text: `echo ${chars.map((c) => (c > " " && c <= "~" ? String.fromCharCode(c.charCodeAt(0) + 0xfee0) : c)).join("")} end`,
    },
    { name: "lower case (a header name, as Node gives it)", text: `x-${value.toLowerCase()}: 1` },
    { name: "upper case (its ASCII letters)", text: `echo ${value.replace(/[a-z]/g, (c) => c.toUpperCase())} end` },
    { name: "reversed", text: `echo ${[...chars].reverse().join("")} end` },
    {
      name: "ROT13",
      text: `echo ${value.replace(/[A-Za-z]/g, (c) => String.fromCharCode(((c.charCodeAt(0) - (c <= "Z" ? 65 : 97) + 13) % 26) + (c <= "Z" ? 65 : 97)))} end`,
    },
    { name: "Base64 wrapped at 8 columns (RFC 2045 wraps at 76)", text: `data\n${b64(`ab${value}`).replace(/.{8}/g, "$&\r\n")}\nend` },
    { name: "Base64 in groups of 4 with spaces", text: `data ${b64(value).replace(/.{4}/g, "$& ")} end` },
    { name: "Base64 of its pieces, joined with their padding", text: `data ${b64(value.slice(0, 2))}${b64(value.slice(2))} end` },
    { name: "Base64 five times", text: `data ${b64(b64(b64(b64(b64(value)))))} end` },
    { name: "hex of Base64", text: `data ${hex(b64(value))} end` },
    { name: "hex with colons", text: `data ${hex(value).replace(/..(?!$)/g, "$&:")} end` },
    { name: "hex with spaces", text: `data ${hex(value).replace(/..(?!$)/g, "$& ")} end` },
    { name: "Base64 of UTF-16LE", text: `data ${b64(Buffer.from(value, "utf16le"))} end` },
    { name: "hex of UTF-16LE", text: `data ${Buffer.from(value, "utf16le").toString("hex")} end` },
    {
      name: "\\x escapes (JavaScript, C, Python)",
      text: `"${chars.map((c) => (c < "\x80" ? `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}` : c)).join("")}"`,
    },
    { name: "\\u{…} escapes (JavaScript)", text: `"${[...value].map((c) => `\\u{${c.codePointAt(0)!.toString(16)}}`).join("")}"` },
    // Helper audit, 2026-12-04: the forms below reached the reports.
    {
      name: "%uXXXX escapes (JavaScript escape())",
      text: `?t=${Array.from({ length: value.length }, (_, i) => percentU(value.charCodeAt(i))).join("")}`,
    },
    {
      name: "\\U0000XXXX escapes (Python)",
      text: `"${[...value].map((c) => `\\U${c.codePointAt(0)!.toString(16).padStart(8, "0")}`).join("")}"`,
    },
    {
      name: "two-digit octal escapes",
      text: `"${chars.map((c) => (c.charCodeAt(0) < 0o100 ? `\\${c.charCodeAt(0).toString(8).padStart(2, "0")}` : c)).join("")}"`,
    },
    { name: "escaped five times in turn (JSON, percent, HTML, JSON, percent)", text: `q=${nestedFive(escapeAt(0))}` },
    { name: "hex of UTF-16BE", text: `data ${Buffer.from(value, "utf16le").swap16().toString("hex")} end` },
    { name: "Base64 of UTF-16BE", text: `data ${b64(Buffer.from(value, "utf16le").swap16())} end` },
    { name: "hex of UTF-32LE", text: `data ${utf32(value, "LE").toString("hex")} end` },
    { name: "Base64 of UTF-32BE", text: `data ${b64(utf32(value, "BE"))} end` },
    // Runs of FRAGMENT_LENGTH characters are matched in tokens, not in the text a token decodes to (secret-forms.ts).
    ...(decodedSecretOf(value) === undefined
      ? []
      : [
          { name: "without its last character", text: `echo ${chars.slice(0, -1).join("")} end` },
          { name: "without its first character", text: `echo ${chars.slice(1).join("")} end` },
          {
            name: "Base64 of its first three quarters",
            text: `data ${b64(chars.slice(0, Math.ceil((chars.length * 3) / 4)).join(""))} end`,
          },
        ]),
    ...(decodedSecretOf(value) !== undefined && chars.length >= 25
      ? [
          { name: "a character missing in its middle", text: `echo ${[...chars.slice(0, 12), ...chars.slice(13)].join("")} end` },
          { name: "a character put in its middle", text: `echo ${[...chars.slice(0, 12), "~", ...chars.slice(12)].join("")} end` },
          { name: "its halves swapped", text: `echo ${[...chars.slice(12), " ", ...chars.slice(0, 12)].join("")} end` },
          { name: "its halves in a header's name and value", text: `x-${chars.slice(0, 12).join("")}: ${chars.slice(12).join("")}` },
        ]
      : []),
    ...Object.entries(UNSEEN).map(([what, ch]) => ({ name: `${what} between the characters`, text: `echo ${chars.join(ch)} end` })),
    // The HTML report holds each attachment as Base64 of its text.
    {
      name: "Base64 of a text that holds it with no-break spaces between its characters",
      text: `data ${b64(`echo ${chars.join("\u00a0")} end`)}`,
    },
    { name: "a combining mark on each character", text: `echo ${chars.map((c) => `${c}\u0301`).join("")} end` },
    { name: "mathematical bold letters and digits", text: `echo ${chars.map(mathBold).join("")} end` },
    { name: "circled letters and digits", text: `echo ${chars.map(circled).join("")} end` },
    { name: "Cyrillic and Greek look-alike letters", text: `echo ${chars.map((c) => LOOK_ALIKE[c] ?? c).join("")} end` },
  ];
}

/** Characters a reader does not see (helper audit, 2026-12-04), by name. */
const UNSEEN: Record<string, string> = {
  "no-break spaces": "\u00a0",
  "thin spaces": "\u2009",
  "narrow no-break spaces": "\u202f",
  "medium mathematical spaces": "\u205f",
  "ideographic spaces": "\u3000",
  "Ogham space marks": "\u1680",
  "variation selectors": "\ufe0f",
  "combining grapheme joiners": "\u034f",
  "tag characters": "\u{e0041}\u{e007f}",
  "Hangul fillers": "\u3164\uffa0",
  "interlinear annotation anchors": "\ufff9",
  "Mongolian variation selectors": "\u180b",
  "Braille blanks": "\u2800",
  // Helper audit, 2026-12-04 (second): what the first list missed, now matched by Unicode property.
  "extended combining marks": "\u1ab0",
  "Cyrillic combining titlos": "\u0483",
  "Khmer inherent vowels": "\u17b4",
  "invisible operators (U+2065)": "\u2065",
  "musical format characters": "\u{1d173}",
  "non-characters (U+FFFE)": "\ufffe",
};

/** A UTF-16 unit as JavaScript escape() writes it. */
const percentU = (unit: number) => (unit < 0x80 ? `%${unit.toString(16).padStart(2, "0")}` : `%u${unit.toString(16).padStart(4, "0")}`);

/** Escaped five times, a different escape each time; the decoder needs five passes. */
function nestedFive(s: string): string {
  const refs = (t: string) => [...t].map((c) => `&#x${c.codePointAt(0)!.toString(16)};`).join("");
  return percentAll(allEscaped(refs(percentAll(s))));
}

function utf32(s: string, order: "LE" | "BE"): Buffer {
  const points = [...s].map((c) => c.codePointAt(0)!);
  const out = Buffer.alloc(points.length * 4);
  points.forEach((p, i) => {
    if (order === "LE") out.writeUInt32LE(p, i * 4);
    else out.writeUInt32BE(p, i * 4);
  });
  return out;
}

function mathBold(c: string): string {
  if (c >= "A" && c <= "Z") return String.fromCodePoint(0x1d400 + c.charCodeAt(0) - 65);
  if (c >= "a" && c <= "z") return String.fromCodePoint(0x1d41a + c.charCodeAt(0) - 97);
  if (c >= "0" && c <= "9") return String.fromCodePoint(0x1d7ce + c.charCodeAt(0) - 48);
  return c;
}

function circled(c: string): string {
  if (c >= "A" && c <= "Z") return String.fromCodePoint(0x24b6 + c.charCodeAt(0) - 65);
  if (c >= "a" && c <= "z") return String.fromCodePoint(0x24d0 + c.charCodeAt(0) - 97);
  if (c === "0") return "\u24ea";
  if (c >= "1" && c <= "9") return String.fromCodePoint(0x2460 + c.charCodeAt(0) - 49);
  return c;
}

/** ASCII letters and the Cyrillic or Greek letter drawn the same. */
export const LOOK_ALIKE: Record<string, string> = {
  a: "а",
  c: "с",
  e: "е",
  o: "о",
  p: "р",
  x: "х",
  y: "у",
  A: "А",
  B: "В",
  C: "С",
  E: "Е",
  H: "Н",
  K: "К",
  M: "М",
  O: "О",
  P: "Р",
  T: "Т",
  X: "Χ",
  Z: "Ζ",
  N: "Ν",
};
