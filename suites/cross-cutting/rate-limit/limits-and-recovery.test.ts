// RATE-01…09 (D33, D23, D15): the product limit (5100) and the account limit (5200) told apart, and lifted again.
// One file on purpose: its tests run in order and are the only users of the rateLimited role; each starts
// in a fresh window (harness/rate-window.ts waits at most the profile's window plus a margin).
import { conformance, observe, type Needs } from "../../../harness/conformance.js";
import type { Exchange } from "../../../harness/exchange.js";
import type { ApiClient } from "../../../harness/client.js";
import type { Profile } from "../../../harness/profile.js";
import { expectError, expectStatus, expectThat } from "../../../harness/expect.js";
import { burst, freshWindow } from "../../../harness/rate-window.js";
import { minimalRequest } from "../../../generators/requests.js";
import { phone, smsSend } from "../../../generators/telecom.js";

const needs: Needs = { roles: ["rateLimited"], capabilities: ["rateLimitTests"], profile: ["rateLimits"] };

/** Cheap requests: a send counts for the product and the account; a new verification only for the account. */
const product = (api: ApiClient) => () => api.call("sendSmsCode", { ...minimalRequest("sendSmsCode"), auth: "rateLimited" });
const otherProduct = (api: ApiClient) =>
  api.call("verifyTelecomIdentity", { ...minimalRequest("verifyTelecomIdentity"), auth: "rateLimited" });
const accountOnly = (api: ApiClient) => () =>
  api.call("createVerification", { ...minimalRequest("createVerification"), auth: "rateLimited" });
const limits = (p: Profile) => p.rateLimits ?? { perProduct: 0, perAccount: 0, windowMs: 0 };

/** Arrange-step check: every request of a burst was let through. */
function expectAllAdmitted(xs: readonly Exchange[], what: string): void {
  const refused = xs.filter((x) => x.status !== 200);
  expectThat(refused[0] ?? xs[xs.length - 1], refused.length === 0, {
    check: "rate_limit_admitted",
    title: `${what}: every request within the limit is answered 200`,
    expected: `${xs.length} × HTTP 200`,
    received: xs.map((x) => x.status).join(", "),
    hint: "The profile's rateLimits (perProduct, perAccount, windowMs) must match the target's limits for this account.",
  });
}

conformance(
  "RATE-01",
  "answers the product's request past its limit with 429 / 5100",
  async ({ api, profile }) => {
    await freshWindow(profile);
    expectAllAdmitted(await burst(limits(profile).perProduct, product(api)), "product burst");

    const x = await product(api)();

    expectError(x, 429, 5100);
  },
  needs,
);

conformance(
  "RATE-02",
  "answers a request past the account's limit with 429 / 5200",
  async ({ api, profile }) => {
    await freshWindow(profile);
    expectAllAdmitted(await burst(limits(profile).perAccount, accountOnly(api)), "account burst");

    const x = await accountOnly(api)();

    expectError(x, 429, 5200);
  },
  needs,
);

conformance(
  "RATE-03",
  "answers 5200 when the account and the product limits are both passed",
  async ({ api, profile }) => {
    await freshWindow(profile);
    expectAllAdmitted(await burst(limits(profile).perProduct, product(api)), "product burst");
    expectAllAdmitted(await burst(limits(profile).perAccount - limits(profile).perProduct, accountOnly(api)), "rest of the account");

    const x = await product(api)();

    expectError(x, 429, 5200, "D15/D33: the account limit is checked before the product limit.");
  },
  needs,
);

conformance(
  "RATE-04",
  "does not count a refused request against the account limit",
  async ({ api, profile }) => {
    await freshWindow(profile);
    expectAllAdmitted(await burst(limits(profile).perProduct, product(api)), "product burst");
    expectError(await product(api)(), 429, 5100, "arrange: one request refused by the product limit");

    const rest = await burst(limits(profile).perAccount - limits(profile).perProduct, accountOnly(api));

    expectAllAdmitted(rest, "D33: the refused request left the account's budget untouched, so the rest of it");
  },
  needs,
);

conformance(
  "RATE-05",
  "keeps another product available when one product's limit is reached",
  async ({ api, profile }) => {
    await freshWindow(profile);
    expectAllAdmitted(await burst(limits(profile).perProduct, product(api)), "product burst");

    const x = await otherProduct(api);

    expectStatus(x, 200, "D33: a product limit counts only that product's transaction POSTs.");
  },
  needs,
);

conformance(
  "RATE-06",
  "sends Retry-After in whole seconds, within the window, on a 429",
  async ({ api, profile }) => {
    await freshWindow(profile);
    expectAllAdmitted(await burst(limits(profile).perProduct, product(api)), "product burst");
    const x = await product(api)();
    expectError(x, 429, 5100, "arrange: a 429");

    const value = x.response.headers["retry-after"];

    expectThat(x, /^\d+$/.test(value ?? "") && Number(value) <= Math.ceil(limits(profile).windowMs / 1000), {
      check: "retry_after",
      title: "Retry-After holds the seconds until the limit lifts",
      expected: `Retry-After: an integer from 0 to ${Math.ceil(limits(profile).windowMs / 1000)}`,
      received: `Retry-After: ${value ?? "(absent)"}`,
      hint: "D23: required only where the profile sets strict.requireRetryAfter.",
    });
  },
  { ...needs, strict: ["requireRetryAfter"] },
);

observe(
  "RATE-07",
  "records whether a 429 carries Retry-After and its value",
  async ({ api, profile, record }) => {
    await freshWindow(profile);
    await burst(limits(profile).perProduct, product(api));
    const x = await product(api)();

    await record("Retry-After on a 429", {
      status: x.status,
      codes: x.errorCodes(),
      retryAfter: x.response.headers["retry-after"] ?? null,
    });
  },
  needs,
);

const recovery = [
  { req: "RATE-08", limit: "product", code: 5100, count: (p: Profile) => limits(p).perProduct, send: product },
  { req: "RATE-08", limit: "account", code: 5200, count: (p: Profile) => limits(p).perAccount, send: accountOnly },
] as const;

conformance.for(recovery)(
  "answers the refused request with 200 again after the $limit window",
  async (row, { api, profile }) => {
    await freshWindow(profile);
    await burst(row.count(profile), row.send(api));
    expectError(await row.send(api)(), 429, row.code, "arrange: the limit is reached");
    await freshWindow(profile);

    const x = await row.send(api)();

    expectStatus(x, 200, "A limit lifts after its window: the same request succeeds again.");
  },
  needs,
);

conformance(
  "RATE-09",
  "answers a rate-limited request with invalid inputs with 429, not 422",
  async ({ api, profile }) => {
    await freshWindow(profile);
    expectAllAdmitted(await burst(limits(profile).perProduct, product(api)), "product burst");

    const x = await api.call("sendSmsCode", { body: smsSend.with({ phone: phone.success().slice(1) }), auth: "rateLimited" });

    expectError(x, 429, 5100, "D15: the rate limit is checked before the inputs.");
  },
  needs,
);
