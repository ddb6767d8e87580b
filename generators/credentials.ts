/**
 * Authorization header values named by what they are (D1). Functions of the token, so a test
 * reads the role's token only when it runs (a missing credential becomes a skip, not a crash).
 */
import { bearer } from "../harness/client.js";
import { faker } from "./random.js";

const b64 = (s: string): string => Buffer.from(s, "utf8").toString("base64");

export const authHeader = {
  /** The canonical form (D1). */
  valid: (token: string): string => bearer(token),
  /** A valid credential under another scheme: a target that ignores the scheme lets it in. */
  basic: (token: string): string => `Basic ${token}`,
  /** `Bearer <token>` without the `ID.me` part. */
  bareBearer: (token: string): string => `Bearer ${token}`,
  /** The token with no scheme at all. */
  bareToken: (token: string): string => token,
  /** The valid token with characters Base64 never uses inserted: a lenient decoder (one that skips them) finds the real secret. */
  notBase64: (token: string): string => bearer(`${token.slice(0, 4)}*%!~${token.slice(4)}`),
  /** Base64 of an account's secret with more text after it (a comparison on the stored secret's length lets it in). */
  extendedSecret: (token: string): string =>
    bearer(b64(`${Buffer.from(token, "base64").toString("utf8")}-${faker.string.alphanumeric(8)}`)),
  /** Base64 of an account's secret without its last character (a prefix comparison lets it in). */
  truncatedSecret: (token: string): string => bearer(b64(Buffer.from(token, "base64").toString("utf8").slice(0, -1))),
  /** Well-formed Base64 of a secret no account has. */
  unknownSecret: (): string => bearer(b64(`unknown-${faker.string.alphanumeric(24)}`)),
  /** The form of an older documentation page (OPEN). */
  legacy: (token: string): string => `ID.me ${token}`,
  /** Spaces and tabs around the Base64 text (a newline cannot travel in an HTTP header). */
  spacedToken: (token: string): string => `Bearer ID.me   ${token}  `,
  tabbedToken: (token: string): string => `Bearer ID.me \t${token}\t`,
};
