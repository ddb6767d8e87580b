// Small building blocks for faults that rewrite answers through the mock's transform hook.
import type { MockBehaviour, MockReply, ReplyContext } from "../mock/faults-api.js";
import { addTransform, isEnvelope } from "../mock/faults-api.js";
import { message } from "../mock/messages.js";

export type Json = Record<string, unknown>;

export const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** A transaction body: `{transaction_id, status: {code}, …}`. */
export function isTransaction(body: unknown): body is Json & { status: Json & { code: number }; results?: Json } {
  return isObject(body) && typeof body.transaction_id === "string" && isObject(body.status);
}

/** The codes of an error envelope, or []. */
export const codesOf = (reply: MockReply): number[] => (isEnvelope(reply.body) ? reply.body.errors.map((e) => e.code) : []);

/** Rewrites the answers (and webhook payloads) for which `when` holds; the others pass unchanged. */
export function rewrite(
  b: MockBehaviour,
  when: (reply: MockReply, ctx: ReplyContext) => boolean,
  change: (reply: MockReply, ctx: ReplyContext) => MockReply,
): void {
  addTransform(b, (reply, ctx) => (when(reply, ctx) ? change(reply, ctx) : reply));
}

/** Rewrites every error object of every envelope. */
export function rewriteErrors(b: MockBehaviour, change: (error: Json) => unknown): void {
  rewrite(
    b,
    (r) => isEnvelope(r.body),
    (r) => ({
      ...r,
      body: { ...(r.body as Json), errors: (r.body as { errors: Json[] }).errors.map(change) },
    }),
  );
}

/** Rewrites the body of every transaction answer and webhook payload. */
export function rewriteTransactions(b: MockBehaviour, change: (tx: ReturnType<typeof clone>) => Json): void {
  rewrite(
    b,
    (r) => isTransaction(r.body),
    (r) => ({ ...r, body: change(clone(r.body)) }),
  );
}

/**
 * Rewrites the `status` of every transaction wherever it is shown: answers, webhook payloads and the
 * transactions a verification lists (a status fault shows the same wrong status everywhere).
 */
export function rewriteStatuses(b: MockBehaviour, change: (status: Json) => Json): void {
  rewrite(
    b,
    (r) => isTransaction(r.body) || (isObject(r.body) && Array.isArray(r.body.transactions)),
    (r) => {
      const body = clone(r.body);
      const listed = Array.isArray(body.transactions) ? (body.transactions as Json[]) : [body];
      for (const tx of listed) if (isObject(tx.status)) tx.status = change(tx.status);
      return { ...r, body };
    },
  );
}

/** Deep copy: the store's records must never be changed by a transform. */
export function clone(body: unknown): Json & { status: Json; results: Json } {
  return structuredClone(body) as Json & { status: Json; results: Json };
}

/** Turns an answer carrying `from` into one with another HTTP status and/or code (same envelope). */
export function remapCode(b: MockBehaviour, from: number, to: { status?: number; code?: number }): void {
  rewrite(
    b,
    (r) => codesOf(r).includes(from),
    (r) => ({
      ...r,
      status: to.status ?? r.status,
      body: {
        errors: (r.body as { errors: Json[] }).errors.map((e) =>
          e.code === from && to.code ? { ...e, code: to.code, message: message(to.code) } : e,
        ),
      },
    }),
  );
}

export const JSON_CT = "application/json; charset=utf-8";
