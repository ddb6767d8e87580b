/**
 * Defines `startProxy`: a forwarding proxy (node:http) between a client — an SDK's integration tests — and
 * a Services API v2 target. Every exchange is forwarded unchanged: the request's bytes are streamed to the
 * upstream as they arrive (an upload is never buffered, so a 17 MB image arrives byte for byte), the
 * answer's status, headers and bytes are streamed back. Beside the stream the proxy keeps what the
 * reports need (the first 64 KB of a text body, the parts of a multipart body, the first 1 MB of the
 * answer), redacted with every credential the traffic carried, and judges each answer by the standard
 * checks. It changes an answer only when asked (`failFastHeader`: the answer waits to be read whole, up
 * to 1 MB, and gets `x-idme-conformance-violation` naming its first violation).
 *
 * Bounded: connections (`maxConnections`), the request body (`maxBodyBytes`, 413), the client's request
 * time, the wait for the upstream's answer once the request is sent and the whole exchange (504), and the
 * exchanges kept for the reports. An upstream that cannot be reached gets the caller a 502 with the error
 * envelope `{"errors":[{"code":5000,"message":…}]}` (the spec's ErrorEnvelope; 5000 is the catalogue's
 * internal-error code) and `x-idme-conformance-proxy: upstream-unreachable`.
 */
import {
  Agent as HttpAgent,
  type IncomingMessage,
  request as httpRequest,
  type Server,
  type ServerResponse,
  createServer,
} from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, constants, gunzipSync, inflateSync } from "node:zlib";
import type { CheckContext } from "../checks/types.js";
import { READ_LIMIT } from "../harness/http-send.js";
import type { ExchangeRecord } from "../lib/exchange.js";
import {
  firstViolation,
  type ExchangeJudgement,
  judgeExchange,
  type TrafficExchange,
  type TrafficFailure,
  type TrafficSkip,
} from "./judge.js";
import { matchRequest } from "./match.js";
import { boundaryOf, MultipartScanner } from "./multipart-scan.js";
import { buildRecord, type CapturedRequest, PREVIEW_LIMIT, redactRecord, type RequestBody } from "./record.js";
import { TrafficSecrets } from "./secrets.js";
import { KEPT_ALIVE } from "../harness/agents.js";
import { closedWhileIdle } from "../harness/http-send.js";

export const VIOLATION_HEADER = "x-idme-conformance-violation";
export const PROXY_HEADER = "x-idme-conformance-proxy";

export interface ProxyLimits {
  /** connections from clients at once (more are refused by the server) and sockets to the upstream */
  maxConnections: number;
  /** a request body over this is answered 413 (default 64 MiB: a 16 MiB image and its multipart framing fit) */
  maxBodyBytes: number;
  /** the wait for the upstream's status line once the request is sent */
  upstreamResponseMs: number;
  /** the whole exchange with the upstream, upload and answer */
  upstreamDeadlineMs: number;
  /** the client's whole request (node's requestTimeout) and its headers */
  clientRequestMs: number;
  clientHeadersMs: number;
  /** exchanges kept for the reports; later ones are forwarded and counted, not judged */
  maxExchanges: number;
}

export const DEFAULT_LIMITS: ProxyLimits = {
  maxConnections: 256,
  maxBodyBytes: 64 * 1024 * 1024,
  upstreamResponseMs: 30_000,
  upstreamDeadlineMs: 120_000,
  clientRequestMs: 300_000,
  clientHeadersMs: 30_000,
  maxExchanges: 100_000,
};

export interface ProxyEvent {
  index: number;
  /** `POST /api/v2/… → 422` (redacted) */
  line: string;
  kind: "judged" | "skipped" | "no-answer";
  /** the first violation of a judged answer */
  violation?: string;
  reason?: string;
}

