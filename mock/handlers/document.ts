// verifyLicense / verifyPassport / verifyPasscard (one handler, D28 per product) and getDocumentTransaction.
import type { FastifyRequest } from "fastify";
import type { DocumentProduct } from "../behaviour.js";
import { authenticate } from "../auth.js";
import type { FormValue } from "../multipart.js";
import { readMultipart } from "../multipart.js";
import type { MockContext } from "../context.js";
import { admit, isUuid, optionalVerification, ownTransaction } from "../context.js";
import type { MockReply } from "../reply.js";
import { stop } from "../reply.js";
import { documentOutcome } from "../sandbox.js";
import { callbackOf, finish, optionalInputErrors, rejectInputs, transactionReply } from "./common.js";

export interface DocumentKind {
  product: DocumentProduct;
  operationId: string;
}

// A Map: the kind comes from the path, and `constructor` or `__proto__` must name nothing (403 2100).
const DOCUMENT_KINDS = new Map<string, DocumentKind>([
  ["license", { product: "document.license.verify", operationId: "verifyLicense" }],
  ["passport", { product: "document.passport.verify", operationId: "verifyPassport" }],
  ["passcard", { product: "document.passcard.verify", operationId: "verifyPasscard" }],
]);

/** The document product named by `/api/v2/document/{kind}/verify`, or undefined for any other kind. */
export function documentKind(request: FastifyRequest): DocumentKind | undefined {
  const kind = (request.params as { kind?: unknown }).kind;
  return typeof kind === "string" ? DOCUMENT_KINDS.get(kind) : undefined;
}

/** Metadata in a form field is JSON text (D38); text that is not JSON counts as a string value. */
function metadataValue(field: FormValue | undefined): unknown {
  if (field === undefined) return undefined;
  if (field.kind === "json") return field.value;
  try {
    return JSON.parse(field.text);
  } catch {
    return field.text;
  }
}

/** A plain field's value; a part sent as `application/json` gives its JSON value (a non-string fails the field's rule). */
const fieldValue = (field: FormValue | undefined): unknown => (field?.kind === "json" ? field.value : field?.text);

export async function verifyDocument(ctx: MockContext, request: FastifyRequest): Promise<MockReply> {
  const kind = documentKind(request);
  if (!kind) {
    authenticate(request.headers.authorization, ctx.behaviour);
    return stop([2100]); // D32: after 401, before 429 (D15)
  }
  const caller = admit(ctx, request, { name: kind.product, counted: true });
  const { behaviour } = ctx;
  const form = await readMultipart(request, behaviour.fixtures.documents.maxBytes);
  const verification = optionalVerification(ctx, caller, fieldValue(form.fields.get("verification_id")));

  const codes: number[] = [];
  for (const field of behaviour.requiredImages[kind.product]) {
    const file = form.broken ? undefined : form.files.get(field);
    if (!file) {
      codes.push(3109); // D28 (M1: a broken form counts as missing every image)
      continue;
    }
    if (!behaviour.validators.imageType(file.head)) codes.push(3111);
    const size = behaviour.validators.imageSize(file.bytes);
    if (size !== "ok") codes.push(size === "small" ? 3109 : 3110);
  }
  const metadata = form.truncated.has("metadata") ? "x".repeat(64 * 1024) : metadataValue(form.fields.get("metadata"));
  const callbackUrl = form.truncated.has("callback_url") ? "" : fieldValue(form.fields.get("callback_url"));
  codes.push(...optionalInputErrors(ctx, callbackUrl, metadata));
  rejectInputs(codes);

  const outcome = documentOutcome(form.files.get("front_image")?.filename, kind.operationId, behaviour);
  const tx = ctx.store.createTransaction({
    owner: caller.name,
    product: kind.product,
    verification,
    callbackUrl: callbackOf(callbackUrl),
  });
  // D11: documents are processed asynchronously; null delay = pending forever.
  if (behaviour.documentDelayMs !== null) {
    const timer = setTimeout(() => {
      ctx.timers.delete(tx.id);
      finish(ctx, tx, outcome);
    }, behaviour.documentDelayMs);
    ctx.timers.set(tx.id, timer);
  }
  return transactionReply(ctx, tx);
}

export function getDocumentTransaction(ctx: MockContext, request: FastifyRequest): MockReply {
  const caller = admit(ctx, request);
  return transactionReply(ctx, ownTransaction(ctx, caller, (request.params as { transaction_id: string }).transaction_id, "document"));
}

/** GET /api/v2/{x}/{id} for a product family the API does not have: 403 2100 for a UUID (D32), else 404. */
export function unknownProductStatus(ctx: MockContext, request: FastifyRequest): MockReply {
  authenticate(request.headers.authorization, ctx.behaviour);
  return stop([isUuid((request.params as { id: string }).id) ? 2100 : 4100]);
}
