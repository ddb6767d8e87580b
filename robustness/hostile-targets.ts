/**
 * Hostile targets: the embedded mock with canary accounts and one Fault that sends the caller's
 * credential back in every way a careless or malicious server might: in the body in plain, JSON-`\u`-
 * escaped, re-encoded (Base64 at several offsets, Base64url, hex, URL-encoded), in response headers,
 * forwarded with the webhook, or as the id of a resource the suite then asks for (the id reaches the
 * suite redacted, so the next request's URL holds the placeholder, never the secret).
 * robustness/hostile-targets.test.ts runs the CLI against each and scans every artifact.
 *
 * Every leak also carries a *control* string in exactly the same forms: it is no secret, so the
 * harness keeps it, and the scanner must find it in the artifacts (proof that it looks where the
 * leaks would land).
 */
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { stringify } from "yaml";
import type { Fault, MockBehaviour, MockReply, ReplyContext } from "../mock/faults-api.js";
import { addTransform } from "../mock/faults-api.js";
import { LOOK_ALIKE } from "../harness/secret-samples.js";
import { defaultFixtures, tokenOf } from "../mock/fixtures.js";
import { startMock } from "../mock/server.js";
import { ROLES, type FixturesInput, type Role } from "../mock/types.js";

export type HostileCase = "plain" | "json-escaped" | "re-encoded" | "hidden" | "split" | "header" | "webhook-forward" | "url";
export const HOSTILE_CASES: readonly HostileCase[] = [
  "plain",
  "json-escaped",
  "re-encoded",
  "hidden",
  "split",
  "header",
  "webhook-forward",
  "url",
];

export interface Canaries {
  /** role → the account's secret (the canary) */
  secrets: Record<Role, string>;
  /** role → its token (Base64 of the secret) */
  tokens: Record<Role, string>;
  /** echoed like a secret, but no secret: the scanner must find it */
  control: string;
  /** the same for the `split` case, which cuts tokens in pieces: a token (D1's form), whose runs the scanner finds */
  controlToken: string;
}

/**
 * Canary secrets with characters that every encoding changes: a space, `/`, `+`, `&`, a quote and a
 * non-ASCII letter (URL-encoding, JSON and XML escaping, UTF-8 bytes in hex and Base64 all differ
 * from the plain text).
 */
export function makeCanaries(): Canaries {
  const secrets = {} as Record<Role, string>;
  const tokens = {} as Record<Role, string>;
  for (const role of ROLES) {
    secrets[role] = `canary ${role}/${randomBytes(6).toString("hex")}+&"é`;
    tokens[role] = tokenOf(secrets[role]);
  }
  // "???" first: its Base64 holds a `/`, so the control has distinct Base64 and Base64url forms too.
  return {
    secrets,
    tokens,
    control: `???hostile-control-${randomBytes(6).toString("hex")}`,
    controlToken: tokenOf(`control/${randomBytes(12).toString("hex")}+&"é`),
  };
}

/** The default fixtures with the canary secrets in place of the accounts' secrets. */
export function canaryFixtures(c: Canaries): FixturesInput {
  const accounts = defaultFixtures().accounts;
  for (const role of ROLES) accounts[role] = { ...accounts[role], secret: c.secrets[role] };
  return { accounts };
}

const hex = (s: string) => Buffer.from(s, "utf8").toString("hex");
const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");
const u4 = (ch: string, upper = false) => {
  const h = ch.charCodeAt(0).toString(16).padStart(4, "0");
  return `\\u${upper ? h.toUpperCase() : h}`;
};
/** Inner text of a JSON string literal, as JSON.stringify writes it. */
const literal = (s: string) => JSON.stringify(s).slice(1, -1);

/**
 * The forms a case writes a value in, each as the inner text of a JSON string literal (so escapes
 * reach the wire as written).
 */
