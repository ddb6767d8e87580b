import { expect, test } from "vitest";
import { sharedCredential } from "./shared-credentials.js";

const vars = {
  primary: "IDME_TOKEN_PRIMARY",
  secondary: "IDME_TOKEN_SECONDARY",
  inactiveAccount: "IDME_TOKEN_INACTIVE_ACCOUNT",
  productDisabled: "IDME_TOKEN_PRODUCT_DISABLED",
  productInactive: "IDME_TOKEN_PRODUCT_INACTIVE",
  rateLimited: "IDME_TOKEN_RATE_LIMITED",
};
const products = { disabledForProductDisabledRole: "telecom.identity", inactiveForProductInactiveRole: "document.passport.verify" };

test("different tokens for every role pass", () => {
  expect(sharedCredential({ primary: "a", secondary: "b", inactiveAccount: "c", rateLimited: "d" }, vars, [], products)).toBeUndefined();
});

test("primary and secondary sharing one token: one line naming both roles and their variables, never the token", () => {
  const problem = sharedCredential({ primary: "tok-123", secondary: "tok-123 " }, vars, [], products);
  expect(problem).toBe(
    "role primary (IDME_TOKEN_PRIMARY) and role secondary (IDME_TOKEN_SECONDARY) hold the same credential, but must be different accounts; set IDME_TOKEN_SECONDARY to another account's token, or unset it",
  );
  expect(problem).not.toContain("tok-123");
});

test("an active role and a refused one, the rate-limited account and the pool's: all different accounts", () => {
  expect(sharedCredential({ primary: "a", inactiveAccount: "a" }, vars, [], products)).toMatch(
    /^role primary .* and role inactiveAccount /,
  );
  expect(sharedCredential({ secondary: "a", rateLimited: "a", primary: "p" }, vars, [], products)).toMatch(
    /^role secondary .* and role rateLimited /,
  );
  expect(
    sharedCredential({ primary: "p", rateLimited: "r" }, vars, [{ token: "r", variable: "IDME_TOKEN_RATE_LIMITED_2" }], products),
  ).toBe(
    "role rateLimited (IDME_TOKEN_RATE_LIMITED) and rateLimitedPool (IDME_TOKEN_RATE_LIMITED_2) hold the same credential, but must be different accounts; set IDME_TOKEN_RATE_LIMITED_2 to another account's token, or unset it",
  );
});

test("productDisabled and productInactive may be one account, unless the profile names one product for both", () => {
  const both = { primary: "p", productDisabled: "x", productInactive: "x" };
  expect(sharedCredential(both, vars, [], products)).toBeUndefined();
  expect(sharedCredential(both, vars, [], {})).toBeUndefined();
  const same = { disabledForProductDisabledRole: "telecom.identity", inactiveForProductInactiveRole: "telecom.identity" };
  expect(sharedCredential(both, vars, [], same)).toMatch(/^role productDisabled .* and role productInactive /);
  expect(sharedCredential({ primary: "x", productDisabled: "x" }, vars, [], products)).toMatch(
    /^role primary .* and role productDisabled /,
  );
});

test("one variable named for two roles says to give each its own in the profile", () => {
  expect(sharedCredential({ primary: "a", secondary: "a" }, { primary: "IDME_TOKEN", secondary: "IDME_TOKEN" }, [], {})).toBe(
    "role primary (IDME_TOKEN) and role secondary (IDME_TOKEN) must be different accounts, but the profile names one variable for both; give each its own in the profile",
  );
});
