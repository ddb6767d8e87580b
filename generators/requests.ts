/**
 * `minimalRequest(ctx, operationId)`: the smallest valid request of each operation, for tests whose
 * subject is not the inputs (credentials, products, rate limits, envelopes). Ids in paths are
 * random UUIDs: credentials and products are checked before ids (D15). `extra` adds fields to
 * the JSON body or to the multipart form (e.g. a verification_id).
 */
import type { CallOptions } from "../harness/client.js";
import type { Profile } from "../run/profile.js";
import { operations, type OperationId } from "../generated/operations.js";
import { deref, escapePointer, loadSpec } from "../lib/spec-document.js";
import { ids } from "./ids.js";
import { documentFiles } from "./images.js";
import { identity, otp, smsSend } from "./telecom.js";

/** What inputs depend on: the injected "today" (ages) and the profile's image bounds (sizes). */
export interface InputScope {
  today: string;
  profile: Pick<Profile, "imageBounds">;
}

type Build = (extra: Record<string, string>, scope: InputScope) => CallOptions;

const documentForm =
  (back: boolean): Build =>
  (extra, scope) => ({
    form: { fields: extra, files: documentFiles({ bounds: scope.profile.imageBounds, back }) },
  });

const builders: Record<OperationId, Build> = {
  getHealth: () => ({}),
  createVerification: (extra) => ({ body: { ...extra } }),
  getVerification: () => ({ params: { verification_id: ids.unknown() } }),
  sendSmsCode: (extra) => ({ body: smsSend.valid(extra) }),
  confirmSmsCode: (extra) => ({ body: { transaction_id: ids.unknown(), code: otp.correct(), ...extra } }),
  verifyTelecomIdentity: (extra, scope) => ({ body: identity(scope.today).valid(extra) }),
  getTelecomTransaction: () => ({ params: { transaction_id: ids.unknown() } }),
  verifyLicense: documentForm(true),
  verifyPassport: documentForm(false),
  verifyPasscard: documentForm(true),
  getDocumentTransaction: () => ({ params: { transaction_id: ids.unknown() } }),
};

export function minimalRequest(scope: InputScope, operationId: OperationId, extra: Record<string, string> = {}): CallOptions {
  return builders[operationId](extra, scope);
}

/** Operations that need credentials (generated from the spec: a new one is covered without a new test). */
export const securedOperations: readonly OperationId[] = operations.filter((o) => o.secured).map((o) => o.id);

/** The operation that runs a product (x-product), e.g. the one a profile's product name points at. */
export function operationOfProduct(product: string | undefined): OperationId {
  const op = operations.find((o) => o.product === product);
  if (!op) throw new Error(`no operation of the spec runs the product ${JSON.stringify(product)}`);
  return op.id;
}

/** Does the operation's request body (per the spec) have a property `name`? */
function takes(op: (typeof operations)[number], name: string): boolean {
  if (!op.requestContentType) return false;
  const at = `#/paths/${escapePointer(op.path)}/${op.method.toLowerCase()}/requestBody`;
  const { node: body } = deref<{ content?: Record<string, { schema?: unknown }> }>(
    loadSpec().paths[op.path][op.method.toLowerCase()].requestBody,
    at,
  );
  const { node: schema } = deref<{ properties?: Record<string, unknown> }>(body?.content?.[op.requestContentType]?.schema, at);
  return schema?.properties?.[name] !== undefined;
}

/** Transaction POSTs that accept a verification_id, read from the spec's request schemas. */
export const verificationTakingOperations: readonly OperationId[] = operations
  .filter((o) => o.product !== null && takes(o, "verification_id"))
  .map((o) => o.id);
