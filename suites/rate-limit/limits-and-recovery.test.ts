// RATE-01…09 (D33, D23, D15): the product limit (5100) and the account limit (5200) told apart, and lifted again.
// One file on purpose: its tests run in order and are the only users of the rateLimited accounts. Each test
// spends its own account of the profile's rateLimitedPool where there is one (harness/rate-accounts.ts), else
// waits for a fresh window of the shared role (at most the profile's window plus a margin). A burst a test
// relies on, but does not judge, is an arrange step of the requirement that says it is admitted.
import { statusIs, that } from "../../checks/answers.js";
import { minimalRequest } from "../../generators/requests.js";
import { ids } from "../../generators/ids.js";
import { phone, smsSend } from "../../generators/telecom.js";
import type { Ctx, Needs } from "../../harness/conformance.js";
import { conformance, inOrder, observe } from "../../harness/conformance.js";
import { expectError, expectStatus, must } from "../../harness/expect.js";
import { currentPlans } from "../../harness/plan.js";
import type { Auth } from "../../harness/client.js";
import { rateAccount } from "../../harness/rate-accounts.js";
import { burst, freshWindow, withinWindow } from "../../harness/rate-window.js";
import type { Exchange } from "../../lib/exchange.js";
import type { Profile } from "../../run/profile.js";

/** Accounts the tests below spend, one each (slots 0 … 11). */
const SLOTS = 12;
// Without an account of its own, a test shares the rateLimited role's windows with the others: one at a time.
if (currentPlans().some((p) => p.rateLimitedPool.length < SLOTS)) inOrder();

const needs: Needs = { roles: ["rateLimited"], capabilities: ["rateLimitTests"], profile: ["rateLimits"] };

/** Cheap requests: a send counts for the product and the account; a new verification only for the account. */
const product = (t: Ctx, auth: Auth) => () => t.api.call("sendSmsCode", { ...minimalRequest(t, "sendSmsCode"), auth });
const otherProduct = (t: Ctx, auth: Auth) => t.api.call("verifyTelecomIdentity", { ...minimalRequest(t, "verifyTelecomIdentity"), auth });
const accountOnly = (t: Ctx, auth: Auth) => () => t.api.call("createVerification", { ...minimalRequest(t, "createVerification"), auth });

/** The account test `slot` spends, in a window no earlier request of this run has opened. */
async function accountFor(t: Ctx, slot: number): Promise<Auth> {
  const { auth, fresh } = rateAccount(t.plan, slot);
  if (!fresh) await freshWindow(t.profile, t.plan.stopFile);
  return auth;
}
const limits = (p: Profile) => p.rateLimits ?? { perProduct: 0, perAccount: 0, windowMs: 0 };

/**
 * A judgement on requests meant to fit in one window. When it fails and they did not fit (a busy machine
 * slowed them down, and the window may have lifted in between) the test could not judge: never a failure.
 */
async function inOneWindow(t: Ctx, judge: () => unknown): Promise<void> {
  try {
    await judge();
  } catch (e) {
    withinWindow(t.profile, t.exchanges);
    throw e;
  }
}

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
const productBurst = async (t: Ctx, auth: Auth) => {
  const xs = await burst(limits(t.profile).perProduct, product(t, auth));
  await t.arrange("RATE-01", () => expectAllAdmitted(xs, "product burst"));
};

conformance(
  "RATE-01",
  "answers the product's request past its limit with 429 / 5100",
  async (t) => {
    const auth = await accountFor(t, 0);
    expectAllAdmitted(await burst(limits(t.profile).perProduct, product(t, auth)), "product burst");

    const x = await product(t, auth)();

    await inOneWindow(t, () => expectError(x, 429, 5100));
  },
  needs,
);

conformance(
  "RATE-02",
  "answers a request past the account's limit with 429 / 5200",
  async (t) => {
    const auth = await accountFor(t, 1);
    expectAllAdmitted(await burst(limits(t.profile).perAccount, accountOnly(t, auth)), "account burst");

    const x = await accountOnly(t, auth)();

    await inOneWindow(t, () => expectError(x, 429, 5200));
  },
  needs,
);

