// JSON request bodies that never throw (M1: unparseable = missing every field). Multipart forms: multipart.ts.
import type { FastifyInstance, FastifyRequest } from "fastify";

/** Marks a body that could not be read as the JSON object the operation expects. */
export const UNPARSEABLE = Symbol("unparseable");
export type JsonBody = Record<string, unknown> | typeof UNPARSEABLE;

/** Replaces fastify's parsers: JSON parse errors and other content types become UNPARSEABLE, never a fastify error. */
export function installBodyParsers(app: FastifyInstance): void {
  app.removeContentTypeParser(["application/json", "text/plain"]);
  app.addContentTypeParser(/^application\/([\w.+-]+\+)?json/i, { parseAs: "string" }, (_req, text, done) => {
    try {
      const value = JSON.parse(text as string);
      done(null, value !== null && typeof value === "object" && !Array.isArray(value) ? value : UNPARSEABLE);
    } catch {
      done(null, UNPARSEABLE);
    }
  });
  // Any other type (text/plain, urlencoded, octet-stream…) is read (within bodyLimit) and ignored.
  app.addContentTypeParser("*", { parseAs: "buffer" }, (_req, _buf, done) => done(null, UNPARSEABLE));
}

/** The JSON object of a JSON operation; a multipart or missing body is UNPARSEABLE. */
export function jsonBody(request: FastifyRequest): JsonBody {
  const body = request.body as unknown;
  if (body === UNPARSEABLE || body === undefined || body === null || request.isMultipart()) return UNPARSEABLE;
  return body as Record<string, unknown>;
}
