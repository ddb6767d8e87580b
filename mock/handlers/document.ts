// verifyLicense / verifyPassport / verifyPasscard (one handler, D28 per product) and getDocumentTransaction.
import type { FastifyRequest } from "fastify";
import type { DocumentProduct } from "../behaviour.js";
import { authenticate } from "../auth.js";
import { readMultipart } from "../body.js";
import type { MockContext } from "../context.js";
import { admit, isUuid, optionalVerification, ownTransaction } from "../context.js";
import type { MockReply } from "../reply.js";
import { stop } from "../reply.js";
import { documentOutcome } from "../sandbox.js";
import { finish, optionalInputErrors, rejectInputs, transactionReply } from "./common.js";

export const DOCUMENT_KINDS: Record<string, { product: DocumentProduct; operationId: string }> = {
  license: { product: "document.license.verify", operationId: "verifyLicense" },
  passport: { product: "document.passport.verify", operationId: "verifyPassport" },
  passcard: { product: "document.passcard.verify", operationId: "verifyPasscard" },
};

/** Metadata in a form field is JSON text; text that is not JSON counts as a string value. */
function metadataValue(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function verifyDocument(ctx: MockContext, request: FastifyRequest): Promise<MockReply> {
  const kind = DOCUMENT_KINDS[(request.params as { kind: string }).kind];
  if (!kind) {
    authenticate(request.headers.authorization, ctx.behaviour);
    return stop([2100]); // D32: after 401, before 429 (D15)
  }
  const caller = admit(ctx, request, { name: kind.product, counted: true });
  const { behaviour } = ctx;
  const form = await readMultipart(request, behaviour.fixtures.documents.maxBytes);
  const verification = optionalVerification(ctx, caller, form.fields.verification_id);

  const codes: number[] = [];
  for (const field of behaviour.requiredImages[kind.product]) {
    const file = form.broken ? undefined : form.files[field];
    if (!file) {
      codes.push(3109); // D28 (M1: a broken form counts as missing every image)
      continue;
    }
    if (!behaviour.validators.imageType(file.head)) codes.push(3111);
    const size = behaviour.validators.imageSize(file.bytes);
    if (size !== "ok") codes.push(size === "small" ? 3109 : 3110);
  }
  const metadata = form.truncated.has("metadata") ? "x".repeat(64 * 1024) : metadataValue(form.fields.metadata);
  const callbackUrl = form.truncated.has("callback_url") ? "" : form.fields.callback_url;
  codes.push(...optionalInputErrors(ctx, callbackUrl, metadata));
  rejectInputs(codes);

  const outcome = documentOutcome(form.files.front_image?.filename, kind.operationId, behaviour);
  const tx = ctx.store.createTransaction({
    owner: caller.name,
    product: kind.product,
    verificationId: verification?.id,
    callbackUrl,
  });
  // D11: documents are processed asynchronously; null delay = pending forever.
  if (behaviour.documentDelayMs !== null) {
    const timer = setTimeout(() => {
      ctx.timers.delete(timer);
      finish(ctx, tx, outcome);
    }, behaviour.documentDelayMs);
    ctx.timers.add(timer);
  }
  return transactionReply(tx);
}

export function getDocumentTransaction(ctx: MockContext, request: FastifyRequest): MockReply {
  const caller = admit(ctx, request);
  return transactionReply(ownTransaction(ctx, caller, (request.params as { transaction_id: string }).transaction_id, "document"));
}

/** GET /api/v2/{x}/{id} for a product family the API does not have: 403 2100 for a UUID (D32), else 404. */
export function unknownProductStatus(ctx: MockContext, request: FastifyRequest): MockReply {
  authenticate(request.headers.authorization, ctx.behaviour);
  return stop([isUuid((request.params as { id: string }).id) ? 2100 : 4100]);
}
