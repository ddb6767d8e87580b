// Keys that come from a request (path segments, form field names, JSON keys) or a fixtures file never reach
// Object.prototype: `constructor`, `__proto__`, `toString`… name nothing, like any other unknown key.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningMock } from "../server.js";
import { call, codes, documentForm, jpeg, multipart, withMock } from "./helpers.js";

const PROTOTYPE_KEYS = ["constructor", "__proto__", "toString", "hasOwnProperty", "valueOf", "isPrototypeOf"];
const UUID = "00000000-0000-4000-8000-000000000000";
const PASSPORT = "/api/v2/document/passport/verify";

let mock: RunningMock;
beforeAll(async () => {
  mock = await withMock();
});
afterAll(() => mock.close());

describe("path segments", () => {
  it.each(PROTOTYPE_KEYS)("POST /api/v2/document/%s/verify → 403 2100, 401 first", async (kind) => {
    const path = `/api/v2/document/${kind}/verify`;
    const a = await call(mock, "POST", path, { raw: documentForm({ front: jpeg() }) });
    const b = await call(mock, "POST", path, { role: null, raw: documentForm({ front: jpeg() }) });
    expect([a.status, codes(a), b.status, codes(b)]).toEqual([403, [2100], 401, [1100]]);
  });

  it.each(PROTOTYPE_KEYS)("GET /api/v2/%s/<uuid> → 403 2100; as a telecom, document or verification id → 404", async (key) => {
    const a = await call(mock, "GET", `/api/v2/${key}/${UUID}`);
    const statuses = [];
    for (const family of ["telecom", "document", "verification"])
      statuses.push((await call(mock, "GET", `/api/v2/${family}/${key}`)).status);
    expect([a.status, codes(a), statuses]).toEqual([403, [2100], [404, 404, 404]]);
  });
});

describe("multipart field names", () => {
  it.each(PROTOTYPE_KEYS)("a text field named %s is an unknown field: ignored (200)", async (name) => {
    const a = await call(mock, "POST", PASSPORT, { raw: documentForm({ front: jpeg(), fields: { [name]: "x" } }) });
    expect([a.status, a.body.status?.code]).toEqual([200, 100]);
  });

  it.each(PROTOTYPE_KEYS)("a file named %s is an unknown file: ignored (200)", async (name) => {
    const form = multipart([
      { name, value: jpeg(), filename: "x.jpg" },
      { name: "front_image", value: jpeg(), filename: "success.jpg" },
    ]);
    const a = await call(mock, "POST", PASSPORT, { raw: form });
    expect(a.status).toBe(200);
  });

  it("a form of only such fields still counts the image as missing (3109), not broken in another way", async () => {
    const a = await call(mock, "POST", PASSPORT, { raw: multipart(PROTOTYPE_KEYS.map((name) => ({ name, value: "1" }))) });
    expect([a.status, codes(a)]).toEqual([422, [3109]]);
  });

  it("fields that come after a skipped one are still read (metadata over 500 → 422)", async () => {
    const form = multipart([
      { name: "front_image", value: jpeg(), filename: "success.jpg" },
      { name: "constructor", value: "x" },
      { name: "metadata", value: JSON.stringify("x".repeat(600)) },
    ]);
    const a = await call(mock, "POST", PASSPORT, { raw: form });
    expect([a.status, codes(a)]).toEqual([422, [3100]]);
  });
});

describe("multipart parts declared application/json (parsed by the reader itself)", () => {
  const form = (metadata: string, extra: Array<{ name: string; value: string; type?: string }> = []) =>
    multipart([
      { name: "front_image", value: jpeg(), filename: "success.jpg" },
      { name: "metadata", value: metadata, type: "application/json" },
      ...extra,
    ]);

  it("metadata within 500 characters → 200", async () => {
    const a = await call(mock, "POST", PASSPORT, { raw: form(JSON.stringify({ ref: "A-1" })) });
    expect(a.status).toBe(200);
  });

  it("metadata over 500 characters → 422 3100 (it is not dropped)", async () => {
    const a = await call(mock, "POST", PASSPORT, { raw: form(JSON.stringify({ pad: "x".repeat(600) })) });
    expect([a.status, codes(a)]).toEqual([422, [3100]]);
  });

  it("a JSON-typed callback_url holding a number fails the callback_url rule (3100)", async () => {
    const a = await call(mock, "POST", PASSPORT, { raw: form("{}", [{ name: "callback_url", value: "5", type: "application/json" }]) });
    expect([a.status, codes(a)]).toEqual([422, [3100]]);
  });
});

describe("JSON keys", () => {
  const raw = (text: string) => ({ body: Buffer.from(text), type: "application/json" });

  it("own __proto__ / constructor keys are unknown fields; nothing is inherited from them", async () => {
    const a = await call(mock, "POST", "/api/v2/telecom/possession/sms/send", {
      raw: raw('{"__proto__":{"phone":"8885551234"},"constructor":{"prototype":{"phone":"8885551234"}}}'),
    });
    const b = await call(mock, "POST", "/api/v2/telecom/possession/sms/send", {
      raw: raw('{"phone":"8885551234","__proto__":{"x":1},"toString":1,"valueOf":"v"}'),
    });
    const c = await call(mock, "POST", "/api/v2/verification", { raw: raw('{"__proto__":{"callback_url":"not a url"}}') });
    expect([a.status, codes(a), b.status, c.status]).toEqual([422, [3101], 200, 200]);
  });
});

describe("fixture keys", () => {
  it.each(PROTOTYPE_KEYS)("an account of organization %s (no such organization) → 401 1300", async (organization) => {
    const m = await withMock({
      fixtures: {
        accounts: {
          primary: { secret: "s", active: true, organization },
          secondary: { secret: "t", active: true, organization: "org-active" },
        },
      },
    });
    try {
      const a = await call(m, "GET", `/api/v2/verification/${UUID}`);
      const b = await call(m, "GET", `/api/v2/verification/${UUID}`, { role: "secondary" });
      expect([a.status, codes(a), b.status]).toEqual([401, [1300], 404]);
    } finally {
      await m.close();
    }
  });
});
