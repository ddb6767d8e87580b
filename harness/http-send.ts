/**
 * Defines `sendHttp`: one HTTP request on node:http with a keep-alive agent, no redirects followed, no
 * body parsing, at most READ_LIMIT bytes of the answer kept (the rest counted), a limit on the wait for
 * the answer's headers and one on the whole exchange. A client library would parse, retry or encode for
 * us; a conformance suite must see the bytes the target sent.
 */
import { randomBytes } from "node:crypto";
import { type Agent, type ClientRequest, request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { request as httpsRequest } from "node:https";

/** Kept bytes of an answer: a 50 MB answer from a broken target must not fill memory. */
export const READ_LIMIT = 1024 * 1024;

export interface HttpRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** the body, in parts written one after another (a multipart body is not copied into one buffer) */
  body?: Buffer | readonly Buffer[];
  /** the connection pool, or false for a connection of its own */
  agent: Agent | false;
  /** limit on the wait for the answer's status and headers */
  responseMs: number;
  /** limit on the whole exchange, body included */
  deadlineMs: number;
}

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  bytes: number;
  truncated: boolean;
}

/** Why no answer came: a timeout (with its limit) or the network error's code. */
export class HttpFailure extends Error {
  constructor(
    message: string,
    readonly timeoutMs?: number,
  ) {
    super(message);
  }
}

/**
 * A kept-alive connection that broke before any answer came: the server closed it while it was idle, as the request
 * went out. A server may close an idle connection at any time (RFC 9112 §9.6) — nginx, load balancers and gateways
 * do after their idle timeout, most without a `Keep-Alive: timeout` hint — and the request then never reached it.
 */
class ClosedWhileIdle extends HttpFailure {}
const CLOSED_WHILE_IDLE = new Set(["ECONNRESET", "EPIPE", "ECONNABORTED"]);

/** The request's connection was a kept-alive one the server closed while idle, before any answer: worth one resend. */
export const closedWhileIdle = (req: ClientRequest, answered: boolean, code: string): boolean =>
  req.reusedSocket && !answered && CLOSED_WHILE_IDLE.has(code);

/**
 * Sends `r`; should a kept-alive connection break before any answer, once more on a new connection (as Go's
 * net/http does for a connection the server closed while idle). Only then: a reset on a new connection, a timeout,
 * or a break once the answer has begun is what the target did, and fails the request.
 */
export async function sendHttp(r: HttpRequest): Promise<HttpAnswer> {
  try {
    return await attempt(r, r.agent);
  } catch (e) {
    if (!(e instanceof ClosedWhileIdle)) throw e;
    return attempt(r, false);
  }
}

/** `agent: false`: a connection of its own, not one from the pool. */
function attempt(r: HttpRequest, agent: Agent | false): Promise<HttpAnswer> {
  return new Promise<HttpAnswer>((resolve, reject) => {
    const url = new URL(r.url);
    const send = url.protocol === "https:" ? httpsRequest : httpRequest;
    const headers: Record<string, string | number> = { ...r.headers };
    const parts = r.body === undefined ? undefined : Buffer.isBuffer(r.body) ? [r.body] : r.body;
    if (parts) headers["Content-Length"] = parts.reduce((n, p) => n + p.length, 0);
    let settled = false;
    const fail = (e: HttpFailure) => {
      if (settled) return;
      settled = true;
      clearTimeout(responseTimer);
      clearTimeout(deadline);
      req.destroy();
      reject(e);
    };
    let answered = false;
    const req = send(url, { method: r.method, headers, agent: agent as never }, (res) => {
      answered = true;
      clearTimeout(responseTimer);
      const chunks: Buffer[] = [];
      let kept = 0;
      let bytes = 0;
      res.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
        if (kept < READ_LIMIT) {
          const part = chunk.subarray(0, READ_LIMIT - kept);
          chunks.push(part);
          kept += part.length;
        }
      });
      res.on("end", () => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text: Buffer.concat(chunks).toString("utf8"),
          bytes,
          truncated: bytes > kept,
        });
      });
      res.on("error", (e: NodeJS.ErrnoException) => fail(new HttpFailure(e.code ?? e.message)));
    });
    const responseTimer = setTimeout(() => fail(new HttpFailure(`no answer within ${r.responseMs} ms`, r.responseMs)), r.responseMs);
    const deadline = setTimeout(() => fail(new HttpFailure(`no answer within ${r.deadlineMs} ms`, r.deadlineMs)), r.deadlineMs);
    req.on("error", (e: NodeJS.ErrnoException) => {
      const code = e.code ?? e.message;
      fail(closedWhileIdle(req, answered, code) ? new ClosedWhileIdle(code) : new HttpFailure(code));
    });
    for (const p of parts ?? []) req.write(p);
    req.end();
  });
}

/** A name or filename inside a quoted header parameter, escaped as browsers do (RFC 7578 §4.2). */
const quoted = (s: string): string => s.replace(/\r/g, "%0D").replace(/\n/g, "%0A").replace(/"/g, "%22");

/**
 * A multipart/form-data body (fields first, then files) and its Content-Type. Written out here: the
 * platform's FormData encoder copies each file through web streams, which cost more than the request
 * for a 17 MB image.
 */
export function multipartBody(
  fields: Record<string, string>,
  files: Record<string, { data: Buffer; filename: string; contentType: string }>,
): { body: Buffer[]; contentType: string } {
  const boundary = `----idme-conformance-${randomBytes(12).toString("hex")}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${quoted(name)}"\r\n\r\n${value}\r\n`, "utf8"));
  for (const [name, f] of Object.entries(files)) {
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="${quoted(name)}"; filename="${quoted(f.filename)}"\r\nContent-Type: ${f.contentType}\r\n\r\n`;
    parts.push(Buffer.from(head, "utf8"), f.data, Buffer.from("\r\n"));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: parts, contentType: `multipart/form-data; boundary=${boundary}` };
}
