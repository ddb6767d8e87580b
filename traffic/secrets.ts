/**
 * Defines `TrafficSecrets`: the credentials of traffic the suite did not send itself. A proxied SDK or a
 * recorded session carries its own Authorization headers, so the secrets to redact are collected from the
 * traffic (each credential header's last word: the token, and the secret it decodes to) and from the
 * IDME_TOKEN_* variables of the environment. Everything written goes through `redactor()` built from all of
 * them (harness/redact.ts: every encoded form); cookies are masked whole, their values are nobody's business.
 */
import { createRedactor, PLACEHOLDER, type Redactor } from "../harness/redact.js";
import { MIN_SECRET_LENGTH } from "../harness/secret-forms.js";

const CREDENTIAL_HEADERS = new Set(["authorization", "proxy-authorization", "x-api-key"]);

/** The credential of a header value: its last word (`Bearer ID.me <token>` → the token). */
export function credentialOf(value: string): string | undefined {
  const word = value.trim().split(/\s+/).at(-1);
  return word && word !== PLACEHOLDER && word.length >= MIN_SECRET_LENGTH ? word : undefined;
}

export class TrafficSecrets {
  private readonly found = new Set<string>();
  private cached: Redactor | undefined;

  constructor(env: NodeJS.ProcessEnv = {}) {
    for (const [name, value] of Object.entries(env)) if (/^IDME_TOKEN/.test(name) && value) this.addSecret(value);
  }

  addSecret(secret: string): void {
    const s = secret.trim();
    if (s.length < MIN_SECRET_LENGTH || s === PLACEHOLDER || this.found.has(s)) return;
    this.found.add(s);
    this.cached = undefined;
  }

  /** Collects the credentials of a request's (or a response's) headers. */
  addHeaders(headers: Readonly<Record<string, string>>): void {
    for (const [k, v] of Object.entries(headers)) {
      if (!CREDENTIAL_HEADERS.has(k.toLowerCase())) continue;
      const c = credentialOf(v);
      if (c) this.addSecret(c);
    }
  }

  get size(): number {
    return this.found.size;
  }

  /** A redactor for every secret collected so far (remade only when a new one was found). */
  redactor(): Redactor {
    this.cached ??= createRedactor([...this.found]);
    return this.cached;
  }
}

/** `a=1; b=2` → `a=…; b=…` (cookies of a recorded session are credentials the suite cannot know). */
export function maskCookies(value: string): string {
  return value
    .split(/;\s*/)
    .map((pair, i) => {
      const eq = pair.indexOf("=");
      // In Set-Cookie only the first pair is the cookie; the rest are its attributes (Path, Expires…).
      if (eq < 0 || (i > 0 && /^(path|domain|expires|max-age|samesite)$/i.test(pair.slice(0, eq)))) return pair;
      return `${pair.slice(0, eq)}=${PLACEHOLDER}`;
    })
    .join("; ");
}

/** Header values with credentials masked (Authorization keeps its scheme words) and cookies masked. */
export function redactHeaders(h: Readonly<Record<string, string>>, r: Redactor): Record<string, string> {
  const out = r.headers(h);
  for (const k of Object.keys(out)) if (/^(set-)?cookie$/i.test(k)) out[k] = maskCookies(out[k]);
  for (const k of Object.keys(out)) if (k.toLowerCase() === "x-api-key") out[k] = PLACEHOLDER;
  return out;
}
