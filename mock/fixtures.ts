// Default fixtures (the seven roles of docs/ARCHITECTURE.md), merging, tokens (files: mock/fixtures-file.ts).
import type { AccountFixture, Fixtures, FixturesInput, Role } from "./types.js";
import { ROLES } from "./types.js";

// The window is the mock's to choose (issue 11): long enough for a burst to fit on a loaded machine, short enough
// that RATE-08's wait for a fresh one (window + 150 ms) ends about with the run's other files (BENCHMARKS.md).
// 500 ms was too short: in `npm test`, beside the other test files, fault detection's rate-limit tests could not
// judge (a test's requests spanned more than the window) and three rate-limit faults went uncaught.
export const DEFAULT_RATE_LIMIT = { perProduct: 3, perAccount: 5, windowMs: 1000 } as const;
/** Accounts rateLimited2 … rateLimited<N+1>, each with the rateLimited role's limits. */
export const RATE_LIMITED_POOL = 12;

export function defaultFixtures(): Fixtures {
  const account = (secret: string, extra: Partial<AccountFixture> = {}): AccountFixture => ({
    secret,
    active: true,
    organization: "org-active",
    ...extra,
  });
  return {
    organizations: {
      "org-active": { active: true },
      "org-inactive": { active: false },
      "org-passport-inactive": { active: true, inactiveProducts: ["document.passport.verify"] },
    },
    accounts: {
      primary: account("mock-secret-primary"),
      secondary: account("mock-secret-secondary"),
      inactiveAccount: account("mock-secret-inactive-account", { active: false }),
      inactiveOrg: account("mock-secret-inactive-org", { organization: "org-inactive" }),
      productDisabled: account("mock-secret-product-disabled", { disabledProducts: ["telecom.identity"] }),
      productInactive: account("mock-secret-product-inactive", { organization: "org-passport-inactive" }),
      rateLimited: account("mock-secret-rate-limited", { rateLimit: { ...DEFAULT_RATE_LIMIT } }),
      // More accounts with the same limits: the suite's rate-limit tests each take one (a fresh window, no wait).
      ...Object.fromEntries(
        Array.from({ length: RATE_LIMITED_POOL }, (_, i) => [
          `rateLimited${i + 2}`,
          account(`mock-secret-rate-limited-${i + 2}`, { rateLimit: { ...DEFAULT_RATE_LIMIT } }),
        ]),
      ),
    },
    personas: [
      {
        phone: "8885550100",
        birth_date: "1980-01-01",
        outcome: "success",
        address: { street: "1 Main St", city: "Arlington", state: "VA", zip: "22201" },
      },
      {
        phone: "9995551014",
        birth_date: "1980-01-01",
        outcome: 1014,
        additional_info: "birth_date does not match data on file.",
      },
    ],
    auth: { acceptLegacyScheme: true },
    otp: { ttlMs: 10 * 60_000, maxWrongCodes: 3, successCode: "123123" },
    documents: { processingDelayMs: 10, minBytes: 40 * 1024, maxBytes: 16 * 1024 * 1024 },
    webhooks: { timeoutMs: 2000, retryDelayMs: 50, retries: 3, allowHosts: [], maxPending: 1000, logSize: 1000 },
    store: { maxTransactions: 10_000, maxVerifications: 10_000, maxTransactionsPerVerification: 100, ttlMs: 24 * 60 * 60_000 },
    seed: 1,
  };
}

/** Sections that hold a list of entities are replaced; settings sections are merged key by key. */
export function mergeFixtures(input: FixturesInput | undefined, base: Fixtures = defaultFixtures()): Fixtures {
  if (!input) return base;
  return {
    organizations: input.organizations ? (input.organizations as Fixtures["organizations"]) : base.organizations,
    accounts: input.accounts ? (input.accounts as Fixtures["accounts"]) : base.accounts,
    personas: input.personas ?? base.personas,
    auth: { ...base.auth, ...input.auth },
    otp: { ...base.otp, ...input.otp },
    documents: { ...base.documents, ...input.documents },
    webhooks: { ...base.webhooks, ...input.webhooks },
    store: { ...base.store, ...input.store },
    seed: input.seed ?? base.seed,
  };
}

/** A token is the Base64 of the account's secret (D1). */
export function tokenOf(secret: string): string {
  return Buffer.from(secret, "utf8").toString("base64");
}

export function tokensOf(fixtures: Fixtures): Record<Role, string> {
  const tokens: Record<string, string> = {};
  for (const [name, account] of Object.entries(fixtures.accounts)) tokens[name] = tokenOf(account.secret);
  return tokens as Record<Role, string>;
}

export function missingRoles(fixtures: Fixtures): Role[] {
  return ROLES.filter((r) => !Object.hasOwn(fixtures.accounts, r));
}
