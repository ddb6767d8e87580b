/**
 * HTTP Archive (HAR 1.2) in and out. `readHar` turns the entries browsers, Charles, mitmproxy, Postman and
 * Schemathesis export into captured exchanges (raw: the judge redacts them once it knows every credential
 * of the file), tolerating missing fields with a note and skipping what cannot be judged with the reason.
 * `writeHar` writes ExchangeRecords (already redacted) as HAR, with what HAR has no field for (the
 * operation, the curl line, the test) under `_idmeConformance`, so a later suite version can judge the
 * file again exactly as this one saw it.
 */
import { STATUS_CODES } from "node:http";
import { READ_LIMIT } from "../harness/http-send.js";
import type { Redactor } from "../harness/redact.js";
import type { ExchangeRecord } from "../lib/exchange.js";
import { boundaryOf, MultipartScanner, partsPreview, type ScannedPart } from "./multipart-scan.js";
import { buildRecord, type CapturedRequest, type CapturedResponse, type RequestBody } from "./record.js";

export interface HarHeader {
  name: string;
  value: string;
}
interface HarParam {
  name: string;
  value?: string;
  fileName?: string;
  contentType?: string;
}
interface HarPostData {
  mimeType?: string;
  text?: string;
  params?: HarParam[];
  encoding?: string;
}
interface HarContent {
  size?: number;
  mimeType?: string;
  text?: string;
  encoding?: string;
  comment?: string;
}

/** What the suite adds to an entry it wrote (HAR allows custom fields that start with `_`). */
export interface HarMeta {
  operationId: string | null;
  path: string;
  bodyPreview: string;
  curl: string;
  truncated: boolean;
  openCodes?: string;
  test?: string;
  requirement?: string;
  /** an exchange of an OPEN test (observe()): its answers are observed, never judged */
  observeOnly?: boolean;
}

export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: {
    method: string;
    url: string;
    httpVersion: string;
    headers: HarHeader[];
    queryString: HarHeader[];
    cookies: unknown[];
    headersSize: number;
    bodySize: number;
    postData?: HarPostData;
  };
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    headers: HarHeader[];
    cookies: unknown[];
    content: HarContent;
    redirectURL: string;
    headersSize: number;
    bodySize: number;
  };
  cache: Record<string, never>;
  timings: { send: number; wait: number; receive: number };
  comment?: string;
  _idmeConformance?: HarMeta;
}

export interface Har {
  log: {
    version: "1.2";
    creator: { name: string; version: string; comment?: string };
    pages: unknown[];
    entries: HarEntry[];
    comment?: string;
  };
}

// ---------------------------------------------------------------- writing

export interface HarSource {
  record: ExchangeRecord;
  test?: { id: string; title: string; requirement: string; observeOnly: boolean };
}

const toHeaders = (h: Readonly<Record<string, string>>): HarHeader[] => Object.entries(h).map(([name, value]) => ({ name, value }));
const headerOf = (h: Readonly<Record<string, string>>, name: string) => Object.entries(h).find(([k]) => k.toLowerCase() === name)?.[1];

/** A multipart preview (`name: file f.jpg (12 bytes)` / `name=value` lines) as HAR params. */
function paramsOfPreview(preview: string): HarParam[] {
  return preview
    .split("\n")
    .filter(Boolean)
    .map((line) => {
      const file = /^(.*?): file (.*) \((\d+) bytes\)$/.exec(line);
      if (file) return { name: file[1], fileName: file[2], value: "" };
      const eq = line.indexOf("=");
      return eq < 0 ? { name: line, value: "" } : { name: line.slice(0, eq), value: line.slice(eq + 1) };
    });
}

function entryOf({ record: x, test }: HarSource): HarEntry {
  const url = (() => {
    try {
      return new URL(x.request.url);
    } catch {
      return undefined;
    }
  })();
  const mimeType = headerOf(x.request.headers, "content-type") ?? "";
  const postData: HarPostData | undefined =
    x.request.bodyPreview === ""
      ? undefined
      : /^multipart\//i.test(mimeType)
        ? { mimeType, params: paramsOfPreview(x.request.bodyPreview) }
        : { mimeType, text: x.request.bodyPreview };
  const status = x.response.status;
  const meta: HarMeta = {
    operationId: x.operationId,
    path: x.request.path,
    bodyPreview: x.request.bodyPreview,
    curl: x.request.curl,
    truncated: x.response.truncated,
    ...(x.openCodes ? { openCodes: x.openCodes } : {}),
    ...(test ? { test: test.id, requirement: test.requirement, ...(test.observeOnly ? { observeOnly: true } : {}) } : {}),
  };
  return {
    startedDateTime: x.startedAt,
    time: x.durationMs,
    request: {
      method: x.request.method,
      url: x.request.url,
      httpVersion: "HTTP/1.1",
      headers: toHeaders(x.request.headers),
      queryString: url ? [...url.searchParams].map(([name, value]) => ({ name, value })) : [],
      cookies: [],
      headersSize: -1,
      bodySize: -1,
      ...(postData ? { postData } : {}),
    },
    response: {
      status,
      statusText: STATUS_CODES[status] ?? "",
      httpVersion: "HTTP/1.1",
      headers: toHeaders(x.response.headers),
      cookies: [],
      content: {
        size: x.response.bytes,
        mimeType: headerOf(x.response.headers, "content-type") ?? "",
        text: x.response.text,
        ...(x.response.truncated
          ? { comment: `truncated: the first ${x.response.text.length} characters of ${x.response.bytes} bytes` }
          : {}),
      },
      redirectURL: headerOf(x.response.headers, "location") ?? "",
      headersSize: -1,
      bodySize: x.response.bytes,
    },
    cache: {},
    timings: { send: 0, wait: x.durationMs, receive: 0 },
    ...(test ? { comment: test.title } : {}),
    _idmeConformance: meta,
  };
}

