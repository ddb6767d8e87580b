/**
 * Defines `buildRecord`: an ExchangeRecord (lib/exchange.ts) from traffic the suite did not send itself — a
 * proxied exchange or a HAR entry — redacted as the suite's own records are: URL, headers, the body's
 * preview, the curl line (credential as `$IDME_TOKEN`) and the response all pass through the redactor.
 */
import type { Redactor } from "../harness/redact.js";
import { toCurl } from "../harness/curl.js";
import type { ExchangeRecord } from "../lib/exchange.js";
import { partsPreview, type ScannedPart } from "./multipart-scan.js";
import { redactHeaders } from "./secrets.js";

/** Shown of a text body (the reports' preview; the curl line shows 2000 characters). */
export const PREVIEW_LIMIT = 64 * 1024;

export type RequestBody =
  | { kind: "none" }
  | { kind: "text"; text: string; bytes: number }
  | { kind: "multipart"; parts: readonly ScannedPart[]; bytes: number }
  | { kind: "binary"; bytes: number; contentType?: string };

export interface CapturedRequest {
  method: string;
  /** the target's URL (the upstream's, not the proxy's) */
  url: string;
  /** the API path with its query, as the operation was matched */
  path: string;
  headers: Record<string, string>;
  body: RequestBody;
}

export interface CapturedResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  bytes: number;
  truncated: boolean;
}

/** Headers a curl line leaves out: curl writes its own (Host, Content-Length), or they only concern one hop. */
const NOT_IN_CURL = new Set(["host", "content-length", "connection", "transfer-encoding", "expect", "accept-encoding", "keep-alive", "te"]);

export function bodyPreview(body: RequestBody): string {
  switch (body.kind) {
    case "none":
      return "";
    case "text":
      return body.text.length > PREVIEW_LIMIT ? `${body.text.slice(0, PREVIEW_LIMIT)}… [${body.bytes} bytes]` : body.text;
    case "multipart":
      return partsPreview(body.parts);
    case "binary":
      return `(${body.bytes} bytes${body.contentType ? ` of ${body.contentType}` : ""}, not shown)`;
  }
}

export function curlOf(request: CapturedRequest): string {
  const headers = Object.fromEntries(
    Object.entries(request.headers).filter(([k]) => !NOT_IN_CURL.has(k.toLowerCase()) && !k.startsWith(":")),
  );
  const b = request.body;
  const curl = toCurl({
    method: request.method,
    url: request.url,
    headers,
    ...(b.kind === "text" ? { raw: b.text } : {}),
    ...(b.kind === "multipart"
      ? {
          parts: b.parts.map((p) =>
            p.filename !== undefined
              ? { name: p.name, filename: p.filename, contentType: p.contentType, bytes: p.bytes }
              : { name: p.name, value: p.value ?? "" },
          ),
        }
      : {}),
  });
  return b.kind === "binary" ? `${curl} --data-binary @body.bin  # body.bin: ${b.bytes} bytes` : curl;
}

export function buildRecord(
  x: { operationId: string | null; request: CapturedRequest; response: CapturedResponse; startedAt: string; durationMs: number },
  r: Redactor,
): ExchangeRecord {
  return {
    operationId: x.operationId,
    request: {
      method: x.request.method,
      url: r.url(x.request.url),
      path: r.url(x.request.path),
      headers: redactHeaders(x.request.headers, r),
      bodyPreview: r.text(bodyPreview(x.request.body)),
      curl: r.text(curlOf(x.request)),
    },
    response: {
      status: x.response.status,
      headers: redactHeaders(x.response.headers, r),
      text: r.body(x.response.text, x.response.truncated),
      bytes: x.response.bytes,
      truncated: x.response.truncated,
    },
    durationMs: Math.max(0, Math.round(x.durationMs)),
    startedAt: x.startedAt,
  };
}

/** A record redacted again (a HAR the suite wrote is redacted already; one from elsewhere may hold more). */
export function redactRecord(x: ExchangeRecord, r: Redactor): ExchangeRecord {
  return {
    ...x,
    request: {
      ...x.request,
      url: r.url(x.request.url),
      path: r.url(x.request.path),
      headers: redactHeaders(x.request.headers, r),
      bodyPreview: r.text(x.request.bodyPreview),
      curl: r.text(x.request.curl),
    },
    response: {
      ...x.response,
      headers: redactHeaders(x.response.headers, r),
      text: r.body(x.response.text, x.response.truncated),
    },
  };
}
