import { DEFAULT_RATE_LIMIT } from "../fixtures.js";
// Knobs for the choices the contract leaves open (MockBehaviour): each changes one thing, defaults change nothing.
// Every answer is still validated against the spec by `call`: a variant stays within the contract.
import { describe, expect, it } from "vitest";
import { validateSchema } from "../../lib/spec.js";
import { formatTimestamp } from "../clock.js";
import type { MockBehaviour } from "../behaviour.js";
import { createMockApp } from "../server.js";
import { checkBirthDate } from "../validators.js";
import { call, codes, documentForm, jpeg, receiver, sleep, withMock } from "./helpers.js";

const SEND = "/api/v2/telecom/possession/sms/send";
const IDENTITY = "/api/v2/telecom/identity";
const UNKNOWN = "/api/v2/verification/00000000-0000-4000-8000-000000000000";

async function withKnobs(configure: (b: MockBehaviour) => void, fixtures = {}) {
  return withMock({ fixtures, configure });
}

describe("rateLimit.countRefused", () => {
  // perProduct 1, perAccount 3, a window long enough not to lift during the test
  const limited = {
    accounts: {
      rateLimited: { secret: "s", active: true, organization: "org-active", rateLimit: { perProduct: 1, perAccount: 3, windowMs: 60_000 } },
    },
  };
  const sequence = async (countRefused: boolean) => {
    const m = await withKnobs((b) => void (b.rateLimit.countRefused = countRefused), limited);
    try {
      const out = [];
      for (let i = 0; i < 3; i++) out.push(await call(m, "POST", SEND, { role: "rateLimited", json: { phone: "8885551234" } }));
      out.push(await call(m, "GET", UNKNOWN, { role: "rateLimited" }));
      return out.map((a) => (a.status === 429 ? codes(a)[0] : a.status));
    } finally {
      await m.close();
    }
  };

  it("default (false, D33): refused sends do not count, so the account still has room for the GET", async () => {
    expect(await sequence(false)).toEqual([200, 5100, 5100, 404]);
  });

  it("true: the two refused sends count against the account too, so the GET is over its limit (5200)", async () => {
    expect(await sequence(true)).toEqual([200, 5100, 5100, 5200]);
  });
});

describe("rateLimit.retryAfter", () => {
  const over = async (retryAfter: boolean) => {
    const m = await withKnobs((b) => void (b.rateLimit.retryAfter = retryAfter));
    try {
      let last = await call(m, "GET", UNKNOWN, { role: "rateLimited" });
      for (let i = 0; i < 6 && last.status !== 429; i++) last = await call(m, "GET", UNKNOWN, { role: "rateLimited" });
      return [last.status, last.headers.get("retry-after")];
    } finally {
      await m.close();
    }
  };

  it("default (true): 429 carries Retry-After in seconds; false: no Retry-After", async () => {
    // The seconds left of the fixture's window, rounded up (a 429 right at its start).
    expect(await over(true)).toEqual([429, String(Math.ceil(DEFAULT_RATE_LIMIT.windowMs / 1000))]);
    expect(await over(false)).toEqual([429, null]);
  });
});

describe("clock.offsetMinutes", () => {
  const instant = new Date("2023-04-04T21:15:52.171Z");

  it("formats one instant at any offset, with milliseconds", () => {
    expect([0, -240, 330, 60, -1].map((o) => formatTimestamp(instant.getTime(), o))).toEqual([
      "2023-04-04T21:15:52.171Z",
      "2023-04-04T17:15:52.171-04:00",
      "2023-04-05T02:45:52.171+05:30",
      "2023-04-04T22:15:52.171+01:00",
      "2023-04-04T21:14:52.171-00:01",
    ]);
  });

  it("-240: status.created/updated are written -04:00 in answers, verification lists and webhooks (same instant)", async () => {
    const r = await receiver();
    const m = await withKnobs((b) => {
      b.now = () => instant;
      b.clock.offsetMinutes = -240;
    });
    try {
      const a = await call(m, "POST", IDENTITY, { json: { phone: "8885551234", birth_date: "1980-01-01", callback_url: r.url } });
      const v = await call(m, "GET", `/api/v2/verification/${a.body.verification_id}`);
      for (let i = 0; i < 50 && r.got.length === 0; i++) await sleep(10);
      const hook = r.got[0].body as { status: { created: string; updated: string } };
      expect([a.body.status.created, a.body.status.updated, v.body.transactions[0].status.created, hook.status.updated]).toEqual(
        Array(4).fill("2023-04-04T17:15:52.171-04:00"),
      );
      expect(Date.parse(a.body.status.created)).toBe(instant.getTime());
    } finally {
      await m.close();
      await r.close();
    }
  });

  it("default: Z", async () => {
    const m = await withKnobs((b) => void (b.now = () => instant));
    try {
      const a = await call(m, "POST", SEND, { json: { phone: "8885551234" } });
      expect(a.body.status.created).toBe("2023-04-04T21:15:52.171Z");
    } finally {
      await m.close();
    }
  });

  it("an offset no zone has (not whole minutes, a day or more) is refused at start", async () => {
    for (const bad of [1.5, 1440, -1440, Number.NaN]) {
      await expect(createMockApp({ configure: (b) => void (b.clock.offsetMinutes = bad) })).rejects.toThrow(/offsetMinutes/);
    }
  });
});