export function writeHar(sources: readonly HarSource[], creator: { name: string; version: string }, comment?: string): Har {
  return {
    log: { version: "1.2", creator, pages: [], entries: sources.map(entryOf), ...(comment ? { comment } : {}) },
  };
}

// ---------------------------------------------------------------- reading

export interface HarExchange {
  /** 0-based index of the entry in its file */
  index: number;
  request: CapturedRequest;
  response: CapturedResponse;
  startedAt: string;
  durationMs: number;
  /** fields that were missing or unusable, and what was assumed instead */
  notes: string[];
  meta?: HarMeta;
  comment?: string;
}

export interface HarSkip {
  index: number;
  method?: string;
  url?: string;
  reason: string;
}

export interface HarRead {
  exchanges: HarExchange[];
  skipped: HarSkip[];
  creator?: string;
}

/** A HAR file that cannot be read at all: the CLI prints it on one line. */
export class HarError extends Error {
  override name = "HarError";
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** Header names keep their case in a request (as sent); a response's are lower case, as the checks read them. */
function headersOf(v: unknown, where: "request" | "response", notes: string[]): Record<string, string> {
  if (!Array.isArray(v)) {
    notes.push(`${where} headers missing: read as none`);
    return {};
  }
  const out: Record<string, string> = {};
  for (const h of v) {
    if (!isObject(h) || typeof h.name !== "string" || h.name.startsWith(":")) continue; // HTTP/2 pseudo-headers
    const name = where === "response" ? h.name.toLowerCase() : h.name;
    const value = typeof h.value === "string" ? h.value : String(h.value ?? "");
    out[name] = out[name] === undefined ? value : `${out[name]}, ${value}`;
  }
  return out;
}

const isUtf8Text = (b: Buffer) => Buffer.from(b.toString("utf8"), "utf8").equals(b) && !b.includes(0);

function requestBody(post: unknown, headers: Record<string, string>, notes: string[]): RequestBody {
  if (!isObject(post)) return { kind: "none" };
  const p = post as HarPostData;
  const mime = p.mimeType || headerOf(headers, "content-type") || "";
  if (Array.isArray(p.params) && p.params.length > 0 && typeof p.text !== "string") {
    if (/^multipart\//i.test(mime)) {
      const parts: ScannedPart[] = p.params.map((q) =>
        q.fileName !== undefined
          ? { name: q.name, filename: q.fileName, ...(q.contentType ? { contentType: q.contentType } : {}), bytes: (q.value ?? "").length }
          : { name: q.name, value: q.value ?? "", bytes: Buffer.byteLength(q.value ?? "") },
      );
      return { kind: "multipart", parts, bytes: parts.reduce((n, q) => n + q.bytes, 0) };
    }
    const text = new URLSearchParams(p.params.map((q): [string, string] => [q.name, q.value ?? ""])).toString();
    return { kind: "text", text, bytes: Buffer.byteLength(text) };
  }
  if (typeof p.text !== "string") return { kind: "none" };
  const bytes = p.encoding === "base64" ? Buffer.from(p.text, "base64") : Buffer.from(p.text, "utf8");
  const boundary = boundaryOf(mime);
  if (boundary) {
    const scanner = new MultipartScanner(boundary);
    scanner.write(bytes);
    const parts = scanner.end();
    if (!scanner.broken) return { kind: "multipart", parts, bytes: bytes.length };
    notes.push("request body: multipart/form-data that does not parse (shown as bytes)");
  }
  if (isUtf8Text(bytes)) return { kind: "text", text: bytes.toString("utf8"), bytes: bytes.length };
  return { kind: "binary", bytes: bytes.length, ...(mime ? { contentType: mime } : {}) };
}

function entry(e: unknown, index: number): HarExchange | HarSkip {
  if (!isObject(e)) return { index, reason: "the entry is not an object" };
  const req = e.request;
  const res = e.response;
  if (!isObject(req) || typeof req.url !== "string") return { index, reason: "the entry has no request URL" };
  const method = typeof req.method === "string" && req.method ? req.method.toUpperCase() : "GET";
  const url = req.url;
  const skip = (reason: string): HarSkip => ({ index, method, url, reason });
  if (!isObject(res)) return skip("the entry has no response");
  const status = typeof res.status === "number" ? res.status : Number(res.status);
  if (!Number.isInteger(status) || status < 100 || status > 599)
    return skip(`no response was recorded (status ${JSON.stringify(res.status ?? null)}: failed, blocked or cancelled)`);

  const notes: string[] = [];
  if (typeof req.method !== "string" || !req.method) notes.push("request method missing: read as GET");
  const meta = isObject(e._idmeConformance) ? (e._idmeConformance as unknown as HarMeta) : undefined;
  const requestHeaders = headersOf(req.headers, "request", notes);
  let u: URL | undefined;
  try {
    u = new URL(url);
  } catch {
    return skip(`the request URL is not absolute: ${url.slice(0, 200)}`);
  }

  const content = isObject(res.content) ? (res.content as HarContent) : undefined;
  let body: Buffer;
  if (typeof content?.text === "string") {
    body = content.encoding === "base64" ? Buffer.from(content.text, "base64") : Buffer.from(content.text, "utf8");
  } else if (status === 204 || status === 304 || content?.size === 0 || (res.bodySize === 0 && content?.size === undefined)) {
    body = Buffer.alloc(0);
  } else {
    return skip("the response body was not recorded (content.text is missing): export the HAR with content");
  }
  const size = typeof content?.size === "number" && content.size >= 0 ? content.size : body.length;
  const bytes = Math.max(size, body.length);
  const kept = body.subarray(0, READ_LIMIT);
  const response: CapturedResponse = {
    status,
    headers: headersOf(res.headers, "response", notes),
    text: kept.toString("utf8"),
    bytes,
    truncated: meta?.truncated ?? bytes > kept.length,
  };

  let startedAt = typeof e.startedDateTime === "string" ? e.startedDateTime : "";
  if (Number.isNaN(Date.parse(startedAt))) {
    notes.push("startedDateTime missing or not a date: read as 1970-01-01T00:00:00.000Z");
    startedAt = new Date(0).toISOString();
  }
  let durationMs = typeof e.time === "number" && Number.isFinite(e.time) && e.time >= 0 ? e.time : Number.NaN;
  if (Number.isNaN(durationMs)) {
    notes.push("time missing: read as 0 ms");
    durationMs = 0;
  }
  return {
    index,
    request: {
      method,
      url,
      path: meta?.path ?? `${u.pathname}${u.search}`,
      headers: requestHeaders,
      body: requestBody(req.postData, requestHeaders, notes),
    },
    response,
    startedAt,
    durationMs,
    notes,
    ...(meta ? { meta } : {}),
    ...(typeof e.comment === "string" && e.comment ? { comment: e.comment } : {}),
  };
}

/** Reads a HAR document (parsed JSON or its text); `source` names it in messages. */
export function readHar(input: string | unknown, source: string): HarRead {
  let doc: unknown = input;
  if (typeof input === "string") {
    try {
      doc = JSON.parse(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
    } catch (e) {
      throw new HarError(`${source} is not JSON (${(e as Error).message.split("\n")[0]}): export the session as HAR 1.2`);
    }
  }
  const log = isObject(doc) ? doc.log : undefined;
  if (!isObject(log) || !Array.isArray(log.entries))
    throw new HarError(`${source} is not a HAR file (no log.entries): export the session as HAR 1.2 (.har)`);
  const exchanges: HarExchange[] = [];
  const skipped: HarSkip[] = [];
  log.entries.forEach((e, i) => {
    const r = entry(e, i);
    if ("reason" in r) skipped.push(r);
    else exchanges.push(r);
  });
  const creator =
    isObject(log.creator) && typeof log.creator.name === "string" ? `${log.creator.name} ${log.creator.version ?? ""}`.trim() : undefined;
  return { exchanges, skipped, ...(creator ? { creator } : {}) };
}

/**
 * The ExchangeRecord of a HAR exchange, redacted. An entry the suite wrote keeps its own preview, curl line
 * and OPEN codes (they are what the run saw); any other is previewed from its HAR fields.
 */
export function recordOfHar(h: HarExchange, operationId: string | null, path: string, r: Redactor): ExchangeRecord {
  const record = buildRecord(
    { operationId, request: { ...h.request, path }, response: h.response, startedAt: h.startedAt, durationMs: h.durationMs },
    r,
  );
  if (!h.meta) return record;
  return {
    ...record,
    request: { ...record.request, bodyPreview: r.text(h.meta.bodyPreview ?? ""), curl: r.text(h.meta.curl ?? record.request.curl) },
    ...(h.meta.openCodes ? { openCodes: h.meta.openCodes } : {}),
  };
}

/** The multipart preview of HAR params, for tools that list files without their bytes. */
export { partsPreview };
