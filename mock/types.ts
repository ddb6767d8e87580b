// Shared types of the embedded mock: roles, products, fixtures (see docs/ARCHITECTURE.md).

export const ROLES = [
  "primary",
  "secondary",
  "inactiveAccount",
  "inactiveOrg",
  "productDisabled",
  "productInactive",
  "rateLimited",
] as const;
export type Role = (typeof ROLES)[number];

export const PRODUCTS = [
  "telecom.possession.sms",
  "telecom.identity",
  "document.license.verify",
  "document.passport.verify",
  "document.passcard.verify",
] as const;
export type Product = (typeof PRODUCTS)[number];

export interface RateLimitFixture {
  /** requests per product per window */
  perProduct: number;
  /** requests per account per window (all products) */
  perAccount: number;
  windowMs: number;
}

export interface OrganizationFixture {
  active: boolean;
  /** products that exist but are not active for this organization (403 2200) */
  inactiveProducts?: Product[];
}

export interface AccountFixture {
  /** the secret key; the token is its Base64 */
  secret: string;
  active: boolean;
  organization: string;
  /** products not enabled for this account (403 2300) */
  disabledProducts?: Product[];
  /** absent or null: unlimited */
  rateLimit?: RateLimitFixture | null;
}

export interface Address {
  street: string;
  city: string;
  state: string;
  zip: string;
}

/** A known identity: phone + birth date → outcome (README "Personas"). */
export interface PersonaFixture {
  phone: string;
  birth_date: string;
  /** "success" or a telecom transaction code (1001–1014) */
  outcome: "success" | number;
  address?: Address;
  additional_info?: string;
}

/** README M13: how much the store keeps. Oldest (by last write) goes first. A type, not an interface, so that
 * FixturesInput makes it partial like the other settings sections. */
export type StoreLimits = {
  maxTransactions: number;
  maxVerifications: number;
  /** a verification past this many drops its oldest transaction */
  maxTransactionsPerVerification: number;
  /** a record not written for this long is forgotten; null = kept until a cap evicts it */
  ttlMs: number | null;
};

export interface Fixtures {
  /** keyed by organization id */
  organizations: Record<string, OrganizationFixture>;
  /** keyed by role name (the tokens printed by the CLI use these keys) */
  accounts: Record<string, AccountFixture>;
  personas: PersonaFixture[];
  auth: { acceptLegacyScheme: boolean };
  otp: { ttlMs: number; maxWrongCodes: number; successCode: string };
  documents: { processingDelayMs: number; minBytes: number; maxBytes: number };
  webhooks: {
    timeoutMs: number;
    retryDelayMs: number;
    retries: number;
    /** extra hosts allowed as webhook targets; loopback is always allowed */
    allowHosts: string[];
    /** deliveries queued or in flight at once; a new one past it drops the oldest (README M14) */
    maxPending: number;
    /** delivery attempts kept in the log (the newest) */
    logSize: number;
  };
  store: StoreLimits;
  /** seed of the mock's random choices (outcomes, addresses) */
  seed: number;
}

/** What a fixtures file may hold: top-level sections replace, settings sections merge. */
export type FixturesInput = Partial<{
  [K in keyof Fixtures]: Fixtures[K] extends Record<string, unknown> ? Partial<Fixtures[K]> : Fixtures[K];
}>;
