// RATE-01…09 (D33, D23, D15): the product limit (5100) and the account limit (5200) told apart, and lifted again.
// One file on purpose: its tests run in order and are the only users of the rateLimited role; each starts
// in a fresh window (harness/rate-window.ts waits at most the profile's window plus a margin). A burst a test
// relies on, but does not judge, is an arrange step of the requirement that says it is admitted.
import { statusIs, that } from "../../checks/answers.js";
import { minimalRequest } from "../../generators/requests.js";
import { phone, smsSend } from "../../generators/telecom.js";
import type { Ctx, Needs } from "../../harness/conformance.js";
import { conformance, observe } from "../../harness/conformance.js";
import { expectError, expectStatus, must } from "../../harness/expect.js";
import { burst, freshWindow } from "../../harness/rate-window.js";
import type { Exchange } from "../../lib/exchange.js";
import type { Profile } from "../../run/profile.js";

const needs: Needs = { roles: ["rateLimited"], capabilities: ["rateLimitTests"], profile: ["rateLimits"] };

/** Cheap requests: a send counts for the product and the account; a new verification only for the account. */
const product = (t: Ctx) => () => t.api.call("sendSmsCode", { ...minimalRequest(t, "sendSmsCode"), auth: "rateLimited" });
const otherProduct = (t: Ctx) =>
  t.api.call("verifyTelecomIdentity", { ...minimalRequest(t, "verifyTelecomIdentity"), auth: "rateLimited" });
const accountOnly = (t: Ctx) => () => t.api.call("createVerification", { ...minimalRequest(t, "createVerification"), auth: "rateLimited" });
const limits = (p: Profile) => p.rateLimits ?? { perProduct: 0, perAccount: 0, windowMs: 0 };

/** Every request of a burst was let through. */
function expectAllAdmitted(xs: readonly Exchange[], what: string): void {
  const refused = xs.filter((x) => x.status !== 200);
  must(
    refused[0] ?? (xs[xs.length - 1] as Exchange),
    that(refused.length === 0, {
      check: "rate_limit_admitted",
      title: `${what}: every request within the limit is answered 200`,
      expected: `${xs.length} × HTTP 200`,
      received: xs.map((x) => x.status).join(", "),
      hint: "The profile's rateLimits (perProduct, perAccount, windowMs) must match the target's limits for this account.",
    }),
  );
}

/** A product burst up to the limit, as an arrange step (RATE-01 says it is admitted). */
const productBurst = async (t: Ctx) => {
  const xs = await burst(limits(t.profile).perProduct, product(t));
  await t.arrange("RATE-01", () => expectAllAdmitted(xs, "product burst"));
};

conformance(
  "RATE-01",
  "answers the product's request past its limit with 429 / 5100",
  async (t) => {
    await freshWindow(t.profile);
    expectAllAdmitted(await burst(limits(t.profile).perProduct, product(t)), "product burst");

    const x = await product(t)();

    expectError(x, 429, 5100);
  },
  needs,
);

conformance(
  "RATE-02",
  "answers a request past the account's limit with 429 / 5200",
  async (t) => {
    await freshWindow(t.profile);
    expectAllAdmitted(await burst(limits(t.profile).perAccount, accountOnly(t)), "account burst");

    const x = await accountOnly(t)();

    expectError(x, 429, 5200);
  },
  needs,
);

conformance(
  "RATE-03",
  "answers 5200 when the account and the product limits are both passed",
  async (t) => {
    await freshWindow(t.profile);
    await productBurst(t);
    const rest = await burst(limits(t.profile).perAccount - limits(t.profile).perProduct, accountOnly(t));
    await t.arrange("RATE-02", () => expectAllAdmitted(rest, "rest of the account"));

    const x = await product(t)();

    expectError(x, 429, 5200, "D15/D33: the account limit is checked before the product limit.");
  },
  needs,
);

observe(
  "RATE-04",
  "records whether a refused request counts against the account limit",
  async (t) => {
    await freshWindow(t.profile);
    await burst(limits(t.profile).perProduct, product(t));
    const refused = await product(t)();

    const rest = await burst(limits(t.profile).perAccount - limits(t.profile).perProduct, accountOnly(t));

    await t.record("a refused request and the rest of the account's budget", {
      refused: { status: refused.status, codes: refused.errorCodes() },
      restOfAccount: rest.map((x) => x.status),
      refusedCounted: rest.some((x) => x.status === 429),
    });
  },
  needs,
);

conformance(
  "RATE-05",
  "keeps another product available when one product's limit is reached",
  async (t) => {
    await freshWindow(t.profile);
    await productBurst(t);

    const x = await otherProduct(t);

    expectStatus(x, 200, "D33: a product limit counts only that product's transaction POSTs.");
  },
  needs,
);

conformance(
  "RATE-06",
  "sends Retry-After in whole seconds, within the window, on a 429",
  async (t) => {
    await freshWindow(t.profile);
    await productBurst(t);
    const x = await product(t)();
    await t.arrange("RATE-01", () => expectError(x, 429, 5100, "arrange: a 429"));

    const value = x.response.headers["retry-after"];

    must(
      x,
      that(/^\d+$/.test(value ?? "") && Number(value) <= Math.ceil(limits(t.profile).windowMs / 1000), {
        check: "retry_after",
        title: "Retry-After holds the seconds until the limit lifts",
        expected: `Retry-After: an integer from 0 to ${Math.ceil(limits(t.profile).windowMs / 1000)}`,
        received: `Retry-After: ${value ?? "(absent)"}`,
        hint: "D23: required where the profile sets strict.requireRetryAfter.",
      }),
    );
  },
  { ...needs, strict: ["requireRetryAfter"] },
);

observe(
  "RATE-07",
  "records whether a 429 carries Retry-After and its value",
  async (t) => {
    await freshWindow(t.profile);
    await burst(limits(t.profile).perProduct, product(t));
    const x = await product(t)();

    await t.record("Retry-After on a 429", {
      status: x.status,
      codes: x.errorCodes(),
      retryAfter: x.response.headers["retry-after"] ?? null,
    });
  },
  needs,
);

const recovery = [
  { req: "RATE-08", limit: "product", code: 5100, by: "RATE-01", count: (p: Profile) => limits(p).perProduct, send: product },
  { req: "RATE-08", limit: "account", code: 5200, by: "RATE-02", count: (p: Profile) => limits(p).perAccount, send: accountOnly },
] as const;

conformance.for(recovery)(
  "answers the refused request with 200 again after the $limit window",
  async (row, t) => {
    await freshWindow(t.profile);
    const xs = await burst(row.count(t.profile), row.send(t));
    const refused = await row.send(t)();
    await t.arrange(row.by, () => {
      expectAllAdmitted(xs, `${row.limit} burst`);
      expectError(refused, 429, row.code, "arrange: the limit is reached");
    });
    await freshWindow(t.profile);

    const x = await row.send(t)();

    must(x, statusIs(200, "A limit lifts after its window: the same request succeeds again."));
  },
  needs,
);

conformance(
  "RATE-09",
  "answers a rate-limited request with invalid inputs with 429, not 422",
  async (t) => {
    await freshWindow(t.profile);
    await productBurst(t);

    const x = await t.api.call("sendSmsCode", { body: smsSend.with({ phone: phone.success().slice(1) }), auth: "rateLimited" });

    expectError(x, 429, 5100, "D15: the rate limit is checked before the inputs.");
  },
  { ...needs, premises: ["RATE-01"] },
);
