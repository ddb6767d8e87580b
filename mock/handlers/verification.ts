// createVerification and getVerification.
import type { FastifyRequest } from "fastify";
import { UNPARSEABLE, jsonBody } from "../body.js";
import type { MockContext } from "../context.js";
import { admit, ownVerification } from "../context.js";
import { json } from "../reply.js";
import type { MockReply } from "../reply.js";
import { verificationBody } from "../bodies.js";
import { callbackOf, optionalInputErrors, rejectInputs } from "./common.js";

export function createVerification(ctx: MockContext, request: FastifyRequest): MockReply {
  const caller = admit(ctx, request);
  const body = jsonBody(request);
  // M1: no body or an empty one is `{}` (the published curl sends `--data ''`); a body that is there but is not a
  // JSON object answers the only input code the operation documents.
  if (body === UNPARSEABLE) rejectInputs([3100]);
  const input = body as Record<string, unknown>;
  rejectInputs(optionalInputErrors(ctx, input.callback_url, input.metadata));
  const v = ctx.store.createVerification(caller.name, callbackOf(input.callback_url));
  return json(200, verificationBody(v, ctx.store, ctx.behaviour));
}

export function getVerification(ctx: MockContext, request: FastifyRequest): MockReply {
  const caller = admit(ctx, request);
  const v = ownVerification(ctx, caller, (request.params as { verification_id: string }).verification_id)!;
  return json(200, verificationBody(v, ctx.store, ctx.behaviour));
}
