/**
 * Defines `redact`: removes every known secret (plain, Base64 and URL-encoded forms) and any
 * `Authorization` value from text before it reaches a log, a report or an attachment.
 */
const PLACEHOLDER = "$IDME_TOKEN";

function forms(secret: string): string[] {
  const b64 = Buffer.from(secret, "utf8").toString("base64");
  return [secret, b64, b64.replace(/=+$/, ""), encodeURIComponent(secret)].filter((s) => s.length >= 6);
}

export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  const all = secrets.flatMap(forms).sort((a, b) => b.length - a.length); // longest first
  for (const s of all) out = out.split(s).join(PLACEHOLDER);
  return out;
}

/** Header maps with the Authorization value masked (keeps the scheme so a reader sees the form). */
export function redactHeaders(headers: Record<string, string>, secrets: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    out[k] = k.toLowerCase() === "authorization" ? maskAuthorization(v) : redact(v, secrets);
  }
  return out;
}

/** `Bearer ID.me c2VjcmV0` → `Bearer ID.me $IDME_TOKEN`; the scheme words stay, the credential goes. */
export function maskAuthorization(value: string, placeholder = PLACEHOLDER): string {
  const words = value.trim().split(/\s+/);
  if (words.length <= 1) return placeholder;
  const schemeWords = words.slice(0, -1).filter((w) => /^(Bearer|Basic|ID\.me|Token)$/i.test(w));
  return [...schemeWords, placeholder].join(" ");
}
