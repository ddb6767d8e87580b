// The one shape every answer (and every webhook payload) takes before it is written, so faults can rewrite it.
import type { FastifyRequest } from "fastify";
import { httpStatusOf, message } from "./messages.js";

export interface MockReply {
  status: number;
  headers: Record<string, string>;
  /** JSON value to serialise; undefined = empty body */
  body?: unknown;
}

export interface ReplyContext {
  /** operationId, or null for unknown routes */
  operationId: string | null;
  /** "response": an HTTP answer; "webhook": a callback POST (status is 200, body is the payload) */
  kind: "response" | "webhook";
  request?: FastifyRequest;
}

export type ReplyTransform = (reply: MockReply, ctx: ReplyContext) => MockReply;

export const JSON_TYPE = "application/json; charset=utf-8";

export function json(status: number, body: unknown, headers: Record<string, string> = {}): MockReply {
  return { status, headers: { "content-type": JSON_TYPE, ...headers }, body };
}

/** Error envelope (DOC): `{"errors": [{code, message}]}`; the status comes from the catalogue. */
export function errorReply(codes: number[], headers: Record<string, string> = {}): MockReply {
  const status = httpStatusOf(codes[0]);
  if (status === undefined) throw new Error(`code ${codes[0]} has no HTTP status in the catalogue`);
  return json(status, { errors: codes.map((code) => ({ code, message: message(code) })) }, headers);
}

/** Thrown by a gate (auth, product, rate limit, ids) to stop the request with an answer. */
export class Stop extends Error {
  constructor(readonly reply: MockReply) {
    super(`stop ${reply.status}`);
  }
}

export const stop = (codes: number[], headers?: Record<string, string>): never => {
  throw new Stop(errorReply(codes, headers));
};
