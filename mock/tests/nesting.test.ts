// Deeply nested JSON (an ~8 KB body reaches JSON.stringify's recursion limit) answers like any other value:
// metadata that deep is over 500 characters (422 3100, M2); deep values in other fields fail those fields' rules.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { jsonTextLength } from "../json-length.js";
import type { RunningMock } from "../server.js";
import { validMetadata } from "../validators.js";
import { call, codes, jpeg, multipart, nestedText, withMock } from "./helpers.js";

const DEPTHS = [5_000, 20_000, 200_000];
const raw = (text: string) => ({ body: Buffer.from(text), type: "application/json" });

let mock: RunningMock;
beforeAll(async () => {
  mock = await withMock();
});
afterAll(() => mock.close());

describe("measuring JSON text without recursion", () => {
  it("agrees with JSON.stringify on any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        expect(jsonTextLength(value, Number.POSITIVE_INFINITY)).toBe(JSON.stringify(value).length);
      }),
      { numRuns: 500 },
    );
  });

  it("agrees on the members JSON.stringify leaves out or writes as null", () => {
    const value = { a: undefined, b: () => 1, c: [undefined, () => 1, Symbol("s")], d: Number.NaN, "é\n": '\u2028"' };
    expect(jsonTextLength(value, Number.POSITIVE_INFINITY)).toBe(JSON.stringify(value).length);
  });

  it.each(DEPTHS)("metadata %i levels deep is over 500 characters, and measuring it does not throw", (depth) => {
    for (const shape of ["array", "object", "mixed"] as const) {
      expect(validMetadata(JSON.parse(nestedText(depth, shape)))).toBe(false);
    }
  });

  it("a deep value within 500 characters is valid (249 levels of [])", () => {
    expect(validMetadata(JSON.parse(nestedText(249)))).toBe(true); // 249 × 2 + 1 = 499 characters
  });
});

describe("JSON operations", () => {
  it.each(DEPTHS)("metadata %i levels deep → 422 3100 on createVerification, send and identity", async (depth) => {
    const metadata = nestedText(depth, "mixed");
    const v = await call(mock, "POST", "/api/v2/verification", { raw: raw(`{"metadata":${metadata}}`) });
    const s = await call(mock, "POST", "/api/v2/telecom/possession/sms/send", {
      raw: raw(`{"phone":"8885551234","metadata":${metadata}}`),
    });
    const i = await call(mock, "POST", "/api/v2/telecom/identity", {
      raw: raw(`{"phone":"8885551234","birth_date":"1980-01-01","metadata":${metadata}}`),
    });
    expect([v.status, codes(v), s.status, codes(s), i.status, codes(i)]).toEqual([422, [3100], 422, [3100], 422, [3100]]);
  });

  it("deep values in other fields fail those fields' rules; a deep unknown field is ignored", async () => {
    const deep = nestedText(20_000, "mixed");
    const phone = await call(mock, "POST", "/api/v2/telecom/possession/sms/send", { raw: raw(`{"phone":${deep}}`) });
    const url = await call(mock, "POST", "/api/v2/verification", { raw: raw(`{"callback_url":${deep}}`) });
    const id = await call(mock, "POST", "/api/v2/telecom/possession/sms/send", {
      raw: raw(`{"phone":"8885551234","verification_id":${deep}}`),
    });
    const confirm = await call(mock, "POST", "/api/v2/telecom/possession/sms/confirm", {
      raw: raw(`{"transaction_id":${deep},"code":${deep}}`),
    });
    const extra = await call(mock, "POST", "/api/v2/telecom/possession/sms/send", { raw: raw(`{"phone":"8885551234","extra":${deep}}`) });
    const top = await call(mock, "POST", "/api/v2/telecom/possession/sms/send", { raw: raw(deep) });
    expect([codes(phone), codes(url), id.status, codes(confirm), extra.status, codes(top)]).toEqual([
      [3101],
      [3100],
      404,
      [3105, 3102],
      200,
      [3101],
    ]);
  });
});

describe("document operations", () => {
  const form = (metadata: string, type?: string) =>
    multipart([
      { name: "front_image", value: jpeg(), filename: "success.jpg" },
      { name: "metadata", value: metadata, type },
    ]);

  it("metadata 5,000 and 30,000 levels deep in a form field (within its 64 KiB) → 422 3100", async () => {
    for (const depth of [5_000, 30_000]) {
      const a = await call(mock, "POST", "/api/v2/document/passport/verify", { raw: form(nestedText(depth)) });
      expect([depth, a.status, codes(a)]).toEqual([depth, 422, [3100]]);
    }
  });

  it("deep metadata in a part declared application/json → 422 3100", async () => {
    const a = await call(mock, "POST", "/api/v2/document/passport/verify", { raw: form(nestedText(20_000), "application/json") });
    expect([a.status, codes(a)]).toEqual([422, [3100]]);
  });
});