export function leakForms(c: HostileCase, value: string): string[] {
  switch (c) {
    case "json-escaped": {
      const chars = [...value];
      const at = (i: number, upper = false) => chars.map((ch, j) => (j === i ? u4(ch, upper) : literal(ch))).join("");
      return [
        at(0), // "\u00592Fu…": the first character escaped
        at(Math.floor(chars.length / 2), true),
        at(chars.length - 1),
        chars.map((ch) => u4(ch)).join(""), // every character
        chars.map((ch, j) => (j % 2 ? u4(ch, true) : literal(ch).replace(/\//g, "\\/"))).join(""), // every other one, `\/` too
      ];
    }
    case "re-encoded":
      return [
        b64(value),
        b64(value).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, ""),
        b64(`x${value}`), // inside a longer Base64 blob, offset 1
        b64(`xy${value} and more`), // offset 2
        hex(value),
        hex(value).toUpperCase(),
        encodeURIComponent(value),
        [...Buffer.from(value, "utf8")].map((b) => `%${b.toString(16).padStart(2, "0")}`).join(""), // every byte
        b64(encodeURIComponent(value)),
      ].map(literal);
    case "hidden": {
      // What a terminal or a page does not show between the characters, or what a reader undoes at a glance; the
      // escape sequence is sent raw (the body is no longer JSON, as a hostile target may well answer).
      const chars = [...value];
      return [
        chars.join("\u200b"),
        chars.join("\u001b[0m"),
        literal(b64(`ab${value}`).replace(/.{8}/g, "$&\r\n")), // Base64 wrapped (RFC 2045 at 76 columns)
        hex(value).replace(/..(?!$)/g, "$&:"),
        Buffer.from(value, "utf16le").toString("base64"),
        literal([...chars].reverse().join("")),
        literal(value.toLowerCase()),
      ];
    }
    case "split": {
      // Pieces of a token (helper audit, 2026-12-04): all of it but one character, a character put in, its halves
      // swapped; and the forms a reader does not tell from it: Unicode spaces between its characters, look-alike letters.
      const chars = [...value];
      const half = chars.length >> 1;
      return [
        chars.slice(0, -1).join(""),
        [...chars.slice(0, half), "-", ...chars.slice(half)].join(""),
        [...chars.slice(half), " ", ...chars.slice(0, half)].join(""),
        chars.join("\u00a0"),
        chars.join("\u3000"),
        chars.map((ch) => LOOK_ALIKE[ch] ?? ch).join(""),
      ].map(literal);
    }
    default:
      return [literal(value)];
  }
}

/** The token and the secret of the request's Authorization header (last word, Base64-decoded). */
function credentialOf(ctx: ReplyContext): { authorization: string; token: string; secret: string } | undefined {
  const authorization = ctx.request?.headers.authorization;
  if (typeof authorization !== "string" || authorization.trim() === "") return undefined;
  const token = authorization.trim().split(/\s+/).at(-1)!;
  return { authorization, token, secret: Buffer.from(token, "base64").toString("utf8") };
}

/** `{"leak": "…", …body}` with every error message replaced by the leak too (exact-message checks then quote it). */
function withLeak(body: unknown, leak: string): string {
  const MARK = "@@LEAK@@";
  const base =
    body !== null && typeof body === "object" && !Array.isArray(body)
      ? structuredClone(body as Record<string, unknown>)
      : { body: body ?? null };
  const errors = (base as { errors?: unknown }).errors;
  if (Array.isArray(errors)) for (const e of errors) if (e && typeof e === "object") (e as { message?: unknown }).message = MARK;
  return JSON.stringify({ leak: MARK, ...base })
    .split(`"${MARK}"`)
    .join(`"${leak}"`);
}

const isTransaction = (b: unknown): b is Record<string, unknown> =>
  b !== null && typeof b === "object" && typeof (b as { transaction_id?: unknown }).transaction_id === "string";

export function hostileFault(c: HostileCase, control: string, controlToken: string): Fault {
  const apply = (b: MockBehaviour): void => {
    // The last credential seen, for the webhook (a callback has no request of its own).
    let last: ReturnType<typeof credentialOf>;
    addTransform(b, (reply: MockReply, ctx: ReplyContext): MockReply => {
      const cred = ctx.kind === "response" ? credentialOf(ctx) : last;
      if (ctx.kind === "response" && cred) last = cred;
      const values = cred ? [cred.authorization, cred.token, cred.secret, control] : [control];
      switch (c) {
        case "split": {
          // The tokens only (the runs of a token are what is matched), in the body and across a header's name and value.
          const tokens = cred ? [cred.token, controlToken] : [controlToken];
          const headers: Record<string, string> = { ...reply.headers, "content-type": "application/json; charset=utf-8" };
          for (const [i, t] of tokens.entries()) {
            // Ten characters of its second half in the name (where they are valid there: no `/` or `=`), ten in the value.
            const at = [...Array(t.length - 20).keys()]
              .reverse()
              .find((k) => k >= t.length / 2 && /^[A-Za-z0-9+]{10}$/.test(t.slice(k, k + 10)));
            if (at !== undefined) headers[`x-${i}-${t.slice(at, at + 10)}`] = t.slice(at + 10, at + 20);
          }
          return { ...reply, headers, body: withLeak(reply.body, tokens.flatMap((v) => leakForms(c, v)).join(" | ")) };
        }
        case "plain":
        case "json-escaped":
        case "re-encoded":
        case "hidden": {
          const leak = values.flatMap((v) => leakForms(c, v)).join(" | ");
          return {
            ...reply,
            headers: { ...reply.headers, "content-type": "application/json; charset=utf-8" },
            body: withLeak(reply.body, leak),
          };
        }
        case "header": {
          const h: Record<string, string> = { ...reply.headers, "x-echo-control": control };
          if (cred) {
            h["x-echo-authorization"] = cred.authorization;
            h["x-echo-secret"] = cred.secret; // latin1 on the wire: é is one byte
            h["x-echo-token-b64"] = b64(cred.token);
            h["x-echo-secret-hex"] = hex(cred.secret);
            h["x-echo-secret-url"] = encodeURIComponent(cred.secret);
            h["set-cookie"] = `sid=${cred.token}; Path=/`;
            h[`x-${hex(cred.secret).slice(0, 48)}`] = "a header name that is the secret's hex";
          }
          return { ...reply, headers: h };
        }
        case "webhook-forward": {
          if (ctx.kind !== "webhook" || !cred) return reply;
          // First in the body, so the part of it a failure message quotes holds it.
          const body = {
            forwarded: { authorization: cred.authorization, token: cred.token, control },
            ...(reply.body as Record<string, unknown>),
          };
          return {
            ...reply,
            headers: { ...reply.headers, authorization: cred.authorization, "x-forwarded-token": cred.token, "x-control": control },
            body,
          };
        }
        case "url": {
          // The id the suite then puts into the path of its next request (GET /api/v2/telecom/{id}).
          if (!cred || !isTransaction(reply.body)) return reply;
          return {
            ...reply,
            body: { ...reply.body, transaction_id: `${control}.${cred.token}`, verification_id: `${control}.${cred.secret}` },
          };
        }
      }
    });
  };
  return {
    id: `hostile-${c}`,
    title: `echoes the caller's credential (${c})`,
    description: "Sends the caller's Authorization header, token and secret back in a form the harness must redact.",
    apply,
  };
}

export interface HostileTarget {
  baseUrl: string;
  close(): Promise<void>;
}

export async function startHostileTarget(c: HostileCase, canaries: Canaries): Promise<HostileTarget> {
  const mock = await startMock({ fixtures: canaryFixtures(canaries), faults: [hostileFault(c, canaries.control, canaries.controlToken)] });
  return { baseUrl: mock.baseUrl, close: mock.close };
}

/** Environment variable of each role in the profile `writeHostileProfile` writes. */
export const envNameOf = (role: Role): string => `IDME_HOSTILE_TOKEN_${role.replace(/[A-Z]/g, (l) => `_${l}`).toUpperCase()}`;

/** A profile naming every role's variable, with the mock's facts and short timeouts. */
export function writeHostileProfile(path: string): void {
  writeFileSync(
    path,
    stringify({
      name: "hostile-target",
      description: "The embedded mock with a hostile fault, run as a foreign target (robustness/hostile-targets.test.ts).",
      credentials: Object.fromEntries(ROLES.map((r) => [r, envNameOf(r)])),
      products: { disabledForProductDisabledRole: "telecom.identity", inactiveForProductInactiveRole: "document.passport.verify" },
      rateLimits: { perProduct: 3, perAccount: 5, windowMs: 500 },
      polling: { intervalMs: 25, maxWaitMs: 1000 },
      timeouts: { requestMs: 3000, webhookWaitMs: 2000 },
      strict: { exactMessages: true, exactEdges: true, requireRetryAfter: true },
      capabilities: { rateLimitTests: true, webhookTests: true, serverErrorTrigger: false, documentFailCodes: true, otpExpiry: true },
      webhook: { listenHost: "127.0.0.1", quietMs: 300 },
      requestBudget: 300,
    }),
  );
}
