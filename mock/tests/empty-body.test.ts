// M1: no body, or an empty one, is `{}` on every JSON operation. ID.me's published curl for createVerification
// sends `Content-Type: application/json` with `--data ''` and gets 200 {verification_id, transactions: []}.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningMock } from "../server.js";
import { call, codes, rawHttp, withMock } from "./helpers.js";

const CREATE = "/api/v2/verification";
const empty = (type?: string, text = "") => ({ body: Buffer.from(text), type });

let mock: RunningMock;
beforeAll(async () => {
  mock = await withMock();
});
afterAll(() => mock.close());

describe("createVerification with no body (requestBody.required: false)", () => {
  it.each([
    ["the published curl: application/json, --data ''", empty("application/json")],
    ["application/json; charset=utf-8, empty", empty("application/json; charset=utf-8")],
    ["whitespace only", empty("application/json", " \r\n\t ")],
    ["Content-Length: 0 without a Content-Type", empty(undefined)],
    ["curl -d '' (form type, empty)", empty("application/x-www-form-urlencoded")],
    ["text/plain, whitespace only", empty("text/plain", "  ")],
    ["multipart type, empty", empty("multipart/form-data; boundary=x")],
    ["an invalid Content-Type, empty", empty("not a media type")],
  ])("%s → 200 with a new, empty verification", async (_name, raw) => {
    const a = await call(mock, "POST", CREATE, { raw });
    expect([a.status, a.body.transactions]).toEqual([200, []]);
    const got = await call(mock, "GET", `${CREATE}/${a.body.verification_id}`);
    expect(got.status).toBe(200);
  });

  it("no body at all (no Content-Type, no Content-Length) → 200", async () => {
    const request = `POST ${CREATE} HTTP/1.1\r\nHost: mock\r\nAuthorization: Bearer ID.me ${mock.tokens.primary}\r\nConnection: close\r\n\r\n`;
    const { responses } = await rawHttp(mock, request);
    expect(responses.map((r) => r.status)).toEqual([200]);
    expect(JSON.parse(responses[0].body)).toEqual({ verification_id: expect.any(String), transactions: [] });
  });

  it("fetch's POST without a body → 200", async () => {
    const a = await call(mock, "POST", CREATE);
    expect(a.status).toBe(200);
  });

  it.each([
    ["malformed JSON", empty("application/json", "{oops")],
    ["a JSON array", empty("application/json", "[]")],
    ["JSON null", empty("application/json", "null")],
    ["a JSON string", empty("application/json", '"x"')],
    ["text/plain with content", empty("text/plain", '{"callback_url":"http://127.0.0.1/x"}')],
    [
      "a multipart form",
      { body: Buffer.from("--x\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n--x--\r\n"), type: "multipart/form-data; boundary=x" },
    ],
  ])("a body that is there but is not a JSON object (%s) → 422 3100 (M1)", async (_name, raw) => {
    const a = await call(mock, "POST", CREATE, { raw });
    expect([a.status, codes(a)]).toEqual([422, [3100]]);
  });
});

describe("the other JSON operations read an empty body as {}", () => {
  const cases: Array<[string, number[]]> = [
    ["/api/v2/telecom/possession/sms/send", [3101]],
    ["/api/v2/telecom/possession/sms/confirm", [3105, 3102]],
    ["/api/v2/telecom/identity", [3101, 3108]],
  ];
  it.each(cases)("%s: empty, whitespace-only and absent bodies → 422 %j", async (path, expected) => {
    for (const raw of [empty("application/json"), empty("application/json", "\n  \n"), empty(undefined)]) {
      const a = await call(mock, "POST", path, { raw });
      expect([a.status, codes(a)]).toEqual([422, expected]);
    }
    const request = `POST ${path} HTTP/1.1\r\nHost: mock\r\nAuthorization: Bearer ID.me ${mock.tokens.primary}\r\nConnection: close\r\n\r\n`;
    const { responses } = await rawHttp(mock, request);
    expect([responses[0].status, JSON.parse(responses[0].body).errors.map((e: { code: number }) => e.code)]).toEqual([422, expected]);
  });
});
