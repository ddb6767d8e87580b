// SMS possession (D19, D27), identity (D10, D16, D17), sandbox phones (D22, D24, D30), input 422s.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningMock } from "../server.js";
import { call, codes, sleep, withMock } from "./helpers.js";

let mock: RunningMock;
beforeAll(async () => {
  mock = await withMock();
});
afterAll(() => mock.close());

const SEND = "/api/v2/telecom/possession/sms/send";
const CONFIRM = "/api/v2/telecom/possession/sms/confirm";
const IDENTITY = "/api/v2/telecom/identity";

const send = (phone: unknown, extra: Record<string, unknown> = {}) => call(mock, "POST", SEND, { json: { phone, ...extra } });
const confirm = (transaction_id: unknown, code: unknown, m = mock) => call(m, "POST", CONFIRM, { json: { transaction_id, code } });

describe("SMS possession", () => {
  it("send answers 200 pending (100); 123123 confirms: 200 / status 200, verified true; GET shows it", async () => {
    const sent = await send("8885551234");
    expect([sent.status, sent.body.status.code, sent.body.results]).toEqual([200, 100, { verified: false }]);
    expect(sent.body.product).toBe("telecom.possession.sms");
    const ok = await confirm(sent.body.transaction_id, "123123");
    expect([ok.status, ok.body.status.code, ok.body.results.verified]).toEqual([200, 200, true]);
    expect(ok.body.status.updated >= ok.body.status.created).toBe(true);
    expect(ok.body.status.created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const got = await call(mock, "GET", `/api/v2/telecom/${sent.body.transaction_id}`);
    expect(got.body).toEqual(ok.body);
  });

  it("D30: a phone starting with neither 888 nor 999 behaves like 888", async () => {
    const sent = await send("2025550123");
    expect(sent.body.status.code).toBe(100);
  });

  it("wrong codes: 3102, 3102, then 3104 for good (D19); malformed codes do not count", async () => {
    const { transaction_id } = (await send("8885551234")).body;
    const seen = [];
    for (const code of ["111111", "12345", "abcdef", 123123, "222222", "333333", "123123"]) {
      seen.push(codes(await confirm(transaction_id, code)));
    }
    expect(seen).toEqual([[3102], [3102], [3102], [3102], [3102], [3104], [3104]]);
  });

  it("the retry limit is configurable", async () => {
    const m = await withMock({ fixtures: { otp: { maxWrongCodes: 1 } } });
    try {
      const { transaction_id } = (await call(m, "POST", SEND, { json: { phone: "8885551234" } })).body;
      expect(codes(await confirm(transaction_id, "000000", m))).toEqual([3104]);
    } finally {
      await m.close();
    }
  });

  it("an expired code → 3103 (configurable TTL)", async () => {
    const m = await withMock({ fixtures: { otp: { ttlMs: 20 } } });
    try {
      const { transaction_id } = (await call(m, "POST", SEND, { json: { phone: "8885551234" } })).body;
      await sleep(40);
      const a = await confirm(transaction_id, "123123", m);
      expect([a.status, codes(a)]).toEqual([422, [3103]]);
    } finally {
      await m.close();
    }
  });

  it("confirm without transaction_id → 3105 (with 3102 for a bad code); non-possession transaction → 3105; unknown → 404", async () => {
    const a = await call(mock, "POST", CONFIRM, { json: { code: "12" } });
    const identity = await call(mock, "POST", IDENTITY, { json: { phone: "8885550000", birth_date: "1980-01-01" } });
    const b = await confirm(identity.body.transaction_id, "123123");
    const c = await confirm("00000000-0000-4000-8000-000000000000", "123123");
    expect([codes(a), codes(b), c.status, codes(c)]).toEqual([[3105, 3102], [3105], 404, [4100]]);
  });

  it("a confirmed transaction has no pending possession check any more (3105)", async () => {
    const { transaction_id } = (await send("8885551234")).body;
    await confirm(transaction_id, "123123");
    expect(codes(await confirm(transaction_id, "123123"))).toEqual([3105]);
  });
});

describe("sandbox phones (D22, D24)", () => {
  it("999 + telecom code → 200, status 300, that code in results.errors", async () => {
    const a = await send("9995551008");
    expect([a.status, a.body.status.code, a.body.results.verified, a.body.results.errors.map((e: { code: number }) => e.code)]).toEqual([
      200,
      300,
      false,
      [1008],
    ]);
    expect(codes(await confirm(a.body.transaction_id, "123123"))).toEqual([3105]);
  });

  it("999 + a 422 code → that 422 at the send", async () => {
    const a = await send("9995553104");
    const b = await send("9995553103");
    expect([a.status, codes(a), b.status, codes(b)]).toEqual([422, [3104], 422, [3103]]);
  });

  it("999 + another number → a random telecom code, the same for the same seed", async () => {
    const pickCodes = async (m: RunningMock) => {
      const out = [];
      for (let i = 0; i < 5; i++) {
        const a = await call(m, "POST", SEND, { json: { phone: "9995559999" } });
        out.push(a.body.results.errors[0].code);
      }
      return out;
    };
    const [m1, m2] = await Promise.all([withMock({ fixtures: { seed: 7 } }), withMock({ fixtures: { seed: 7 } })]);
    try {
      const [c1, c2] = [await pickCodes(m1), await pickCodes(m2)];
      expect(c1).toEqual(c2);
      for (const c of c1) expect(c).toBeGreaterThanOrEqual(1001), expect(c).toBeLessThanOrEqual(1014);
    } finally {
      await Promise.all([m1.close(), m2.close()]);
    }
  });

  it("9995555000 → 500 5000 (D24) on send and identity", async () => {
    const a = await send("9995555000");
    const b = await call(mock, "POST", IDENTITY, { json: { phone: "9995555000", birth_date: "1980-01-01" } });
    expect([a.status, codes(a), b.status, codes(b)]).toEqual([500, [5000], 500, [5000]]);
  });
});

describe("identity", () => {
  it("888 + adult → 200 / 200 with results.address (D10)", async () => {
    const a = await call(mock, "POST", IDENTITY, { json: { phone: "8885557777", birth_date: "1975-05-05", first_name: "A" } });
    expect([a.body.status.code, a.body.results.verified, a.body.product]).toEqual([200, true, "telecom.identity"]);
    expect(Object.keys(a.body.results.address).sort()).toEqual(["city", "state", "street", "zip"]);
  });

  it("9995551014 → 1014 with additional_info", async () => {
    const a = await call(mock, "POST", IDENTITY, { json: { phone: "9995551014", birth_date: "1990-01-01" } });
    expect(a.body.results.errors).toEqual([
      { code: 1014, message: "Could not find the user", additional_info: expect.stringMatching(/birth_date/) },
    ]);
  });

  it.each([
    [{ phone: "888555123", birth_date: "1980-01-01" }, [3101]],
    [{ phone: 8885551234, birth_date: "1980-01-01" }, [3101]],
    [{ phone: "(888) 555-1234", birth_date: "1980-01-01" }, [3101]],
    [{ phone: "8885551234", birth_date: "1980-02-30" }, [3108]],
    [{ phone: "8885551234", birth_date: "01/02/1980" }, [3108]],
    [{ phone: "8885551234" }, [3108]],
    [{ birth_date: "1980-01-01", callback_url: "not a url" }, [3101, 3100]],
    [{ phone: "8885551234", birth_date: "1980-01-01", callback_url: "ftp://127.0.0.1/x" }, [3100]],
    [{ phone: "8885551234", birth_date: "1980-01-01", metadata: "x".repeat(499) }, [3100]],
    [{}, [3101, 3108]],
  ])("%j → 422 %j", async (json, expected) => {
    const a = await call(mock, "POST", IDENTITY, { json });
    expect([a.status, codes(a)]).toEqual([422, expected]);
  });

  it("a birth year below 100 is a calendar year like any other: 0050-06-15 is an adult (200), 0050-02-30 is 3108", async () => {
    const adult = await call(mock, "POST", IDENTITY, { json: { phone: "8885551234", birth_date: "0050-06-15" } });
    const bad = await call(mock, "POST", IDENTITY, { json: { phone: "8885551234", birth_date: "0050-02-30" } });
    expect([adult.status, adult.body.status?.code, bad.status, codes(bad)]).toEqual([200, 200, 422, [3108]]);
  });

  it("metadata of exactly 500 JSON characters is accepted", async () => {
    const a = await call(mock, "POST", IDENTITY, { json: { phone: "8885551234", birth_date: "1980-01-01", metadata: "x".repeat(498) } });
    expect(a.status).toBe(200);
  });

  it("minor rule on the day of the request, UTC (D17): 18th birthday today is adult", async () => {
    const m = await withMock({ configure: (b) => void (b.now = () => new Date("2024-06-15T23:30:00.000Z")) });
    try {
      const post = (birth_date: string) => call(m, "POST", IDENTITY, { json: { phone: "8885551234", birth_date } });
      const [adult, minor] = [await post("2006-06-15"), await post("2006-06-16")];
      expect([adult.status, minor.status, codes(minor)]).toEqual([200, 422, [3107]]);
    } finally {
      await m.close();
    }
  });
});
