// Credentials (D1), products (D32/D34), rate limits (D33/D23), referenced ids (D29/D31), unknown routes, D15 order.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningMock } from "../server.js";
import { call, codes, documentForm, jpeg, sleep, withMock } from "./helpers.js";

let mock: RunningMock;
beforeAll(async () => {
  mock = await withMock();
});
afterAll(() => mock.close());

const SEND = "/api/v2/telecom/possession/sms/send";
const UNKNOWN_UUID = "00000000-0000-4000-8000-000000000000";

describe("credentials (D1)", () => {
  const b64 = (s: string) => Buffer.from(s).toString("base64");
  it.each([
    ["no header", undefined],
    ["unknown secret", `Bearer ID.me ${b64("nobody")}`],
    ["other scheme", `Basic ${b64("mock-secret-primary")}`],
    ["bare token", b64("mock-secret-primary")],
    ["bare Bearer <token>", `Bearer ${b64("mock-secret-primary")}`],
    ["not Base64", "Bearer ID.me mock-secret-primary!"],
    ["empty token", "Bearer ID.me "],
  ])("%s → 401 1100", async (_name, authorization) => {
    const a = await call(mock, "POST", "/api/v2/verification", {
      role: null,
      authorization: authorization as string | undefined,
      json: {},
    });
    expect([a.status, codes(a)]).toEqual([401, [1100]]);
  });

  it("tolerates whitespace around the Base64 text", async () => {
    const a = await call(mock, "POST", "/api/v2/verification", {
      authorization: `Bearer ID.me   ${mock.tokens.primary}  `,
      json: {},
    });
    expect(a.status).toBe(200);
  });

  it("accepts the legacy form `ID.me <token>` (README M3)", async () => {
    const a = await call(mock, "POST", "/api/v2/verification", { authorization: `ID.me ${mock.tokens.primary}`, json: {} });
    expect(a.status).toBe(200);
  });

  it("inactive account → 1200, inactive organization → 1300", async () => {
    const a = await call(mock, "GET", `/api/v2/verification/${UNKNOWN_UUID}`, { role: "inactiveAccount" });
    const o = await call(mock, "GET", `/api/v2/verification/${UNKNOWN_UUID}`, { role: "inactiveOrg" });
    expect([a.status, codes(a), o.status, codes(o)]).toEqual([401, [1200], 401, [1300]]);
  });

  it("health answers with or without credentials and has no body (D2)", async () => {
    const a = await call(mock, "GET", "/health", { role: null });
    const b = await call(mock, "GET", "/health", { role: "inactiveAccount" });
    expect([a.status, a.text, b.status]).toEqual([200, "", 200]);
  });
});

describe("products (D32, D34)", () => {
  it("productDisabled → 2300 on telecom identity, but its SMS send works", async () => {
    const a = await call(mock, "POST", "/api/v2/telecom/identity", {
      role: "productDisabled",
      json: { phone: "8885550000", birth_date: "1980-01-01" },
    });
    const b = await call(mock, "POST", SEND, { role: "productDisabled", json: { phone: "8885550000" } });
    expect([a.status, codes(a), b.status]).toEqual([403, [2300], 200]);
  });

  it("productInactive → 2200 on passport, before any input check", async () => {
    const a = await call(mock, "POST", "/api/v2/document/passport/verify", { role: "productInactive", raw: documentForm({}) });
    expect([a.status, codes(a)]).toEqual([403, [2200]]);
  });

  it("unknown product in a document verify path or a status path → 403 2100; 401 comes first", async () => {
    const a = await call(mock, "POST", "/api/v2/document/visa/verify", { raw: documentForm({ front: jpeg() }) });
    const b = await call(mock, "GET", `/api/v2/biometric/${UNKNOWN_UUID}`);
    const c = await call(mock, "GET", `/api/v2/biometric/${UNKNOWN_UUID}`, { role: null });
    expect([a.status, codes(a), b.status, codes(b), c.status, codes(c)]).toEqual([403, [2100], 403, [2100], 401, [1100]]);
  });
});

