// Helpers the operation handlers share: the optional callback_url / metadata checks and the 422 answer.
import type { MockContext } from "../context.js";
import type { Outcome } from "../sandbox.js";
import { json, stop } from "../reply.js";
import type { MockReply } from "../reply.js";
import type { TransactionRecord } from "../store.js";
import { transactionBody } from "../bodies.js";

const present = (value: unknown) => value !== undefined && value !== null;

/** 3100 for a bad callback_url; the metadata code (README M2) for metadata over 500 characters. */
export function optionalInputErrors(ctx: MockContext, callbackUrl: unknown, metadata: unknown): number[] {
  const { validators, metadataErrorCode } = ctx.behaviour;
  const codes: number[] = [];
  if (present(callbackUrl) && !validators.callbackUrl(callbackUrl)) codes.push(3100);
  if (metadata !== undefined && !validators.metadata(metadata)) codes.push(metadataErrorCode);
  return codes;
}

/** Stops with one 422 listing every input error found (each code once, in the order found). */
export function rejectInputs(codes: number[]): void {
  if (codes.length > 0) stop([...new Set(codes)]);
}

/** Applies a finished sandbox outcome to a new transaction and sends its webhook. */
export function finish(ctx: MockContext, tx: TransactionRecord, outcome: Outcome): void {
  if (outcome.kind === "success") ctx.store.succeed(tx, outcome.address ? { address: outcome.address } : {});
  else if (outcome.kind === "transaction") ctx.store.fail(tx, outcome.code, outcome.additionalInfo);
  ctx.webhooks.notify(tx);
}

export const transactionReply = (ctx: MockContext, tx: TransactionRecord): MockReply => json(200, transactionBody(tx, ctx.behaviour));

export const callbackOf = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