export interface ProxyOptions {
  upstream: string;
  host?: string;
  port?: number;
  failFastHeader?: boolean;
  exactMessages?: boolean;
  /** IDME_TOKEN_* variables are secrets too */
  env?: NodeJS.ProcessEnv;
  limits?: Partial<ProxyLimits>;
  onEvent?: (e: ProxyEvent) => void;
}

export interface ProxyCapture {
  upstream: string;
  exchanges: TrafficExchange[];
  skipped: TrafficSkip[];
  failures: TrafficFailure[];
  /** exchanges past maxExchanges: forwarded, not judged */
  dropped: number;
  startedAt: string;
  durationMs: number;
}

export interface RunningProxy {
  url: string;
  upstream: string;
  /** Stops accepting, waits up to `graceMs` for the exchanges in flight, closes the rest; what was seen. */
  close(graceMs?: number): Promise<ProxyCapture>;
}

/** Hop-by-hop headers (RFC 9110 §7.6.1) are the proxy's own; `expect` was answered by the proxy already. */
const HOP = new Set(["connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "expect"]);

function endToEnd(raw: readonly string[], replace: Record<string, string> = {}): string[] {
  const named = new Set<string>();
  for (let i = 0; i < raw.length; i += 2)
    if (raw[i].toLowerCase() === "connection") for (const n of raw[i + 1].split(",")) named.add(n.trim().toLowerCase());
  const out: string[] = [];
  for (let i = 0; i < raw.length; i += 2) {
    const k = raw[i].toLowerCase();
    if (HOP.has(k) || named.has(k)) continue;
    out.push(raw[i], k in replace ? replace[k] : raw[i + 1]);
  }
  return out;
}

function flat(raw: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < raw.length; i += 2) {
    const k = raw[i].toLowerCase();
    out[k] = out[k] === undefined ? raw[i + 1] : `${out[k]}, ${raw[i + 1]}`;
  }
  return out;
}

/** The kept bytes of an answer as the checks read them: decompressed when the upstream compressed it. */
function decoded(kept: Buffer, encoding: string | undefined): Buffer {
  const e = (encoding ?? "").trim().toLowerCase();
  if (!e || e === "identity" || kept.length === 0) return kept;
  const opts = { maxOutputLength: 8 * READ_LIMIT };
  try {
    if (e === "gzip" || e === "x-gzip") return gunzipSync(kept, { ...opts, finishFlush: constants.Z_SYNC_FLUSH });
    if (e === "deflate") return inflateSync(kept, { ...opts, finishFlush: constants.Z_SYNC_FLUSH });
    if (e === "br") return brotliDecompressSync(kept, { ...opts, finishFlush: constants.BROTLI_OPERATION_FLUSH });
  } catch {
    /* judged as sent */
  }
  return kept;
}

/** A header value a client can read: printable ASCII, one line, bounded. */
const headerSafe = (s: string) => s.replace(/[^\x20-\x7e]/g, "?").slice(0, 500);

export function envelope(message: string): string {
  return JSON.stringify({ errors: [{ code: 5000, message }] });
}

export async function startProxy(o: ProxyOptions): Promise<RunningProxy> {
  const limits: ProxyLimits = { ...DEFAULT_LIMITS, ...o.limits };
  const upstream = new URL(o.upstream);
  if (upstream.protocol !== "http:" && upstream.protocol !== "https:") throw new Error(`the upstream must be http(s): ${o.upstream}`);
  const prefix = upstream.pathname.replace(/\/+$/, "");
  const upstreamBase = `${upstream.origin}${prefix}`;
  const secure = upstream.protocol === "https:";
  // Idle upstream connections closed before the upstream closes them (a request sent as it does would fail).
  const agentOptions = { ...KEPT_ALIVE, maxSockets: limits.maxConnections };
  const agent = secure ? new HttpsAgent(agentOptions) : new HttpAgent(agentOptions);
  const send = secure ? httpsRequest : httpRequest;
  const secrets = new TrafficSecrets(o.env ?? {});
  const ctx: CheckContext = { exactMessages: o.exactMessages ?? false };
  const startedAt = new Date().toISOString();
  const started = performance.now();
  const exchanges: TrafficExchange[] = [];
  const skipped: TrafficSkip[] = [];
  const failures: TrafficFailure[] = [];
  let dropped = 0;
  let counter = 0;
  const inFlight = new Set<Promise<void>>();
  /** the number of secrets each record was redacted with: a record made before a new one was seen is redacted again */
  const redactedWith = new WeakMap<ExchangeRecord, number>();

  const handle = (req: IncomingMessage, res: ServerResponse): Promise<void> =>
    new Promise<void>((done) => {
      const index = ++counter;
      const t0 = performance.now();
      const exchangeStartedAt = new Date().toISOString();
      const method = (req.method ?? "GET").toUpperCase();
      // A client configured with HTTP_PROXY sends the absolute form; the API path is what matters.
      const rawUrl = req.url ?? "/";
      const path = /^https?:\/\//i.test(rawUrl)
        ? (() => {
            const u = new URL(rawUrl);
            return `${u.pathname}${u.search}`;
          })()
        : rawUrl.startsWith("/")
          ? rawUrl
          : `/${rawUrl}`;
      const targetUrl = `${upstreamBase}${path}`;
      const headers = flat(req.rawHeaders);
      secrets.addHeaders(headers);
      const match = matchRequest(method, `http://proxy${path}`);
      res.sendDate = false; // the upstream's Date (or none), not ours

      let up: ReturnType<typeof send> | undefined;
      let responseTimer: NodeJS.Timeout | undefined;
      let deadline: NodeJS.Timeout | undefined;
      let finished = false;
      const finish = () => {
        if (finished) return;
        finished = true;
        clearTimeout(responseTimer);
        clearTimeout(deadline);
        done();
      };
      const r = () => secrets.redactor();
      const shownLine = (status: number | string) => `${method} ${r().url(path)} → ${status}`;
      const noAnswer = (kind: "unreachable" | "timeout", reason: string) => {
        const status = kind === "timeout" ? 504 : 502;
        const message = `idme-conformance proxy: the upstream ${upstreamBase} ${kind === "timeout" ? "did not answer in time" : "is unreachable"}: ${reason}`;
        if (!res.headersSent) {
          const body = envelope(message);
          res.writeHead(status, {
            "content-type": "application/json; charset=utf-8",
            "content-length": Buffer.byteLength(body),
            [PROXY_HEADER]: kind === "timeout" ? "upstream-timeout" : "upstream-unreachable",
          });
          res.end(body);
        } else res.destroy();
        failures.push({
          source: "proxy",
          index,
          method,
          url: r().url(targetUrl),
          path: r().url(path),
          kind,
          reason: r().text(reason),
          startedAt: exchangeStartedAt,
          durationMs: Math.round(performance.now() - t0),
        });
        o.onEvent?.({ index, line: shownLine("no answer"), kind: "no-answer", reason: r().text(message) });
        finish();
      };

      // ---- the request, streamed to the upstream
      const declared = Number(headers["content-length"] ?? Number.NaN);
      const tooLarge = () => {
        up?.destroy();
        req.unpipe();
        if (!res.headersSent) {
          const body = envelope(
            `idme-conformance proxy: the request body is over the proxy's limit of ${limits.maxBodyBytes} bytes (--max-body-mb)`,
          );
          res.writeHead(413, {
            "content-type": "application/json; charset=utf-8",
            "content-length": Buffer.byteLength(body),
            connection: "close",
            [PROXY_HEADER]: "body-too-large",
          });
          res.end(body);
        }
        req.resume(); // read and drop the rest; the request timeout bounds it
        skipped.push({
          source: "proxy",
          index,
          method,
          url: r().url(targetUrl),
          reason: `refused by the proxy: the request body is over ${limits.maxBodyBytes} bytes`,
        });
        o.onEvent?.({ index, line: shownLine(413), kind: "skipped", reason: "body over the proxy's limit" });
        finish();
      };
      if (declared > limits.maxBodyBytes) {
        tooLarge();
        return;
      }
      const contentType = headers["content-type"];
      const boundary = boundaryOf(contentType);
      const scanner = boundary ? new MultipartScanner(boundary) : undefined;
      const preview: Buffer[] = [];
      let previewBytes = 0;
      let sentBytes = 0;
      req.on("data", (chunk: Buffer) => {
        if (finished) return;
        sentBytes += chunk.length;
        if (sentBytes > limits.maxBodyBytes) return tooLarge();
        scanner?.write(chunk);
        if (!scanner && previewBytes < PREVIEW_LIMIT) {
          const part = chunk.subarray(0, PREVIEW_LIMIT - previewBytes);
          preview.push(Buffer.from(part));
          previewBytes += part.length;
        }
      });
      const requestBody = (): RequestBody => {
        if (sentBytes === 0) return { kind: "none" };
        if (scanner) {
          const parts = scanner.end();
          if (!scanner.broken) return { kind: "multipart", parts, bytes: sentBytes };
        }
        const b = Buffer.concat(preview);
        const text = b.toString("utf8");
        const isText = !b.includes(0) && !text.includes("\ufffd");
        return isText
          ? { kind: "text", text: sentBytes > previewBytes ? `${text}… [${sentBytes} bytes]` : text, bytes: sentBytes }
          : { kind: "binary", bytes: sentBytes, ...(contentType ? { contentType } : {}) };
      };

      deadline = setTimeout(() => {
        up?.destroy();
        noAnswer("timeout", `no complete answer within ${limits.upstreamDeadlineMs} ms`);
      }, limits.upstreamDeadlineMs);

      // A request without a body whose kept-alive connection the upstream closed while idle, before any answer, is
      // sent once more on a new connection (as harness/http-send.ts does): the upstream never saw it. Others (their
      // body is streamed through, not kept) get the 502.
      const resendable =
        (method === "GET" || method === "HEAD") && headers["transfer-encoding"] === undefined && (headers["content-length"] ?? "0") === "0";
      const sendUpstream = (pooled: boolean) => {
        const u = send(targetUrl, {
          method,
          headers: endToEnd(req.rawHeaders, { host: upstream.host }),
          agent: (pooled ? agent : false) as never,
        });
        up = u;
        let answered = false;
        u.on("finish", () => {
          clearTimeout(responseTimer);
          responseTimer = setTimeout(() => {
            up?.destroy();
            noAnswer("timeout", `no answer within ${limits.upstreamResponseMs} ms of the request`);
          }, limits.upstreamResponseMs);
        });
        u.on("error", (e: NodeJS.ErrnoException) => {
          if (finished) return;
          const code = e.code ?? e.message;
          if (pooled && resendable && closedWhileIdle(u, answered, code)) {
            clearTimeout(responseTimer);
            req.unpipe(u);
            const again = sendUpstream(false);
            if (req.readableEnded) again.end();
            else req.pipe(again);
            return;
          }
          noAnswer("unreachable", code);
        });
        u.on("response", (ures) => {
          answered = true;
          onAnswer(ures);
        });
        return u;
      };
      // The client went away before its answer was complete: nothing to judge.
      res.on("close", () => {
        if (finished) return;
        up?.destroy();
        skipped.push({
          source: "proxy",
          index,
          method,
          url: r().url(targetUrl),
          reason: "the client closed the connection before the answer was complete",
        });
        finish();
      });

      const onAnswer = (ures: IncomingMessage) => {
        clearTimeout(responseTimer);
        const status = ures.statusCode ?? 502;
        const raw = endToEnd(ures.rawHeaders);
        const kept: Buffer[] = [];
        let keptBytes = 0;
        let bytes = 0;
        let held: Buffer[] | null = o.failFastHeader && method !== "HEAD" ? [] : null;
        const flush = () => {
          res.writeHead(status, ures.statusMessage, raw);
          for (const b of held ?? []) res.write(b);
          held = null;
        };
        if (!held) res.writeHead(status, ures.statusMessage, raw);
        ures.on("data", (chunk: Buffer) => {
          bytes += chunk.length;
          if (keptBytes < READ_LIMIT) {
            const part = chunk.subarray(0, READ_LIMIT - keptBytes);
            kept.push(part);
            keptBytes += part.length;
          }
          if (held) {
            held.push(chunk);
            if (bytes > READ_LIMIT) flush(); // too long to hold back: forwarded unchanged, no header
          } else if (!res.write(chunk)) {
            ures.pause();
            res.once("drain", () => ures.resume());
          }
        });
        ures.on("aborted", () => {
          if (!finished) {
            res.destroy();
            noAnswer("unreachable", "the upstream closed the connection in the middle of its answer");
          }
        });
        ures.on("error", () => {
          if (!finished) {
            res.destroy();
            noAnswer("unreachable", "the upstream's answer broke off");
          }
        });
        ures.on("end", () => {
          if (finished) return;
          const responseHeaders = flat(ures.rawHeaders);
          const body = decoded(Buffer.concat(kept), responseHeaders["content-encoding"]);
          const captured: CapturedRequest = { method, url: targetUrl, path, headers, body: requestBody() };
          const truncated = bytes > keptBytes || body.length > READ_LIMIT;
          const response = { status, headers: responseHeaders, text: body.subarray(0, READ_LIMIT).toString("utf8"), bytes, truncated };
          const durationMs = performance.now() - t0;
          const redactor = r();
          let judgement: ExchangeJudgement | undefined;
          if (match.kind === "skip") {
            skipped.push({ source: "proxy", index, method, url: redactor.url(targetUrl), reason: match.reason });
          } else {
            const record = buildRecord(
              {
                operationId: match.kind === "operation" ? match.operationId : null,
                request: captured,
                response,
                startedAt: exchangeStartedAt,
                durationMs,
              },
              redactor,
            );
            redactedWith.set(record, secrets.size);
            judgement = judgeExchange(record, ctx);
            if (exchanges.length < limits.maxExchanges) exchanges.push({ record, source: "proxy", index });
            else dropped++;
          }
          const violation = judgement ? firstViolation(judgement) : undefined;
          if (held) {
            if (violation) raw.push(VIOLATION_HEADER, headerSafe(redactor.text(violation)));
            flush();
          }
          res.end();
          o.onEvent?.({
            index,
            line: shownLine(status),
            kind: judgement ? "judged" : "skipped",
            ...(violation ? { violation: redactor.text(violation) } : {}),
            ...(match.kind === "skip" ? { reason: match.reason } : {}),
          });
          finish();
        });
      };
      req.pipe(sendUpstream(true));
    });

  const server: Server = createServer((req, res) => {
    const p = handle(req, res);
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  });
  server.maxConnections = limits.maxConnections;
  server.requestTimeout = limits.clientRequestMs;
  server.headersTimeout = limits.clientHeadersMs;
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port ?? 0, o.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;

  const close = async (graceMs = 5000): Promise<ProxyCapture> => {
    server.close();
    server.closeIdleConnections();
    if (inFlight.size) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.allSettled([...inFlight]), new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
    }
    server.closeAllConnections();
    agent.destroy();
    const redactor = secrets.redactor();
    const final = exchanges.map((x) =>
      (redactedWith.get(x.record) ?? 0) < secrets.size ? { ...x, record: redactRecord(x.record, redactor) } : x,
    );
    return {
      upstream: upstreamBase,
      exchanges: final.sort((a, b) => a.index - b.index),
      skipped: [...skipped].sort((a, b) => a.index - b.index),
      failures: [...failures].sort((a, b) => a.index - b.index),
      dropped,
      startedAt,
      durationMs: Math.round(performance.now() - started),
    };
  };
  return { url: `http://${host}:${address.port}`, upstream: upstreamBase, close };
}
