// JSON request bodies that never throw (M1: unparseable = missing every field). Multipart forms: multipart.ts.
import type { FastifyInstance, FastifyRequest } from "fastify";

/** Marks a body that could not be read as the JSON object the operation expects. */
export const UNPARSEABLE = Symbol("unparseable");
export type JsonBody = Record<string, unknown> | typeof UNPARSEABLE;

/** Replaces fastify's parsers: JSON parse errors and other content types become UNPARSEABLE, never a fastify error. */
export function installBodyParsers(app: FastifyInstance): void {
  app.removeContentTypeParser(["application/json", "text/plain"]);
  app.addContentTypeParser(/^application\/([\w.+-]+\+)?json/i, { parseAs: "string" }, (_req, text, done) => {
    if (blank(text as string)) return done(null, {}); // the docs' own curl sends `--data ''` (M1)
    try {
      const value = JSON.parse(text as string);
      done(null, value !== null && typeof value === "object" && !Array.isArray(value) ? value : UNPARSEABLE);
    } catch {
      done(null, UNPARSEABLE);
    }
  });
  // Any other type (text/plain, urlencoded, octet-stream…) is read (within bodyLimit) and ignored; empty is `{}`.
  app.addContentTypeParser("*", { parseAs: "buffer" }, (_req, buf, done) => done(null, blank(buf as Buffer) ? {} : UNPARSEABLE));
}

/** Empty or JSON whitespace only: no body, whatever the content type says (M1). */
const blank = (text: string | Buffer): boolean => /^[ \t\r\n]*$/.test(typeof text === "string" ? text : text.toString("latin1"));

/** The request announces no body: no chunked framing, and no Content-Length or 0. */
export function announcedEmpty(request: FastifyRequest): boolean {
  const { "content-length": length, "transfer-encoding": chunked } = request.headers;
  return chunked === undefined && (length === undefined || length.trim() === "0");
}

/** The JSON object of a JSON operation: no body (or an empty one) is `{}`; a multipart or unreadable body is UNPARSEABLE. */
export function jsonBody(request: FastifyRequest): JsonBody {
  const body = request.body as unknown;
  if (body === UNPARSEABLE) return UNPARSEABLE;
  // The multipart parser leaves the stream unread: only an announced-empty body is known to be empty.
  if (request.isMultipart()) return announcedEmpty(request) ? {} : UNPARSEABLE;
  if (body === undefined || body === null) return {}; // fastify runs no parser for a request without a body
  return body as Record<string, unknown>;
}
