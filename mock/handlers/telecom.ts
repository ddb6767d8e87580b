// sendSmsCode, confirmSmsCode, verifyTelecomIdentity, getTelecomTransaction.
import type { FastifyRequest } from "fastify";
import { UNPARSEABLE, jsonBody } from "../body.js";
import type { MockContext } from "../context.js";
import { admit, optionalVerification, ownTransaction } from "../context.js";
import type { MockReply } from "../reply.js";
import { stop } from "../reply.js";
import { identityOutcome, phoneOutcome } from "../sandbox.js";
import { callbackOf, finish, optionalInputErrors, rejectInputs, transactionReply } from "./common.js";

const SMS = "telecom.possession.sms" as const;
const IDENTITY = "telecom.identity" as const;

/** M1: an unparseable JSON body is read as `{}` (every required field missing). */
const inputOf = (request: FastifyRequest): Record<string, unknown> => {
  const body = jsonBody(request);
  return body === UNPARSEABLE ? {} : body;
};

export function sendSmsCode(ctx: MockContext, request: FastifyRequest): MockReply {
  const caller = admit(ctx, request, { name: SMS, counted: true });
  const input = inputOf(request);
  const verification = optionalVerification(ctx, caller, input.verification_id);
  const { validators } = ctx.behaviour;
  const codes: number[] = [];
  if (!validators.phone(input.phone)) codes.push(3101);
  codes.push(...optionalInputErrors(ctx, input.callback_url, input.metadata));
  rejectInputs(codes);

  const outcome = phoneOutcome(input.phone as string, "sendSmsCode", ctx.behaviour);
  if (outcome.kind === "http") stop(outcome.codes);
  const tx = ctx.store.createTransaction({
    owner: caller.name,
    product: SMS,
    verification,
    callbackUrl: callbackOf(input.callback_url),
  });
  // D27: a sent code leaves the transaction pending until the confirm.
  if (outcome.kind === "success") tx.otp = { issuedAt: ctx.behaviour.now().getTime(), wrongCodes: 0 };
  else finish(ctx, tx, outcome);
  return transactionReply(ctx, tx);
}

export function confirmSmsCode(ctx: MockContext, request: FastifyRequest): MockReply {
  const caller = admit(ctx, request, { name: SMS, counted: true });
  const input = inputOf(request);
  const named = typeof input.transaction_id === "string" ? input.transaction_id : undefined;
  const tx = named === undefined ? undefined : ownTransaction(ctx, caller, named);
  const { validators, otp } = ctx.behaviour;
  const codes: number[] = [];
  // 3105: no transaction_id, not an SMS possession transaction, or no code pending on it (failed send, already confirmed).
  const pending = tx && tx.product === SMS && tx.otp && tx.status === 100 ? tx : undefined;
  if (!pending) codes.push(3105);
  if (!validators.otpFormat(input.code)) codes.push(3102); // a malformed code is not a try (D19)
  rejectInputs(codes);

  const state = pending!.otp!;
  if (state.wrongCodes >= otp.maxWrongCodes) stop([3104]);
  if (ctx.behaviour.now().getTime() - state.issuedAt > otp.ttlMs) stop([3103]);
  if (!otp.accepts(input.code as string)) {
    state.wrongCodes++;
    stop([state.wrongCodes >= otp.maxWrongCodes ? 3104 : 3102]);
  }
  finish(ctx, pending!, { kind: "success" });
  return transactionReply(ctx, pending!);
}

export function verifyTelecomIdentity(ctx: MockContext, request: FastifyRequest): MockReply {
  const caller = admit(ctx, request, { name: IDENTITY, counted: true });
  const input = inputOf(request);
  const verification = optionalVerification(ctx, caller, input.verification_id);
  const { validators } = ctx.behaviour;
  const codes: number[] = [];
  if (!validators.phone(input.phone)) codes.push(3101);
  const birth = validators.birthDate(input.birth_date, ctx.behaviour.today());
  if (birth === "format") codes.push(3108);
  if (birth === "minor") codes.push(3107);
  codes.push(...optionalInputErrors(ctx, input.callback_url, input.metadata));
  rejectInputs(codes);

  const outcome = identityOutcome(input.phone as string, input.birth_date as string, ctx.behaviour);
  if (outcome.kind === "http") stop(outcome.codes);
  const tx = ctx.store.createTransaction({
    owner: caller.name,
    product: IDENTITY,
    verification,
    callbackUrl: callbackOf(input.callback_url),
  });
  finish(ctx, tx, outcome);
  return transactionReply(ctx, tx);
}

export function getTelecomTransaction(ctx: MockContext, request: FastifyRequest): MockReply {
  const caller = admit(ctx, request);
  return transactionReply(ctx, ownTransaction(ctx, caller, (request.params as { transaction_id: string }).transaction_id, "telecom"));
}
