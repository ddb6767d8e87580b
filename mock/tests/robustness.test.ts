// Bad input never breaks the mock: every answer is a documented status with the error envelope (README M1, M5).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningMock } from "../server.js";
import { call, codes, documentForm, jpeg, multipart, withMock } from "./helpers.js";

let mock: RunningMock;
beforeAll(async () => {
  mock = await withMock();
});
afterAll(() => mock.close());

const SEND = "/api/v2/telecom/possession/sms/send";
const PASSPORT = "/api/v2/document/passport/verify";

describe("JSON endpoints", () => {
  it.each([
    ["malformed JSON", { body: Buffer.from('{"phone": "888'), type: "application/json" }],
    ["a JSON array", { body: Buffer.from("[1,2]"), type: "application/json" }],
    ["text/plain", { body: Buffer.from('{"phone":"8885551234"}'), type: "text/plain" }],
    ["form data", { body: Buffer.from("phone=8885551234"), type: "application/x-www-form-urlencoded" }],
    ["multipart", multipart([{ name: "phone", value: "8885551234" }])],
    [
      "2 MB of JSON",
      { body: Buffer.from(JSON.stringify({ phone: "8885551234", pad: "x".repeat(2 * 1024 * 1024) })), type: "application/json" },
    ],
    ["17 MB of text/plain", { body: Buffer.alloc(17 * 1024 * 1024, 0x61), type: "text/plain" }],
    ["an empty JSON body", { body: Buffer.alloc(0), type: "application/json" }],
  ])("%s → 422 3101 (read as an empty body)", async (_name, raw) => {
    const a = await call(mock, "POST", SEND, { raw });
    expect([a.status, codes(a)]).toEqual([422, [3101]]);
  });

  it("no body at all on confirm → 422 [3105, 3102]; malformed JSON on createVerification → 422 3100 (M1)", async () => {
    const a = await call(mock, "POST", "/api/v2/telecom/possession/sms/confirm");
    const b = await call(mock, "POST", "/api/v2/verification", { raw: { body: Buffer.from("{oops"), type: "application/json" } });
    expect([codes(a), codes(b)]).toEqual([[3105, 3102], [3100]]);
  });

  it("unknown fields are ignored", async () => {
    const a = await call(mock, "POST", SEND, { json: { phone: "8885551234", extra: { deep: [1, 2] }, __proto__: { x: 1 } } });
    expect(a.status).toBe(200);
  });
});

describe("multipart endpoints", () => {
  it("JSON instead of multipart → 422 3109", async () => {
    const a = await call(mock, "POST", PASSPORT, { json: { front_image: "x" } });
    expect([a.status, codes(a)]).toEqual([422, [3109]]);
  });

  it("a truncated multipart body (no closing boundary) → 422 3109", async () => {
    const full = documentForm({ front: jpeg() });
    const cut = { ...full, body: full.body.subarray(0, full.body.length - 30) };
    const a = await call(mock, "POST", PASSPORT, { raw: cut });
    expect([a.status, codes(a)]).toEqual([422, [3109]]);
  });

  it("multipart without a boundary, and garbage bytes → 422 3109", async () => {
    const a = await call(mock, "POST", PASSPORT, { raw: { body: Buffer.from("hello"), type: "multipart/form-data" } });
    const b = await call(mock, "POST", PASSPORT, {
      raw: { body: Buffer.from("\x00\x01garbage"), type: "multipart/form-data; boundary=zz" },
    });
    expect([codes(a), codes(b)]).toEqual([[3109], [3109]]);
  });

  it("too many parts → 422, the mock keeps serving", async () => {
    const parts = Array.from({ length: 40 }, (_, i) => ({ name: `f${i}`, value: "v" }));
    const a = await call(mock, "POST", PASSPORT, { raw: multipart(parts) });
    expect(a.status).toBe(422);
  });

  it("more files than the files limit (5 × 45 KB) → 422, answered (the stopped parser must not stall the drain)", async () => {
    const parts = Array.from({ length: 5 }, (_, i) => ({ name: `f${i}`, value: jpeg(45_000), filename: "x.jpg" }));
    const a = await call(mock, "POST", PASSPORT, { raw: multipart(parts) });
    expect([a.status, codes(a)]).toEqual([422, [3109]]);
  });

  it("an image sent as a text field counts as missing", async () => {
    const a = await call(mock, "POST", PASSPORT, { raw: multipart([{ name: "front_image", value: "not a file" }]) });
    expect(codes(a)).toEqual([3109]);
  });
});

describe("load", () => {
  it("60 concurrent mixed requests all get documented answers", async () => {
    const requests = Array.from({ length: 60 }, (_, i) => {
      switch (i % 4) {
        case 0:
          return call(mock, "POST", SEND, { json: { phone: "8885551234" } });
        case 1:
          return call(mock, "POST", SEND, { raw: { body: Buffer.from("{"), type: "application/json" } });
        case 2:
          return call(mock, "POST", PASSPORT, { raw: documentForm({ front: jpeg() }) });
        default:
          return call(mock, "GET", "/api/v2/telecom/nope", { role: null });
      }
    });
    const statuses = (await Promise.all(requests)).map((a) => a.status);
    expect(statuses.filter((s) => s === 200).length).toBe(30);
    expect(new Set(statuses)).toEqual(new Set([200, 422, 401]));
    expect((await call(mock, "GET", "/health")).status).toBe(200);
  });
});
