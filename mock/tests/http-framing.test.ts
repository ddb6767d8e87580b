// Requests Node's HTTP server would answer on its own (README M5): no Host, an unknown Expect, junk after a
// request, stalled requests. Sent byte by byte over a socket: fetch would not send most of them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningMock } from "../server.js";
import { createMockApp } from "../server.js";
import { rawHttp, withMock } from "./helpers.js";

let mock: RunningMock;
beforeAll(async () => {
  mock = await withMock();
});
afterAll(() => mock.close());

const auth = () => `Authorization: Bearer ID.me ${mock.tokens.primary}\r\n`;
const codesOf = (body: string): number[] => JSON.parse(body).errors.map((e: { code: number }) => e.code);

describe("a request without Host", () => {
  it("is answered like any other (200 on /health, 401 1100 in the envelope without credentials), not Node's empty 400", async () => {
    const health = await rawHttp(mock, "GET /health HTTP/1.1\r\nConnection: close\r\n\r\n");
    const create = await rawHttp(mock, "POST /api/v2/verification HTTP/1.1\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    expect(health.responses.map((r) => r.status)).toEqual([200]);
    expect(create.responses.map((r) => [r.status, r.headers["content-type"], codesOf(r.body)])).toEqual([
      [401, "application/json; charset=utf-8", [1100]],
    ]);
  });

  it("with credentials it creates a verification (200)", async () => {
    const a = await rawHttp(mock, `POST /api/v2/verification HTTP/1.1\r\n${auth()}Connection: close\r\nContent-Length: 0\r\n\r\n`);
    expect(a.responses.map((r) => r.status)).toEqual([200]);
  });
});

describe("an Expect header the mock does not meet", () => {
  it("is ignored: 401 comes first without credentials, 200 with them (no bare 417)", async () => {
    const head = "POST /api/v2/verification HTTP/1.1\r\nHost: mock\r\nExpect: bogus\r\nConnection: close\r\nContent-Length: 0\r\n";
    const anonymous = await rawHttp(mock, `${head}\r\n`);
    const known = await rawHttp(mock, `${head}${auth()}\r\n`);
    expect([anonymous.responses.map((r) => [r.status, codesOf(r.body)]), known.responses.map((r) => r.status)]).toEqual([
      [[401, [1100]]],
      [200],
    ]);
  });

  it("100-continue still gets its interim 100, then the answer", async () => {
    const a = await rawHttp(
      mock,
      `POST /api/v2/verification HTTP/1.1\r\nHost: mock\r\nExpect: 100-continue\r\n${auth()}Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
    );
    expect(a.responses.map((r) => r.status)).toEqual([100, 200]);
  });
});

describe("junk after a complete request, in the same packet", () => {
  it("the request is answered first, then the connection is closed", async () => {
    const a = await rawHttp(mock, "GET /health HTTP/1.1\r\nHost: mock\r\n\r\nJUNK JUNK\r\n\r\n");
    expect([a.responses.map((r) => [r.status, r.headers.connection]), a.closed]).toEqual([[[200, "close"]], true]);
  });

  it("also after a POST whose answer takes a handler (200 with the verification)", async () => {
    const a = await rawHttp(
      mock,
      `POST /api/v2/verification HTTP/1.1\r\nHost: mock\r\n${auth()}Content-Length: 0\r\n\r\n\x00\x01\x02garbage`,
    );
    expect([a.responses.map((r) => r.status), JSON.parse(a.responses[0].body).transactions, a.closed]).toEqual([[200], [], true]);
  });

  it("pipelined requests before the junk are all answered, in order", async () => {
    const get = "GET /health HTTP/1.1\r\nHost: mock\r\n\r\n";
    const create = `POST /api/v2/verification HTTP/1.1\r\nHost: mock\r\n${auth()}Content-Length: 0\r\n\r\n`;
    const a = await rawHttp(mock, `${get}${create}NOT HTTP\r\n\r\n`);
    expect([a.responses.map((r) => r.status), a.closed]).toEqual([[200, 200], true]);
  });

  it("junk with no request before it is not answered (the connection is closed)", async () => {
    const a = await rawHttp(mock, "JUNK JUNK\r\n\r\n");
    expect([a.responses, a.closed]).toEqual([[], true]);
  });
});

describe("stalled requests (README M5)", () => {
  it("are cut after the request timeout, checked every second by default: 30 s, not Node's 60 s headers timeout", async () => {
    const m = await createMockApp();
    try {
      const s = m.app.server;
      expect([s.requestTimeout, s.headersTimeout, (s as { connectionsCheckingInterval?: number }).connectionsCheckingInterval]).toEqual([
        30_000, 30_000, 1_000,
      ]);
    } finally {
      await m.close();
    }
  });

  it("headers, a JSON body or an upload that stop arriving are cut, unanswered, between the timeout and timeout + check", async () => {
    const m = await withMock({ timeouts: { requestMs: 600, checkMs: 100 } });
    try {
      const token = `Authorization: Bearer ID.me ${m.tokens.primary}\r\n`;
      const stalled = [
        "GET /health HTTP/1.1\r\nHost: mock\r\n",
        `POST /api/v2/verification HTTP/1.1\r\nHost: mock\r\n${token}Content-Type: application/json\r\nContent-Length: 10\r\n\r\n{"a`,
        `POST /api/v2/document/passport/verify HTTP/1.1\r\nHost: mock\r\n${token}Content-Type: multipart/form-data; boundary=b\r\nContent-Length: 99999\r\n\r\n--b\r\nContent-Disposition: form-data; name="front_image"; filename="a.jpg"\r\n\r\n\xff\xd8\xff`,
      ];
      const results = await Promise.all(stalled.map((text) => rawHttp(m, Buffer.from(text, "latin1"), 8000)));
      for (const r of results) {
        expect([r.responses, r.closed]).toEqual([[], true]);
        expect(r.ms).toBeGreaterThanOrEqual(550);
        expect(r.ms).toBeLessThan(5000); // 600 + 100 ms, with room for a loaded machine
      }
    } finally {
      await m.close();
    }
  });
});
