/** HAR in and out: a lossless round trip of the suite's records, and the HAR other tools write, with its gaps. */
import { describe, expect, it } from "vitest";
import { createRedactor } from "../harness/redact.js";
import type { ExchangeRecord } from "../lib/exchange.js";
import { type Har, HarError, readHar, recordOfHar, writeHar } from "./har.js";
import { matchRequest } from "./match.js";
import { MultipartScanner } from "./multipart-scan.js";

const none = createRedactor([]);

const record = (over: Partial<ExchangeRecord> = {}): ExchangeRecord => ({
  operationId: "sendSmsCode",
  request: {
    method: "POST",
    url: "http://127.0.0.1:4010/api/v2/telecom/possession/sms/send?x=1",
    path: "/api/v2/telecom/possession/sms/send?x=1",
    headers: { Authorization: "Bearer ID.me $IDME_TOKEN", "Content-Type": "application/json" },
    bodyPreview: '{\n  "phone": "12345"\n}',
    curl: `curl -sS -i -X POST 'http://127.0.0.1:4010/api/v2/telecom/possession/sms/send?x=1' -H "Authorization: Bearer ID.me $IDME_TOKEN_PRIMARY"`,
  },
  response: {
    status: 422,
    headers: { "content-type": "application/json; charset=utf-8", "content-length": "88" },
    text: '{"errors":[{"code":3101,"message":"Transaction parameter phone is missing or invalid"}]}',
    bytes: 88,
    truncated: false,
  },
  durationMs: 4,
  startedAt: "2026-01-02T03:04:05.678Z",
  ...over,
});

const upload = record({
  operationId: "verifyPassport",
  request: {
    method: "POST",
    url: "http://127.0.0.1:4010/api/v2/document/passport/verify",
    path: "/api/v2/document/passport/verify",
    headers: { Authorization: "Bearer ID.me $IDME_TOKEN", "Content-Type": "multipart/form-data; boundary=----x" },
    bodyPreview: "metadata=a=b\nfront_image: file success.jpg (49152 bytes)",
    curl: "curl -F …",
  },
  response: { status: 200, headers: { "content-type": "application/json" }, text: "x".repeat(100), bytes: 5_000_000, truncated: true },
  openCodes: "D39 leaves it open",
});

describe("writeHar → readHar", () => {
  it("gives back the records as they were (operation, preview, curl, OPEN codes, truncation, header case)", () => {
    const records = [record(), upload, record({ operationId: null, response: { ...record().response, status: 204, text: "", bytes: 0 } })];
    const har = writeHar(
      records.map((r, i) => ({
        record: r,
        ...(i === 0 ? { test: { id: "f#t", title: "[INPUT-PHONE-02] t", requirement: "INPUT-PHONE-02", observeOnly: false } } : {}),
      })),
      { name: "idme-conformance", version: "0.1.0" },
    );
    expect(har.log.version).toBe("1.2");
    expect(har.log.entries[0].comment).toBe("[INPUT-PHONE-02] t");
    expect(har.log.entries[1].request.postData).toEqual({
      mimeType: "multipart/form-data; boundary=----x",
      params: [
        { name: "metadata", value: "a=b" },
        { name: "front_image", fileName: "success.jpg", value: "" },
      ],
    });
    const back = readHar(JSON.stringify(har), "x.har");
    expect(back.skipped).toEqual([]);
    const again = back.exchanges.map((h) => recordOfHar(h, h.meta?.operationId ?? null, h.meta?.path ?? h.request.path, none));
    expect(again).toEqual(records);
  });
});

const entry = (over: Record<string, unknown> = {}) => ({
  startedDateTime: "2026-01-02T03:04:05.678+01:00",
  time: 12.6,
  request: {
    method: "GET",
    url: "https://services.idmelabs.com/api/v2/telecom/0d2b4c1e-1111-4222-8333-444455556666",
    headers: [
      { name: ":authority", value: "services.idmelabs.com" },
      { name: "authorization", value: "Bearer ID.me c2VjcmV0LXRva2Vu" },
    ],
  },
  response: {
    status: 404,
    headers: [{ name: "Content-Type", value: "application/json" }],
    content: { size: 51, mimeType: "application/json", text: '{"errors":[{"code":4100,"message":"Resource not found"}]}' },
  },
  ...over,
});

const har = (entries: unknown[]) => JSON.stringify({ log: { version: "1.2", creator: { name: "Chrome", version: "130" }, entries } });