describe("referenced ids (D29, D31, D13)", () => {
  it("unknown or non-UUID ids → 404 4100", async () => {
    for (const path of [
      `/api/v2/telecom/${UNKNOWN_UUID}`,
      "/api/v2/telecom/not-a-uuid",
      `/api/v2/document/${UNKNOWN_UUID}`,
      `/api/v2/verification/${UNKNOWN_UUID}`,
      "/api/v2/verification/123",
    ]) {
      const a = await call(mock, "GET", path);
      expect([path, a.status, codes(a)]).toEqual([path, 404, [4100]]);
    }
  });

  it("another account's transaction → 403 3200; its verification → 403 3300 (GET and as verification_id)", async () => {
    const tx = await call(mock, "POST", SEND, { json: { phone: "8885550001" } });
    const t = await call(mock, "GET", `/api/v2/telecom/${tx.body.transaction_id}`, { role: "secondary" });
    const v = await call(mock, "GET", `/api/v2/verification/${tx.body.verification_id}`, { role: "secondary" });
    const p = await call(mock, "POST", SEND, {
      role: "secondary",
      json: { phone: "8885550001", verification_id: tx.body.verification_id },
    });
    const c = await call(mock, "POST", "/api/v2/telecom/possession/sms/confirm", {
      role: "secondary",
      json: { transaction_id: tx.body.transaction_id, code: "123123" },
    });
    expect([t.status, codes(t), v.status, codes(v), p.status, codes(p), c.status, codes(c)]).toEqual([
      403,
      [3200],
      403,
      [3300],
      403,
      [3300],
      403,
      [3200],
    ]);
  });

  it("a telecom transaction under the document status path → 404 4100 (D29)", async () => {
    const tx = await call(mock, "POST", SEND, { json: { phone: "8885550001" } });
    const a = await call(mock, "GET", `/api/v2/document/${tx.body.transaction_id}`);
    const b = await call(mock, "GET", `/api/v2/telecom/${tx.body.transaction_id}`);
    expect([a.status, codes(a), b.status]).toEqual([404, [4100], 200]);
  });

  it("unknown verification_id on a POST → 404 4100, before the 422 checks (D15)", async () => {
    const a = await call(mock, "POST", SEND, { json: { phone: "bad", verification_id: UNKNOWN_UUID } });
    expect([a.status, codes(a)]).toEqual([404, [4100]]);
  });

  it("a transaction joins the verification it names and shows there", async () => {
    const v = await call(mock, "POST", "/api/v2/verification", { json: { metadata: { ref: 1 } } });
    const tx = await call(mock, "POST", SEND, { json: { phone: "8885550001", verification_id: v.body.verification_id } });
    const got = await call(mock, "GET", `/api/v2/verification/${v.body.verification_id}`);
    expect(tx.body.verification_id).toBe(v.body.verification_id);
    expect(got.body.transactions).toEqual([
      {
        transaction_id: tx.body.transaction_id,
        verification_id: v.body.verification_id,
        product: "telecom.possession.sms",
        status: tx.body.status,
      },
    ]);
  });
});

describe("unknown routes", () => {
  it.each([
    ["GET", "/nothing"],
    ["GET", "/api/v2/unknown"],
    ["DELETE", "/api/v2/verification"],
    ["PUT", "/api/v2/telecom/identity"],
    ["GET", "/api/v2/telecom/possession/sms/send"],
    ["POST", "/health"],
  ])("%s %s → 404 4100 in the envelope", async (method, path) => {
    const a = await call(mock, method, path, { validate: method === "GET" && path.startsWith("/api/v2/telecom") });
    expect([a.status, codes(a)]).toEqual([404, [4100]]);
    expect(a.body.errors[0].message).toBe("Resource not found");
  });
});

describe("rate limits (D33, D23)", () => {
  it("per product: the 4th SMS send in a window → 429 5100 with Retry-After; lifts after the window", async () => {
    const rl = await withMock({
      fixtures: {
        accounts: {
          rateLimited: {
            secret: "s",
            active: true,
            organization: "org-active",
            rateLimit: { perProduct: 3, perAccount: 50, windowMs: 300 },
          },
        },
      },
    });
    try {
      const send = () => call(rl, "POST", SEND, { role: "rateLimited", json: { phone: "8885550000" } });
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await send()).status);
      const limited = await send();
      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(codes(limited)).toEqual([5100]);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
      // other products are not limited by this product's window
      const identity = await call(rl, "POST", "/api/v2/telecom/identity", {
        role: "rateLimited",
        json: { phone: "8885550000", birth_date: "1980-01-01" },
      });
      expect(identity.status).toBe(200);
      await sleep(350);
      expect((await send()).status).toBe(200);
    } finally {
      await rl.close();
    }
  });

  it("per account: the default rateLimited role gets 5200 on the 6th request across products", async () => {
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof call>> | undefined;
    for (let i = 0; i < 6; i++) {
      last = await call(mock, "GET", `/api/v2/verification/${UNKNOWN_UUID}`, { role: "rateLimited" });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([404, 404, 404, 404, 404, 429]);
    expect(codes(last!)).toEqual([5200]);
    // The seconds left of the 1 s window, rounded up (at least 1).
    expect(["1", "2"]).toContain(last!.headers.get("retry-after"));
  });

  it("other roles are not limited", async () => {
    const all = await Promise.all(
      Array.from({ length: 12 }, () => call(mock, "POST", SEND, { role: "secondary", json: { phone: "8885550000" } })),
    );
    expect(all.map((a) => a.status)).toEqual(Array(12).fill(200));
  });
});