describe("leapDayBirthday (D39, OPEN)", () => {
  const born = "2004-02-29";
  const day = (s: string) => new Date(`${s}T12:00:00Z`);

  it("default march-1 (M12): a minor on 28 February 2022, an adult on 1 March", () => {
    expect([checkBirthDate(born, day("2022-02-28")), checkBirthDate(born, day("2022-03-01"))]).toEqual(["minor", "ok"]);
  });

  it("february-28: an adult on 28 February already; leap years and other days are unchanged", () => {
    expect(checkBirthDate(born, day("2022-02-27"), "february-28")).toBe("minor");
    expect(checkBirthDate(born, day("2022-02-28"), "february-28")).toBe("ok");
    expect(checkBirthDate("2006-02-28", day("2024-02-28"), "february-28")).toBe("ok");
    expect(checkBirthDate("2006-03-01", day("2024-02-29"), "february-28")).toBe("minor");
  });

  it("reaches the identity answer", async () => {
    const m = await withKnobs((b) => {
      b.now = () => day("2022-02-28");
      b.leapDayBirthday = "february-28";
    });
    try {
      const a = await call(m, "POST", IDENTITY, { json: { phone: "8885551234", birth_date: born } });
      expect(a.status).toBe(200);
    } finally {
      await m.close();
    }
  });
});

describe("webhooks.backoffFactor (backoff is OPEN)", () => {
  it("4: the retries wait retryDelayMs, ×4, ×16 (default 1: a constant delay)", async () => {
    const r = await receiver([500, 500, 500, 500]);
    const m = await withKnobs((b) => void (b.webhooks.backoffFactor = 4), { webhooks: { retryDelayMs: 25 } });
    try {
      await call(m, "POST", IDENTITY, { json: { phone: "8885551234", birth_date: "1980-01-01", callback_url: r.url } });
      for (let i = 0; i < 150 && r.times.length < 4; i++) await sleep(10);
      const gaps = r.times.slice(1).map((t, i) => t - r.times[i]);
      expect(gaps.length).toBe(3);
      // 25, 100, 400 ms: the last wait is at least 16 × the delay and longer than the first
      expect(gaps[2]).toBeGreaterThanOrEqual(390);
      expect(gaps[2]).toBeGreaterThan(gaps[0]);
    } finally {
      await m.close();
      await r.close();
    }
  });
});

describe("webhooks.includeResults (D35)", () => {
  const payload = async (includeResults?: boolean) => {
    const r = await receiver();
    const m = await withKnobs((b) => {
      if (includeResults !== undefined) b.webhooks.includeResults = includeResults;
    });
    try {
      await call(m, "POST", IDENTITY, { json: { phone: "8885551234", birth_date: "1980-01-01", callback_url: r.url } });
      for (let i = 0; i < 50 && r.got.length === 0; i++) await sleep(10);
      return r.got[0].body as Record<string, unknown>;
    } finally {
      await m.close();
      await r.close();
    }
  };

  it("default: the payload is the GET body, with results; false: the same without results, still a WebhookPayload", async () => {
    const full = await payload();
    const bare = await payload(false);
    expect(Object.keys(full)).toEqual(["transaction_id", "verification_id", "product", "status", "results"]);
    expect(Object.keys(bare)).toEqual(["transaction_id", "verification_id", "product", "status"]);
    expect(validateSchema("WebhookPayload", bare)).toEqual([]);
  });
});

describe("productNames (D9)", () => {
  it("renames a product in answers and verification lists; products are still matched by their own name", async () => {
    const m = await withKnobs((b) => void (b.productNames["document.license.verify"] = "license.verify"));
    try {
      const a = await call(m, "POST", "/api/v2/document/license/verify", { raw: documentForm({ front: jpeg(), back: jpeg() }) });
      const v = await call(m, "GET", `/api/v2/verification/${a.body.verification_id}`);
      const passport = await call(m, "POST", "/api/v2/document/passport/verify", {
        role: "productInactive",
        raw: documentForm({ front: jpeg() }),
      });
      expect([a.body.product, v.body.transactions[0].product, passport.status, codes(passport)]).toEqual([
        "license.verify",
        "license.verify",
        403,
        [2200],
      ]);
    } finally {
      await m.close();
    }
  });
});