describe("readHar on other tools' files", () => {
  it("reads an entry, drops HTTP/2 pseudo-headers, lower-cases response headers, keeps the creator", () => {
    const r = readHar(har([entry()]), "chrome.har");
    expect(r.creator).toBe("Chrome 130");
    const [x] = r.exchanges;
    expect(x.request.headers).toEqual({ authorization: "Bearer ID.me c2VjcmV0LXRva2Vu" });
    expect(x.response.headers).toEqual({ "content-type": "application/json" });
    expect(x.durationMs).toBe(12.6);
    expect(x.notes).toEqual([]);
  });

  it("decodes base64 bodies, parses a multipart postData text and a urlencoded params list", () => {
    const boundary = "XyZ";
    const multipart = `--${boundary}\r\nContent-Disposition: form-data; name="metadata"\r\n\r\n{"a":1}\r\n--${boundary}\r\nContent-Disposition: form-data; name="front_image"; filename="f.jpg"\r\nContent-Type: image/jpeg\r\n\r\n\u00ff\u00d8abc\r\n--${boundary}--\r\n`;
    const r = readHar(
      har([
        entry({
          request: {
            method: "POST",
            url: "https://h/api/v2/document/passport/verify",
            headers: [],
            postData: {
              mimeType: `multipart/form-data; boundary=${boundary}`,
              text: Buffer.from(multipart, "latin1").toString("base64"),
              encoding: "base64",
            },
          },
          response: {
            status: 200,
            headers: [],
            content: { size: 9, text: Buffer.from('{"ok":1}').toString("base64"), encoding: "base64" },
          },
        }),
        entry({
          request: {
            method: "POST",
            url: "https://h/api/v2/verification",
            headers: [],
            postData: { mimeType: "application/x-www-form-urlencoded", params: [{ name: "a", value: "b c" }] },
          },
        }),
      ]),
      "mitm.har",
    );
    expect(r.exchanges[0].request.body).toEqual({
      kind: "multipart",
      bytes: Buffer.byteLength(multipart, "latin1"),
      parts: [
        { name: "metadata", value: '{"a":1}', bytes: 7 },
        { name: "front_image", filename: "f.jpg", contentType: "image/jpeg", bytes: 5 },
      ],
    });
    expect(r.exchanges[0].response.text).toBe('{"ok":1}');
    expect(r.exchanges[0].response.bytes).toBe(9);
    expect(r.exchanges[1].request.body).toEqual({ kind: "text", text: "a=b+c", bytes: 5 });
  });

  it("tolerates missing fields with a note, and skips what cannot be judged with the reason", () => {
    const r = readHar(
      har([
        { request: { url: "https://h/health" }, response: { status: 200, content: { size: 0 } } },
        entry({ response: { status: 0, content: {} } }),
        entry({ response: { status: 200, headers: [], content: { size: 120, mimeType: "application/json" } } }),
        entry({ request: { method: "GET", url: "/relative" } }),
        "not an entry",
      ]),
      "postman.har",
    );
    expect(r.exchanges).toHaveLength(1);
    expect(r.exchanges[0].notes).toEqual([
      "request method missing: read as GET",
      "request headers missing: read as none",
      "response headers missing: read as none",
      "startedDateTime missing or not a date: read as 1970-01-01T00:00:00.000Z",
      "time missing: read as 0 ms",
    ]);
    expect(r.skipped.map((s) => [s.index, s.reason])).toEqual([
      [1, "no response was recorded (status 0: failed, blocked or cancelled)"],
      [2, "the response body was not recorded (content.text is missing): export the HAR with content"],
      [3, "the request URL is not absolute: /relative"],
      [4, "the entry is not an object"],
    ]);
  });

  it("refuses what is not a HAR file in one line", () => {
    expect(() => readHar("{nope", "a.har")).toThrow(HarError);
    expect(() => readHar("{nope", "a.har")).toThrow(/^a\.har is not JSON \(.*\): export the session as HAR 1\.2$/);
    expect(() => readHar('{"log":{}}', "b.har")).toThrow("b.har is not a HAR file (no log.entries): export the session as HAR 1.2 (.har)");
  });
});

describe("matchRequest", () => {
  it("matches the spec's paths, keeps unknown API routes, skips the rest with the reason", () => {
    expect(matchRequest("get", "https://h/api/v2/telecom/abc?x=1")).toEqual({
      kind: "operation",
      operationId: "getTelecomTransaction",
      path: "/api/v2/telecom/abc?x=1",
    });
    expect(matchRequest("POST", "https://h/api/v2/telecom/identity")).toMatchObject({ operationId: "verifyTelecomIdentity" });
    expect(matchRequest("DELETE", "https://h/api/v2/verification")).toEqual({ kind: "unknown-route", path: "/api/v2/verification" });
    expect(matchRequest("GET", "https://h/static/app.js")).toMatchObject({
      kind: "skip",
      reason: expect.stringMatching(/^not a Services API v2 call/),
    });
    expect(matchRequest("OPTIONS", "https://h/api/v2/verification")).toMatchObject({
      kind: "skip",
      reason: expect.stringMatching(/CORS preflight/),
    });
    const base = new URL("https://gw.example/idme/");
    expect(matchRequest("GET", "https://gw.example/idme/health", base)).toMatchObject({ operationId: "getHealth", path: "/health" });
    expect(matchRequest("GET", "https://other.example/health", base)).toMatchObject({
      kind: "skip",
      reason: "another origin than https://gw.example: https://other.example",
    });
  });
});

describe("MultipartScanner", () => {
  it("lists the parts whatever the chunk boundaries (a delimiter split across chunks included)", () => {
    const boundary = "----idme-b0undary";
    const file = Buffer.alloc(70_000, 0x2d); // dashes: a near-delimiter everywhere
    const body = Buffer.concat([
      Buffer.from(`preamble\r\n--${boundary}\r\nContent-Disposition: form-data; name="callback_url"\r\n\r\nhttps://x.example/cb\r\n`),
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="front_image"; filename="a \\"b\\".jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
      ),
      file,
      Buffer.from(`\r\n--${boundary}--\r\nepilogue`),
    ]);
    for (const size of [1, 7, 64, 4096, body.length]) {
      const s = new MultipartScanner(boundary);
      for (let i = 0; i < body.length; i += size) s.write(body.subarray(i, i + size));
      expect(s.end(), `chunks of ${size}`).toEqual([
        { name: "callback_url", value: "https://x.example/cb", bytes: 20 },
        { name: "front_image", filename: 'a "b".jpg', contentType: "image/jpeg", bytes: 70_000 },
      ]);
      expect(s.broken).toBe(false);
    }
  });
});

export type { Har };
