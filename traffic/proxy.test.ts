/**
 * The proxy in this process, in front of the embedded mock (conformant, faulty, hostile) and of bad
 * upstreams: verdicts, answers forwarded unchanged (a 17 MB binary upload byte for byte), the fail-fast
 * header, the limits, the 502 / 504 with the error envelope, the reports written on abort, no secret in them.
 */
import { createHash, randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import { type AddressInfo, createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { faultsById } from "../faults/catalogue.js";
import { startMock } from "../mock/server.js";
import { verifyManifest } from "../reporting/manifest.js";
import { createScanner } from "../reporting/secrets-scan.js";
import { CLOSED_PORT } from "../robustness/bad-targets.js";
import { HOSTILE_CASES, makeCanaries, startHostileTarget } from "../robustness/hostile-targets.js";
import { ROLES } from "../mock/types.js";
import { envelope, PROXY_HEADER, startProxy, VIOLATION_HEADER } from "./proxy.js";
import { image, sampleSession } from "./sample-client.js";
import { judgeCapture, runProxy } from "./session.js";
import { trafficCertification } from "./verdict.js";
import { exitCodeOf } from "../reporting/certification.js";

const work = mkdtempSync(join(tmpdir(), "idme-proxy-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A small client session through a proxy in front of a mock with these faults: the certification. */
async function proxiedSession(faults: string[], opts: { failFastHeader?: boolean } = {}) {
  const mock = await startMock({ faults: faultsById(faults) });
  const proxy = await startProxy({ upstream: mock.baseUrl, ...opts });
  try {
    const answers = await sampleSession(proxy.url, mock.tokens.primary);
    const capture = await proxy.close();
    return { answers, capture, ...trafficCertification(judgeCapture(capture, {}), "proxy") };
  } finally {
    await mock.close();
  }
}

/** POST a body through node:http (no client library re-encoding it); the answer's status, headers and bytes. */
function post(url: string, body: Buffer, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const req = request(url, { method: "POST", headers: { ...headers, "content-length": String(body.length) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

function multipart(boundary: string, data: Buffer, filename = "success.jpg"): Buffer {
  return Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="front_image"; filename="${filename}"\r\nContent-Type: image/jpeg\r\n\r\n`,
    ),
    data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
}

describe("a client's traffic through the proxy", () => {
  it("to the conformant mock: conformant within what was seen (exit 0); the non-API request is skipped with its reason", async () => {
    const { certification: c, summary, capture } = await proxiedSession([]);
    expect(c.verdict, c.summary).toBe("conformant");
    expect(exitCodeOf(c.verdict)).toBe(0);
    expect(c.summary).toMatch(
      /^CONFORMANT within what was seen: \d+ of \d+ MUST requirements the traffic exercised passed \(9 exchange\(s\) judged, 1 skipped\)$/,
    );
    expect(summary.skipped.byReason).toEqual([
      {
        reason: "not a Services API v2 call (the path is neither /health nor under /api/v2)",
        count: 1,
        examples: [expect.stringContaining("/favicon.ico")],
      },
    ]);
    expect(capture.exchanges.map((x) => x.record.operationId)).toContain("verifyPassport");
    // Requirements only a suite test can verify are not selected, with the reason.
    expect(c.requirements.find((e) => e.id === "AUTH-01")).toMatchObject({
      result: "not-selected",
      reason: expect.stringMatching(/^not judged from traffic/),
    });
    expect(c.requirements.find((e) => e.id === "SCHEMA-01")).toMatchObject({
      result: "pass",
      reason: expect.stringMatching(/^verified by the standard check on \d+ answer\(s\)$/),
    });
  });

  it.each([
    ["errors-as-object", "SCHEMA-01"],
    ["result-not-results", "TRANSACTION-04"],
    ["timestamps-without-offset", "TRANSACTION-05"],
  ])("to a mock with the fault %s: non-conformant, naming %s (exit 1)", async (fault, requirement) => {
    const { certification: c } = await proxiedSession([fault]);
    expect(c.verdict).toBe("non-conformant");
    expect(c.failedMust).toEqual([requirement]);
    expect(faultsById([fault])[0].breaks).toContain(requirement);
  });

  it("forwards answers unchanged; --fail-fast-header adds only the violation header", async () => {
    const mock = await startMock({ faults: faultsById(["errors-as-object"]) });
    const plain = await startProxy({ upstream: mock.baseUrl });
    const flagged = await startProxy({ upstream: mock.baseUrl, failFastHeader: true });
    try {
      const send = (base: string) =>
        post(`${base}/api/v2/telecom/possession/sms/send`, Buffer.from('{"phone":"12345"}'), {
          authorization: `Bearer ID.me ${mock.tokens.primary}`,
          "content-type": "application/json",
        });
      const [direct, through, withHeader] = [await send(mock.baseUrl), await send(plain.url), await send(flagged.url)];
      expect(through.status).toBe(direct.status);
      expect(through.body.equals(direct.body)).toBe(true);
      // Date is the upstream's own; Connection and Keep-Alive belong to each hop (RFC 9110 §7.6.1).
      const { date: _a, connection: _c, "keep-alive": _k, ...directHeaders } = direct.headers;
      const { date: _b, connection: _d, "keep-alive": _l, ...throughHeaders } = through.headers;
      expect(throughHeaders).toEqual(directHeaders);
      expect(through.headers[VIOLATION_HEADER]).toBeUndefined();
      expect(withHeader.body.equals(direct.body)).toBe(true);
      expect(withHeader.headers[VIOLATION_HEADER]).toBe("[SCHEMA-01] error_envelope: errors is an object, expected a list");
    } finally {
      await plain.close();
      await flagged.close();
      await mock.close();
    }
  });

  it("passes a 17 MB binary multipart upload through byte for byte (and the mock answers as it would directly)", async () => {
    const seen: { sha256: string; bytes: number }[] = [];
    const echo = createServer((req, res) => {
      const h = createHash("sha256");
      let bytes = 0;
      req.on("data", (c: Buffer) => {
        h.update(c);
        bytes += c.length;
      });
      req.on("end", () => {
        seen.push({ sha256: h.digest("hex"), bytes });
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(seen.at(-1)));
      });
    });
    const echoUrl = await listen(echo);
    const mock = await startMock();
    const toEcho = await startProxy({ upstream: echoUrl });
    const toMock = await startProxy({ upstream: mock.baseUrl });
    try {
      // Random bytes: CR, LF, NUL, dashes and invalid UTF-8 everywhere (what corrupts an upload that is decoded as text).
      const data = Buffer.concat([image(16).subarray(0, 12), randomBytes(17 * 1024 * 1024)]);
      const boundary = `----b${randomBytes(8).toString("hex")}`;
      const body = multipart(boundary, data);
      const headers = { authorization: `Bearer ID.me ${mock.tokens.primary}`, "content-type": `multipart/form-data; boundary=${boundary}` };
      const r = await post(`${toEcho.url}/api/v2/document/passport/verify`, body, headers);
      expect(r.status).toBe(200);
      expect(JSON.parse(r.body.toString())).toEqual({ sha256: createHash("sha256").update(body).digest("hex"), bytes: body.length });

      const direct = await post(`${mock.baseUrl}/api/v2/document/passport/verify`, body, headers);
      const proxied = await post(`${toMock.url}/api/v2/document/passport/verify`, body, headers);
      expect(proxied.status).toBe(direct.status);
      expect(proxied.body.toString()).toBe(direct.body.toString());
      expect(JSON.parse(proxied.body.toString()).errors.map((e: { code: number }) => e.code)).toEqual([3110]); // over the 16 MB bound (D21)
      const capture = await toMock.close();
      expect(capture.exchanges[0].record.request.bodyPreview).toBe(`front_image: file success.jpg (${data.length} bytes)`);
    } finally {
      await toEcho.close();
      await toMock.close();
      await mock.close();
      await new Promise<void>((resolve) => echo.close(() => resolve()));
    }
  });

  it("answers 502 with the error envelope when the upstream is unreachable: could not run (exit 2)", async () => {
    const upstream = `http://127.0.0.1:${CLOSED_PORT}`; // refused (robustness/bad-targets.ts)
    const proxy = await startProxy({ upstream });
    const res = await fetch(`${proxy.url}/api/v2/verification`, { method: "POST", body: "{}" });
    expect(res.status).toBe(502);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get(PROXY_HEADER)).toBe("upstream-unreachable");
    expect(await res.json()).toEqual(JSON.parse(envelope(`idme-conformance proxy: the upstream ${upstream} is unreachable: ECONNREFUSED`)));
    const { certification: c } = trafficCertification(judgeCapture(await proxy.close(), {}), "proxy");
    expect(c.verdict).toBe("could-not-run");
    expect(exitCodeOf(c.verdict)).toBe(2);
  });

  it("sends a GET once more on a new connection when the upstream closed the kept-alive one while idle; a POST gets the 502", async () => {
    // Answers the first request of each connection, keeping it alive, and closes it at the second without an
    // answer: the race of a server closing an idle connection as a request goes out on it, made certain.
    let requests = 0;
    const upstream = createNetServer((socket) => {
      let seen = 0;
      socket.on("data", (d: Buffer) => {
        for (let i = d.indexOf("\r\n\r\n"); i !== -1; i = d.indexOf("\r\n\r\n", i + 4)) {
          requests++;
          if (++seen === 1) socket.write("HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 2\r\n\r\n{}");
          else socket.destroy();
        }
      });
    });
    await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
    const proxy = await startProxy({ upstream: `http://127.0.0.1:${(upstream.address() as AddressInfo).port}` });
    try {
      expect((await fetch(`${proxy.url}/health`)).status).toBe(200);
      // On the kept-alive connection, closed at it; then on a new one.
      expect((await fetch(`${proxy.url}/health`)).status).toBe(200);
      expect(requests).toBe(3);
      expect((await fetch(`${proxy.url}/health`)).status).toBe(200); // a new kept-alive connection
      const posted = await post(`${proxy.url}/api/v2/verification`, Buffer.from("{}"), { "content-type": "application/json" });
      expect(posted.status).toBe(502);
      expect(posted.headers[PROXY_HEADER]).toBe("upstream-unreachable");
      expect(requests).toBe(5);
    } finally {
      await proxy.close();
      await new Promise<void>((resolve) => upstream.close(() => resolve()));
    }
  });

  it("bounds the wait for the upstream (504) and the request body (413), each with the envelope", async () => {
    const silent = createServer(() => {}); // accepts, never answers
    const silentUrl = await listen(silent);
    const mock = await startMock();
    const slow = await startProxy({ upstream: silentUrl, limits: { upstreamResponseMs: 200 } });
    const small = await startProxy({ upstream: mock.baseUrl, limits: { maxBodyBytes: 1024 * 1024 } });
    try {
      const started = Date.now();
      const r = await fetch(`${slow.url}/health`);
      expect(r.status).toBe(504);
      expect(Date.now() - started).toBeLessThan(3000);
      expect(((await r.json()) as { errors: unknown[] }).errors[0]).toMatchObject({
        code: 5000,
        message: expect.stringContaining("did not answer in time"),
      });
      const big = await post(`${small.url}/api/v2/document/passport/verify`, Buffer.alloc(2 * 1024 * 1024), {
        "content-type": "multipart/form-data; boundary=x",
      });
      expect(big.status).toBe(413);
      expect(JSON.parse(big.body.toString()).errors[0].code).toBe(5000);
      const capture = await small.close();
      expect(capture.skipped[0].reason).toMatch(/^refused by the proxy: the request body is over 1048576 bytes$/);
    } finally {
      await slow.close();
      await small.close();
      await mock.close();
      silent.closeAllConnections();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});

describe("a proxy session", () => {
  it("writes the reports when stopped (abort = Ctrl-C / SIGTERM) and returns the verdict's exit code", async () => {
    const mock = await startMock({ faults: faultsById(["errors-as-object"]) });
    const controller = new AbortController();
    const reportsDir = join(work, "session");
    let out = "";
    const io = { out: (t: string) => (out += t), err: (t: string) => (out += t), env: {}, quiet: true };
    try {
      const session = runProxy(
        {
          upstream: mock.baseUrl,
          host: "127.0.0.1",
          port: 0,
          reportsDir,
          html: true,
          signal: controller.signal,
          onListening: (url) => {
            void sampleSession(url, mock.tokens.primary).then(() => controller.abort());
          },
        },
        io,
      );
      const outcome = await session;
      expect(outcome.code).toBe(1);
      for (const f of [
        "certification.json",
        "certification.md",
        "junit.xml",
        "coverage.md",
        "coverage.json",
        "results.json",
        "manifest.json",
        "allure-report/index.html",
      ])
        expect(existsSync(join(reportsDir, f)), f).toBe(true);
      expect(verifyManifest(reportsDir, {}).ok).toBe(true);
      const junit = readFileSync(join(reportsDir, "junit.xml"), "utf8");
      expect(junit).toContain('name="verdict" value="non-conformant"');
      expect(junit).toMatch(
        /<testcase classname="traffic\/proxy" name="#\d+ POST \/api\/v2\/telecom\/possession\/sms\/send → 422 \(sendSmsCode\)"/,
      );
      expect(readFileSync(join(reportsDir, "certification.md"), "utf8")).toContain("## Traffic");
      expect(out.trim().split("\n").at(-1)).toMatch(
        /^verdict: NON-CONFORMANT: 1 of \d+ MUST requirements the traffic exercised failed \(SCHEMA-01\)/,
      );
      expect(out).toMatch(/✗ #\d+ POST \/api\/v2\/verification → 401: \[SCHEMA-01\] error_envelope/);
    } finally {
      await mock.close();
    }
  });

  it.each(HOSTILE_CASES.filter((c) => c !== "webhook-forward"))(
    "against a hostile upstream (%s): no form of the caller's credential in any artifact or line printed",
    async (hostile) => {
      const canaries = makeCanaries();
      const target = await startHostileTarget(hostile, canaries);
      const reportsDir = join(work, `hostile-${hostile}`);
      let printed = "";
      const io = { out: (t: string) => (printed += t), err: (t: string) => (printed += t), env: {}, quiet: false };
      const controller = new AbortController();
      try {
        await runProxy(
          {
            upstream: target.baseUrl,
            host: "127.0.0.1",
            port: 0,
            reportsDir,
            html: false,
            failFastHeader: true,
            signal: controller.signal,
            onListening: (url) => void sampleSession(url, canaries.tokens.primary).finally(() => controller.abort()),
          },
          io,
        );
      } finally {
        await target.close();
      }
      const secrets = ROLES.flatMap((r) => [canaries.secrets[r], canaries.tokens[r]]);
      const scanner = createScanner([...secrets, hostile === "split" ? canaries.controlToken : canaries.control]);
      const hits = scanner.scanDir(reportsDir);
      expect(hits.filter((h) => h.secretIndex < secrets.length).map((h) => `${h.file}: ${h.form} (${h.via})`)).toEqual([]);
      expect(scanner.scanString(printed).filter((h) => h.secretIndex < secrets.length)).toEqual([]);
      // The control string travels like the credential: the scanner sees where a leak would land.
      expect(hits.some((h) => h.secretIndex === secrets.length && h.file === "results.json")).toBe(true);
    },
  );
});
