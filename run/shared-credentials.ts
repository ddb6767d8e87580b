/**
 * Defines `sharedCredential`: two roles that must be different accounts given one credential. Each role is
 * an account in a state its tests rely on (README, credentials.<role>): primary and secondary two active
 * accounts (the ownership tests need the second), inactiveAccount and inactiveOrg refused everything,
 * productDisabled and productInactive without one product, rateLimited (and each rateLimitedPool account)
 * with limits that any other request would spend. Given one token, the tests would fail and read as the
 * target's fault, so the run stops before any request. Only values are compared; none is ever printed.
 */
import type { Profile, Role } from "./profile.js";

interface Holder {
  /** how the message names it: `role primary (IDME_TOKEN_PRIMARY)` */
  label: string;
  variable: string;
  token: string;
  role?: Role;
}

/**
 * One account can lack one product and belong to an organization where another is inactive: productDisabled
 * and productInactive may share it unless the profile names the same product for both (2300 or 2200, not both).
 */
function mayShare(a: Holder, b: Holder, products: Profile["products"]): boolean {
  const pair = new Set([a.role, b.role]);
  if (!pair.has("productDisabled") || !pair.has("productInactive")) return false;
  const { disabledForProductDisabledRole: disabled, inactiveForProductInactiveRole: inactive } = products;
  return disabled === undefined || inactive === undefined || disabled !== inactive;
}

/** The one-line problem when two holders that must be different accounts share a credential, else undefined. */
export function sharedCredential(
  credentials: Partial<Record<Role, string>>,
  variables: Partial<Record<Role, string>>,
  pool: readonly { token: string; variable: string }[],
  products: Profile["products"],
): string | undefined {
  const holders: Holder[] = [
    ...(Object.entries(credentials) as [Role, string][]).map(([role, token]) => ({
      label: `role ${role} (${variables[role]})`,
      variable: variables[role] ?? "?",
      token,
      role,
    })),
    ...pool.map((a) => ({ label: `rateLimitedPool (${a.variable})`, variable: a.variable, token: a.token })),
  ];
  for (const [i, a] of holders.entries())
    for (const b of holders.slice(i + 1)) {
      if (a.token.trim() !== b.token.trim() || mayShare(a, b, products)) continue;
      if (a.variable === b.variable)
        return `${a.label} and ${b.label} must be different accounts, but the profile names one variable for both; give each its own in the profile`;
      return `${a.label} and ${b.label} hold the same credential, but must be different accounts; set ${b.variable} to another account's token, or unset it`;
    }
  return undefined;
}