conformance(
  "RATE-03",
  "answers 5200 when the account and the product limits are both passed",
  async (t) => {
    const auth = await accountFor(t, 2);
    await productBurst(t, auth);
    const rest = await burst(limits(t.profile).perAccount - limits(t.profile).perProduct, accountOnly(t, auth));
    await t.arrange("RATE-02", () => expectAllAdmitted(rest, "rest of the account"));

    const x = await product(t, auth)();

    await inOneWindow(t, () => expectError(x, 429, 5200, "D15/D33: the account limit is checked before the product limit."));
  },
  // Which limit wins can only be judged where both limits work.
  { ...needs, premises: ["RATE-01", "RATE-02"] },
);

observe(
  "RATE-04",
  "records whether a refused request counts against the account limit",
  async (t) => {
    const auth = await accountFor(t, 3);
    await burst(limits(t.profile).perProduct, product(t, auth));
    const refused = await product(t, auth)();

    const rest = await burst(limits(t.profile).perAccount - limits(t.profile).perProduct, accountOnly(t, auth));

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
    const auth = await accountFor(t, 4);
    await productBurst(t, auth);

    const x = await otherProduct(t, auth);

    expectStatus(x, 200, "D33: a product limit counts only that product's transaction POSTs.");
  },
  needs,
);

conformance(
  "RATE-06",
  "sends Retry-After in whole seconds, within the window, on a 429",
  async (t) => {
    const auth = await accountFor(t, 5);
    await productBurst(t, auth);
    const x = await product(t, auth)();
    await inOneWindow(t, () => t.arrange("RATE-01", () => expectError(x, 429, 5100, "arrange: a 429")));

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
    const auth = await accountFor(t, 6);
    await burst(limits(t.profile).perProduct, product(t, auth));
    const x = await product(t, auth)();

    await t.record("Retry-After on a 429", {
      status: x.status,
      codes: x.errorCodes(),
      retryAfter: x.response.headers["retry-after"] ?? null,
    });
  },
  needs,
);

const recovery = [
  { req: "RATE-08", slot: 8, limit: "product", code: 5100, by: "RATE-01", count: (p: Profile) => limits(p).perProduct, send: product },
  { req: "RATE-08", slot: 9, limit: "account", code: 5200, by: "RATE-02", count: (p: Profile) => limits(p).perAccount, send: accountOnly },
] as const;

conformance.for(recovery)(
  "answers the refused request with 200 again after the $limit window",
  async (row, t) => {
    const auth = await accountFor(t, row.slot);
    const xs = await burst(row.count(t.profile), row.send(t, auth));
    const refused = await row.send(t, auth)();
    await inOneWindow(t, () =>
      t.arrange(row.by, () => {
        expectAllAdmitted(xs, `${row.limit} burst`);
        expectError(refused, 429, row.code, "arrange: the limit is reached");
      }),
    );
    await freshWindow(t.profile, t.plan.stopFile);

    const x = await row.send(t, auth)();

    must(x, statusIs(200, "A limit lifts after its window: the same request succeeds again."));
  },
  needs,
);

conformance(
  "RATE-09",
  "answers a rate-limited request with invalid inputs with 429, not 422",
  async (t) => {
    const auth = await accountFor(t, 7);
    await productBurst(t, auth);

    const x = await t.api.call("sendSmsCode", { body: smsSend.with({ phone: phone.success().slice(1) }), auth });

    await inOneWindow(t, () => expectError(x, 429, 5100, "D15: the rate limit is checked before the inputs."));
  },
  { ...needs, premises: ["RATE-01"] },
);

conformance(
  "RATE-01",
  "answers 429 / 5100 past the product limit before 404 for an unknown verification_id",
  async (t) => {
    const auth = await accountFor(t, 10);
    await productBurst(t, auth);

    const x = await t.api.call("sendSmsCode", { body: smsSend.valid({ verification_id: ids.unknown() }), auth });

    await inOneWindow(t, () => expectError(x, 429, 5100, "D15: the rate limit is checked before the ids a request names (404 4100)."));
  },
  needs,
);

conformance(
  "RATE-02",
  "answers 429 / 5200 past the account limit before 404 for an unknown transaction",
  async (t) => {
    const auth = await accountFor(t, 11);
    const xs = await burst(limits(t.profile).perAccount, accountOnly(t, auth));
    await t.arrange("RATE-02", () => expectAllAdmitted(xs, "account burst"));

    const x = await t.api.call("getTelecomTransaction", { params: { transaction_id: ids.unknown() }, auth });

    await inOneWindow(t, () =>
      expectError(x, 429, 5200, "D15/D33: every authenticated request counts; the limit comes before the ids (404 4100)."),
    );
  },
  needs,
);
