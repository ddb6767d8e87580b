/**
 * Test material: a value written in every form the redactor and the scanner must recognise
 * (harness/secret-forms.ts), each embedded in surrounding text the way it would appear. Shared by
 * the redactor's and the scanner's unit tests, so both are held to one list.
 */
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
  ];
}
