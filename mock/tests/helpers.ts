// Test helpers: real HTTP against startMock, and every answer checked against the spec (lib/spec.ts).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { expect } from "vitest";
import { matchOperation, validateResponse } from "../../lib/spec.js";
import type { MockOptions, RunningMock } from "../server.js";
import { startMock } from "../server.js";
import type { Role } from "../types.js";

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  // biome-ignore lint/suspicious/noExplicitAny: test answers are read freely
  body: any;
  operationId?: string;
}

export interface CallOptions {
  role?: Role | null;
  /** a full Authorization header (overrides role) */
  authorization?: string;
  json?: unknown;
  /** a raw body with its content type */
  raw?: RawBody;
  /** false for answers that are meant to break the contract (fault tests) */
  validate?: boolean;
}

export async function call(mock: RunningMock, method: string, path: string, opts: CallOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  const role = opts.role === undefined ? "primary" : opts.role;
  if (opts.authorization !== undefined) headers.authorization = opts.authorization;
  else if (role) headers.authorization = `Bearer ID.me ${mock.tokens[role]}`;
  let body: string | Uint8Array | undefined;
  if (opts.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(opts.json);
  } else if (opts.raw) {
    if (opts.raw.type !== undefined) headers["content-type"] = opts.raw.type;
    body = opts.raw.body;
  }
  const res = await fetch(mock.baseUrl + path, { method, headers, body, signal: AbortSignal.timeout(8000) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text === "" ? undefined : JSON.parse(text);
  } catch {
    /* keep the text */
  }
  const answer: Answer = { status: res.status, headers: res.headers, text, body: parsed };
  const op = matchOperation(method, path.split("?")[0]);
  answer.operationId = op?.operationId;
  if (opts.validate !== false) {
    expect(text).not.toMatch(/<html|statusCode|at .*\.ts:\d+/i); // never HTML, fastify's error JSON or a stack trace
    if (answer.status !== 200 || text !== "") expect(res.headers.get("content-type") ?? "").toMatch(/^application\/json/);
    if (op) {
      const verdict = validateResponse(op.operationId, res.status, parsed, res.headers.get("content-type") ?? undefined);
      expect({ status: res.status, ...verdict }).toEqual({ status: res.status, documented: true, issues: [] });
    } else {
      expect(parsed).toMatchObject({ errors: [{ code: expect.any(Number), message: expect.any(String) }] });
    }
  }
  return answer;
}

/** The codes of an error envelope. */
export const codes = (a: Answer): number[] => (a.body?.errors ?? []).map((e: { code: number }) => e.code);

export const withMock = async (options: MockOptions = {}) => startMock({ port: 0, ...options });

export const KB = 1024;
export const MB = 1024 * 1024;

export function jpeg(size = 64 * KB): Uint8Array {
  const b = new Uint8Array(size);
  b.set([0xff, 0xd8, 0xff, 0xe0]);
  return b;
}

export function png(size = 64 * KB): Uint8Array {
  const b = new Uint8Array(size);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return b;
}

export interface RawBody {
  body: Uint8Array;
  /** undefined: no Content-Type header */
  type?: string;
}

/** Builds multipart/form-data by hand (undici's FormData is slow for 16 MB files). */
export interface FormPart {
  name: string;
  value: string | Uint8Array;
  filename?: string;
  /** the part's Content-Type (files default to application/octet-stream, fields send none) */
  type?: string;
}

export function multipart(parts: FormPart[], boundary = "mockBoundary7MA4YWxk"): Required<RawBody> {
  const chunks: Uint8Array[] = [];
  for (const p of parts) {
    const filename = p.filename !== undefined ? `; filename="${p.filename}"` : "";
    const type = p.type ?? (p.filename !== undefined ? "application/octet-stream" : undefined);
    const head = `Content-Disposition: form-data; name="${p.name}"${filename}${type ? `\r\nContent-Type: ${type}` : ""}`;
    chunks.push(Buffer.from(`--${boundary}\r\n${head}\r\n\r\n`));
    chunks.push(typeof p.value === "string" ? Buffer.from(p.value) : p.value);
    chunks.push(Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), type: `multipart/form-data; boundary=${boundary}` };
}

/** A document form; `front`/`back` undefined = left out. */
export function documentForm(opts: {
  front?: Uint8Array;
  frontName?: string;
  back?: Uint8Array;
  fields?: Record<string, string>;
}): RawBody {
  const parts: FormPart[] = [];
  if (opts.front) parts.push({ name: "front_image", value: opts.front, filename: opts.frontName ?? "success.jpg" });
  if (opts.back) parts.push({ name: "back_image", value: opts.back, filename: "back.jpg" });
  for (const [name, value] of Object.entries(opts.fields ?? {})) parts.push({ name, value });
  return multipart(parts);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls a document transaction until it leaves pending (100). */
export async function settle(mock: RunningMock, id: string, role: Role = "primary"): Promise<Answer> {
  for (let i = 0; i < 100; i++) {
    const a = await call(mock, "GET", `/api/v2/document/${id}`, { role });
    if (a.body?.status?.code !== 100) return a;
    await sleep(10);
  }
  throw new Error(`document ${id} stayed pending`);
}

/** JSON text nested `depth` levels deep, built as text (building it as a value and stringifying it would overflow here too). */
export function nestedText(depth: number, shape: "array" | "object" | "mixed" = "array"): string {
  const open: string[] = [];
  const close: string[] = [];
  for (let i = 0; i < depth; i++) {
    const array = shape === "array" || (shape === "mixed" && i % 2 === 0);
    open.push(array ? "[" : '{"a":');
    close.push(array ? "]" : "}");
  }
  return `${open.join("")}1${close.reverse().join("")}`;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface RawExchange {
  /** every response read from the connection, in order */
  responses: RawResponse[];
  /** the server closed the connection (false: still open when the wait ended) */
  closed: boolean;
  /** ms from the first byte sent until the close (or the end of the wait) */
  ms: number;
}

/** Sends bytes exactly as given on a fresh connection (what fetch refuses to send), reads until close or `waitMs`. */
export function rawHttp(mock: RunningMock, bytes: string | Buffer, waitMs = 1500): Promise<RawExchange> {
  const url = new URL(mock.baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname);
    const chunks: Buffer[] = [];
    let start = 0;
    const done = (closed: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ responses: parseResponses(Buffer.concat(chunks)), closed, ms: Date.now() - start });
    };
    const timer = setTimeout(() => done(false), waitMs);
    socket.once("connect", () => {
      start = Date.now();
      socket.write(bytes);
    });
    socket.on("data", (d: Buffer) => chunks.push(d));
    socket.once("close", () => done(true));
    socket.once("error", (e: NodeJS.ErrnoException) => (e.code === "ECONNRESET" ? undefined : reject(e)));
  });
}

