// Helpers the blind3 faults share: who an answer is for, what the request said, and the 422 codes the mock would
// find in a JSON body (used by the check-order faults, which answer the input errors before a gate).
import type { MockBehaviour, ReplyContext } from "../../mock/faults-api.js";
import type { Json } from "../transform.js";
import { isObject } from "../transform.js";

/** The transaction POSTs (JSON and multipart). */
export const TRANSACTION_POSTS = new Set([
  "sendSmsCode",
  "confirmSmsCode",
  "verifyTelecomIdentity",
  "verifyLicense",
  "verifyPassport",
  "verifyPasscard",
]);

export const DOCUMENT_POSTS = new Set(["verifyLicense", "verifyPassport", "verifyPasscard"]);
export const STATUS_GETS = new Set(["getTelecomTransaction", "getDocumentTransaction"]);

/** An HTTP answer (not a webhook payload) of one of these operations. */
export const answerOf = (ctx: ReplyContext, ops: ReadonlySet<string> | readonly string[]): boolean => {
  const set = ops instanceof Set ? ops : new Set(ops as readonly string[]);
  return ctx.kind === "response" && ctx.operationId !== null && set.has(ctx.operationId);
};

/** The JSON object the request carried ({} for none, a multipart form or a body that was not an object). */
export const jsonInput = (ctx: ReplyContext): Json => {
  const body = (ctx.request as { body?: unknown } | undefined)?.body;
  return isObject(body) ? body : {};
};

/** The request path without its query. */
export const pathOf = (ctx: ReplyContext): string => (ctx.request?.url ?? "").split("?")[0];

const present = (v: unknown) => v !== undefined && v !== null;

/** The 422 codes the mock's own rules find in a send / identity body (handlers/telecom.ts, handlers/common.ts). */
export function jsonInputErrors(b: MockBehaviour, operationId: "sendSmsCode" | "verifyTelecomIdentity", input: Json): number[] {
  const { validators } = b;
  const codes: number[] = [];
  if (!validators.phone(input.phone)) codes.push(3101);
  if (operationId === "verifyTelecomIdentity") {
    const birth = validators.birthDate(input.birth_date, b.today());
    if (birth === "format") codes.push(3108);
    if (birth === "minor") codes.push(3107);
  }
  if (present(input.callback_url) && !validators.callbackUrl(input.callback_url)) codes.push(3100);
  if (input.metadata !== undefined && !validators.metadata(input.metadata)) codes.push(b.metadataErrorCode);
  return [...new Set(codes)];
}
