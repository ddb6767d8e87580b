// Documents: images (D20, D21, D28), asynchronous completion (D11), file-name triggers (D25), webhooks (D26).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateSchema } from "../../lib/spec.js";
import type { RunningMock } from "../server.js";
import type { RawBody } from "./helpers.js";
import { KB, MB, call, codes, documentForm, jpeg, png, deliveriesSettled, receiver, settle, sleep, withMock } from "./helpers.js";

let mock: RunningMock;
beforeAll(async () => {
  mock = await withMock();
});
afterAll(() => mock.close());

const verify = (kind: string, form: RawBody, m = mock) => call(m, "POST", `/api/v2/document/${kind}/verify`, { raw: form });

describe("images", () => {
  it("license with both images answers pending, then GET reaches 200 (success.jpg)", async () => {
    const a = await verify("license", documentForm({ front: jpeg(), back: png() }));
    expect([a.status, a.body.status.code, a.body.product]).toEqual([200, 100, "document.license.verify"]);
    const done = await settle(mock, a.body.transaction_id);
    expect([done.body.status.code, done.body.results.verified]).toEqual([200, true]);
    const v = await call(mock, "GET", `/api/v2/verification/${a.body.verification_id}`);
    expect(v.body.transactions[0].status.code).toBe(200);
  });

  it("D28: license and passcard need front and back (3109), passport only the front", async () => {
    const license = await verify("license", documentForm({ front: jpeg() }));
    const passcard = await verify("passcard", documentForm({ back: jpeg() }));
    const passport = await verify("passport", documentForm({ front: jpeg() }));
    const none = await verify("passport", documentForm({}));
    expect([codes(license), codes(passcard), passport.status, codes(none)]).toEqual([[3109], [3109], 200, [3109]]);
  });

  it("type by leading bytes (3111), size strictly above 40 KiB (3109), every error listed", async () => {
    const gif = new Uint8Array(64 * KB);
    gif.set([0x47, 0x49, 0x46, 0x38]);
    const cases: Array<[Uint8Array, number[]]> = [
      [gif, [3111]],
      [jpeg(40 * KB), [3109]],
      [png(40 * KB + 1), []],
      [new Uint8Array(10), [3111, 3109]],
    ];
    for (const [front, expected] of cases) {
      const a = await verify("passport", documentForm({ front, fields: { callback_url: "mailto:x" } }));
      expect([front.length, codes(a)]).toEqual([front.length, [...expected, 3100]]);
    }
  });

  it("size bounds are configurable and exclusive on both ends (D21)", async () => {
    const m = await withMock({ fixtures: { documents: { minBytes: 1000, maxBytes: 5000 } } });
    try {
      const seen = [];
      for (const size of [1000, 1001, 4999, 5000, 9000]) {
        seen.push(codes(await verify("passport", documentForm({ front: jpeg(size) }), m)));
      }
      expect(seen).toEqual([[3109], [], [], [3110], [3110]]);
    } finally {
      await m.close();
    }
  });

  it("a 17 MB upload → 422 3110, not 413", async () => {
    const a = await verify("passport", documentForm({ front: jpeg(17 * MB) }));
    expect([a.status, codes(a)]).toEqual([422, [3110]]);
  });

  it("metadata over 500 characters → 422 (README M2)", async () => {
    const a = await verify("passport", documentForm({ front: jpeg(), fields: { metadata: JSON.stringify({ a: "x".repeat(600) }) } }));
    expect(a.status).toBe(422);
  });
});

describe("outcomes by front image name (D25)", () => {
  it("fail.jpg → a document code 2001–2005; fail_2003.jpg → 2003; back image name does not matter", async () => {
    const a = await verify("passport", documentForm({ front: jpeg(), frontName: "fail.jpg" }));
    const b = await verify("license", documentForm({ front: jpeg(), frontName: "fail_2003.jpg", back: jpeg() }));
    const [da, db] = [await settle(mock, a.body.transaction_id), await settle(mock, b.body.transaction_id)];
    expect(da.body.status.code).toBe(300);
    expect(da.body.results.errors[0].code).toBeGreaterThanOrEqual(2001);
    expect(da.body.results.errors[0].code).toBeLessThanOrEqual(2005);
    expect(db.body.results.errors.map((e: { code: number }) => e.code)).toEqual([2003]);
  });

  it("documents stay pending forever when the delay is null (fault hook)", async () => {
    const m = await withMock({ configure: (b) => void (b.documentDelayMs = null) });
    try {
      const a = await verify("passport", documentForm({ front: jpeg() }), m);
      await sleep(80);
      const got = await call(m, "GET", `/api/v2/document/${a.body.transaction_id}`);
      expect(got.body.status.code).toBe(100);
    } finally {
      await m.close();
    }
  });
});

describe("webhooks (D26)", () => {
  it("identity: one POST at once with exactly the GET body", async () => {
    const r = await receiver([]);
    try {
      const a = await call(mock, "POST", "/api/v2/telecom/identity", {
        json: { phone: "8885551234", birth_date: "1980-01-01", callback_url: r.url },
      });
      await deliveriesSettled(r.got, 1);
      const got = await call(mock, "GET", `/api/v2/telecom/${a.body.transaction_id}`);
      expect(r.got).toEqual([{ body: got.body, type: expect.stringMatching(/^application\/json/) }]);
      expect(validateSchema("WebhookPayload", r.got[0].body)).toEqual([]);
    } finally {
      await r.close();
    }
  });

  it("SMS: delivered at the confirm; a verification's callback_url serves its transactions", async () => {
    const r = await receiver([]);
    try {
      const v = await call(mock, "POST", "/api/v2/verification", { json: { callback_url: r.url } });
      const sent = await call(mock, "POST", "/api/v2/telecom/possession/sms/send", {
        json: { phone: "8885551234", verification_id: v.body.verification_id },
      });
      await sleep(60);
      expect(r.got).toEqual([]);
      const ok = await call(mock, "POST", "/api/v2/telecom/possession/sms/confirm", {
        json: { transaction_id: sent.body.transaction_id, code: "123123" },
      });
      await deliveriesSettled(r.got, 1);
      expect(r.got.map((g) => g.body)).toEqual([ok.body]);
    } finally {
      await r.close();
    }
  });

  it("documents: delivered when processing ends; non-2xx and timeouts retried 3 times, then dropped", async () => {
    const r = await receiver([500, "hang", 503, 404, 500]);
    const m = await withMock({ fixtures: { webhooks: { retryDelayMs: 10, timeoutMs: 150 } } });
    try {
      const a = await verify("passport", documentForm({ front: jpeg(), fields: { callback_url: r.url } }), m);
      // quiet: longer than a retry's wait (10 ms) after a hung delivery's timeout (150 ms)
      await deliveriesSettled(r.got, 4, 500);
      const done = await call(m, "GET", `/api/v2/document/${a.body.transaction_id}`);
      expect(r.got.length).toBe(4);
      for (const g of r.got) expect(g.body).toEqual(done.body);
    } finally {
      await m.close();
      await r.close();
    }
  });

  it("stops retrying after a 2xx", async () => {
    const r = await receiver([500, 204]);
    const m = await withMock({ fixtures: { webhooks: { retryDelayMs: 10 } } });
    try {
      await call(m, "POST", "/api/v2/telecom/identity", { json: { phone: "8885551234", birth_date: "1980-01-01", callback_url: r.url } });
      await deliveriesSettled(r.got, 2);
      expect(r.got.length).toBe(2);
    } finally {
      await m.close();
      await r.close();
    }
  });
});