/** HTTP/1.1 responses one after another (Content-Length or chunked bodies). */
export function parseResponses(data: Buffer): RawResponse[] {
  const out: RawResponse[] = [];
  let text = data.toString("latin1");
  while (text.startsWith("HTTP/1.")) {
    const end = text.indexOf("\r\n\r\n");
    if (end < 0) break;
    const [statusLine, ...lines] = text.slice(0, end).split("\r\n");
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const i = line.indexOf(":");
      headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
    }
    let rest = text.slice(end + 4);
    let body = "";
    if (headers["transfer-encoding"] === "chunked") {
      for (;;) {
        const nl = rest.indexOf("\r\n");
        const size = Number.parseInt(rest.slice(0, nl), 16);
        if (nl < 0 || Number.isNaN(size)) break;
        body += rest.slice(nl + 2, nl + 2 + size);
        rest = rest.slice(nl + 2 + size + 2);
        if (size === 0) break;
      }
    } else {
      const length = Number(headers["content-length"] ?? 0);
      body = rest.slice(0, length);
      rest = rest.slice(length);
    }
    const status = Number(statusLine.split(" ")[1]);
    // 1xx interim answers (100 Continue) have no body and precede the real one
    out.push({ status, headers, body });
    text = rest;
  }
  return out;
}

/** A webhook receiver on loopback that answers the given statuses in turn (then 200), or never answers ("hang"). */
/**
 * Waits until `got` holds at least `count` deliveries (bounded by `maxMs`), then until none has come for `quietMs`
 * by the clock and for 20 turns of this loop, so a test can say "exactly n" without a fixed sleep that a busy
 * machine outlasts. The turns matter where other work shares the thread: a delivery under way while it was held
 * lands in between (a quiet time by the clock alone had counted 1 of 4 deliveries).
 */
export async function deliveriesSettled(got: readonly unknown[], count: number, quietMs = 200, maxMs = 10_000): Promise<void> {
  const end = Date.now() + maxMs;
  const pause = () => new Promise((r) => setTimeout(r, 10));
  while (got.length < count && Date.now() < end) await pause();
  let seen = got.length;
  let since = Date.now();
  let turns = 0;
  while ((Date.now() - since < quietMs || turns < 20) && Date.now() < end) {
    await pause();
    turns++;
    if (got.length !== seen) [seen, since, turns] = [got.length, Date.now(), 0];
  }
}

export async function receiver(plan: Array<number | "hang"> = []) {
  const got: Array<{ body: unknown; type?: string }> = [];
  /** when each POST arrived (ms, Date.now()) */
  const times: number[] = [];
  const server = createServer((req, res) => {
    let text = "";
    req.on("data", (c) => (text += c));
    req.on("end", () => {
      times.push(Date.now());
      got.push({ body: JSON.parse(text), type: req.headers["content-type"] });
      const step = plan.shift() ?? 200;
      if (step !== "hang") res.writeHead(step).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return { got, times, url, close: () => new Promise((r) => server.closeAllConnections() ?? server.close(r)) };
}
