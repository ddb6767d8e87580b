// D1: `Authorization: Bearer ID.me <base64(secret)>`; 1100 / 1200 / 1300 otherwise.
import type { MockBehaviour } from "./behaviour.js";
import type { AccountFixture } from "./types.js";
import { stop } from "./reply.js";

export interface Caller {
  name: string;
  account: AccountFixture;
}

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

/** Finds the calling account or stops with 401. */
export function authenticate(header: string | undefined, behaviour: MockBehaviour): Caller {
  const { codes, acceptLegacyScheme } = behaviour.auth;
  const text = tokenText(header, acceptLegacyScheme);
  const secret = text === undefined ? undefined : decodeToken(text);
  const found = secret === undefined
    ? undefined
    : Object.entries(behaviour.fixtures.accounts).find(([, a]) => a.secret === secret);
  if (!found) return stop([codes.unknown]);
  const [name, account] = found;
  if (!account.active) return stop([codes.inactiveAccount]);
  const org = behaviour.fixtures.organizations[account.organization];
  if (!org || !org.active) return stop([codes.inactiveOrganization]);
  return { name, account };
}
