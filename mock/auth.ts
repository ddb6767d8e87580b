// D1: `Authorization: Bearer ID.me <base64(secret)>`; 1100 / 1200 / 1300 otherwise.
import type { MockBehaviour } from "./behaviour.js";
import type { AccountFixture } from "./types.js";
import { own } from "./own.js";
import { stop } from "./reply.js";

export { decodeToken, tokenText } from "./auth-header.js";

export interface Caller {
  name: string;
  account: AccountFixture;
}

/** Finds the calling account or stops with 401. */
export function authenticate(header: string | undefined, behaviour: MockBehaviour): Caller {
  const { codes, acceptLegacyScheme } = behaviour.auth;
  const text = behaviour.auth.tokenText(header, acceptLegacyScheme);
  const secret = text === undefined ? undefined : behaviour.auth.decodeToken(text);
  const found = secret === undefined ? undefined : Object.entries(behaviour.fixtures.accounts).find(([, a]) => a.secret === secret);
  if (!found) return stop([codes.unknown]);
  const [name, account] = found;
  if (!account.active) return stop([codes.inactiveAccount]);
  const org = own(behaviour.fixtures.organizations, account.organization);
  if (!org?.active) return stop([codes.inactiveOrganization]);
  return { name, account };
}
