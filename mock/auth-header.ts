// D1: reading `Authorization: Bearer ID.me <base64(secret)>`. Defaults of behaviour.auth (faults swap them).

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The Base64 text of the header, or undefined when the header has the wrong form. */
export function tokenText(header: string | undefined, acceptLegacy: boolean): string | undefined {
  if (typeof header !== "string") return undefined;
  // Scheme names are case-insensitive (RFC 9110); "ID.me" is taken as written.
  const m = /^\s*Bearer +ID\.me +(.*)$/is.exec(header) ?? (acceptLegacy ? /^\s*ID\.me +(.*)$/is.exec(header) : null);
  return m ? m[1] : undefined;
}

/** Decoded secret, or undefined when the text is not canonical Base64 (whitespace around it tolerated). */
export function decodeToken(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === "" || !BASE64.test(trimmed)) return undefined;
  return Buffer.from(trimmed, "base64").toString("utf8");
}
