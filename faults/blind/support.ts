// Building blocks of the blind catalogue: what a fault needs to know about the request in progress.
//
// MockBehaviour gives rule functions (validators, auth helpers) without the request, and a transform that sees the
// request only once the answer is made. Two helpers bridge that gap, both deterministic:
// - `track(b)`: which operation is running. The mock's handlers are synchronous from the credential check
//   (auth.tokenText, called first by every secured request) to their answer, except for the multipart read of the
//   document uploads, after which they are synchronous again. So the last rule function called tells the operation:
//   tokenText → "start" (createVerification and the GETs never call another), phone → "phone" (send), birthDate →
//   "identity", otpFormat → "confirm", requiredImages[product] → "document". The response transform resets it.
// - `observe(b)`: what the answers have shown so far (transaction and verification ids, their owner, the last body
//   of each transaction), learnt by a transform that sees every answer and webhook.
import type { DocumentProduct, MockBehaviour } from "../../mock/behaviour.js";
import type { MockReply, ReplyContext } from "../../mock/faults-api.js";
import { decodeToken, tokenText } from "../../mock/auth-header.js";
import { addTransform, isEnvelope } from "../../mock/faults-api.js";
import { message } from "../../mock/messages.js";
import { errorReply } from "../../mock/reply.js";
import type { Json } from "../transform.js";
import { isObject, isTransaction } from "../transform.js";

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: unknown): v is string => typeof v === "string" && UUID.test(v);

export const TX_POSTS = ["sendSmsCode", "confirmSmsCode", "verifyTelecomIdentity", "verifyLicense", "verifyPassport", "verifyPasscard"];
export const DOC_POSTS = ["verifyLicense", "verifyPassport", "verifyPasscard"];
export const JSON_OPS = ["createVerification", "sendSmsCode", "confirmSmsCode", "verifyTelecomIdentity"];
export const STATUS_GETS = ["getTelecomTransaction", "getDocumentTransaction"];

/** The JSON body of the request behind an answer, or {} (multipart, unparseable, webhook). */
export function bodyOf(ctx: ReplyContext): Json {
  const body = ctx.request?.body;
  return isObject(body) ? body : {};
}

/** The request path without its query. */
export const pathOf = (ctx: ReplyContext): string => (ctx.request?.url ?? "").split("?")[0];

/** The path parameter of a status / verification GET. */
export function pathId(ctx: ReplyContext): string | undefined {
  const params = ctx.request?.params as Record<string, string> | undefined;
  return params?.transaction_id ?? params?.verification_id ?? params?.id;
}

export const codes = (r: MockReply): number[] => (isEnvelope(r.body) ? r.body.errors.map((e) => e.code) : []);

/** An error answer with the catalogue's status and messages (the mock's own errorReply). */
export const errors = (list: number[], headers: Record<string, string> = {}): MockReply => errorReply([...new Set(list)], headers);

// ---------------------------------------------------------------- who is calling

// The mock's default readers, not b.auth's (a tracker wraps those, and reading a header must not move it).

/** The normalised token of an Authorization header, or undefined. */
export function tokenOfHeader(_b: MockBehaviour, header: unknown): string | undefined {
  if (typeof header !== "string") return undefined;
  return tokenText(header, true)?.trim() || undefined;
}

/** The account name behind a token, if it names one. */
export function accountOfHeader(b: MockBehaviour, header: unknown): string | undefined {
  const text = typeof header === "string" ? tokenText(header, b.auth.acceptLegacyScheme) : undefined;
  const secret = text === undefined ? undefined : decodeToken(text);
  if (secret === undefined) return undefined;
  return Object.entries(b.fixtures.accounts).find(([, a]) => a.secret === secret)?.[0];
}

export const callerToken = (b: MockBehaviour, ctx: ReplyContext) => tokenOfHeader(b, ctx.request?.headers.authorization);

// ---------------------------------------------------------------- input rules, as the mock applies them

/** The 422 codes the mock's own validators give a JSON body of `op` (ids aside). */
export function inputCodes(b: MockBehaviour, op: string | null, body: Json): number[] {
  const v = b.validators;
  const out: number[] = [];
  if (op === "sendSmsCode" || op === "verifyTelecomIdentity") if (!v.phone(body.phone)) out.push(3101);
  if (op === "verifyTelecomIdentity") {
    const birth = v.birthDate(body.birth_date, b.today());
    if (birth === "format") out.push(3108);
    if (birth === "minor") out.push(3107);
  }
  if (op === "confirmSmsCode") {
    if (typeof body.transaction_id !== "string") out.push(3105);
    if (!v.otpFormat(body.code)) out.push(3102);
  }
  if (op === "createVerification" || op === "sendSmsCode" || op === "verifyTelecomIdentity") {
    if (body.callback_url !== undefined && body.callback_url !== null && !v.callbackUrl(body.callback_url)) out.push(3100);
    if (body.metadata !== undefined && !v.metadata(body.metadata)) out.push(b.metadataErrorCode);
  }
  return [...new Set(out)];
}

// ---------------------------------------------------------------- which operation is running

export type Phase = "none" | "start" | "phone" | "identity" | "confirm" | `document:${DocumentProduct}`;

export interface Tracker {
  phase: Phase;
  /** the Authorization header of the request in progress */
  header: string | undefined;
  /** validator calls since the document handler asked for its required images */
  imageTypeCalls: number;
  imageSizeCalls: number;
  smallImages: number;
  requiredCount: number;
  /** the last OTP the confirm validated */
  lastCode: unknown;
}

export function track(b: MockBehaviour): Tracker {
  const t: Tracker = {
    phase: "none",
    header: undefined,
    imageTypeCalls: 0,
    imageSizeCalls: 0,
    smallImages: 0,
    requiredCount: 0,
    lastCode: undefined,
  };
  const { tokenText } = b.auth;
  b.auth.tokenText = (header, legacy) => {
    t.phase = "start";
    t.header = header;
    return tokenText(header, legacy);
  };
  const v = b.validators;
  const { phone, birthDate, otpFormat, imageType, imageSize } = v;
  v.phone = (value) => {
    if (t.phase === "start") t.phase = "phone";
    return phone(value);
  };
  v.birthDate = (value, today) => {
    t.phase = "identity";
    return birthDate(value, today);
  };
  v.otpFormat = (value) => {
    t.phase = "confirm";
    t.lastCode = value;
    return otpFormat(value);
  };
  v.imageType = (head) => {
    t.imageTypeCalls++;
    return imageType(head);
  };
  v.imageSize = (bytes) => {
    t.imageSizeCalls++;
    const out = imageSize(bytes);
    if (out === "small") t.smallImages++;
    return out;
  };
  const required = b.requiredImages;
  const tracked = {} as MockBehaviour["requiredImages"];
  for (const product of Object.keys(required) as DocumentProduct[]) {
    Object.defineProperty(tracked, product, {
      enumerable: true,
      get: () => {
        t.phase = `document:${product}`;
        t.imageTypeCalls = 0;
        t.imageSizeCalls = 0;
        t.smallImages = 0;
        t.requiredCount = required[product].length;
        return required[product];
      },
    });
  }
  b.requiredImages = tracked;
  addTransform(b, (reply, ctx) => {
    if (ctx.kind === "response") t.phase = "none";
    return reply;
  });
  return t;
}

// ---------------------------------------------------------------- what the answers have shown

export interface Seen {
  /** transaction id → owner token, product and the last body answered for it */
  transactions: Map<string, { owner?: string; product: string; body: Json }>;
  /** verification id → owner token */
  verifications: Map<string, string | undefined>;
}

/** Learns from every answer: installed before the fault's own transforms, it sees the mock's true answers. */
export function observe(b: MockBehaviour): Seen {
  const seen: Seen = { transactions: new Map(), verifications: new Map() };
  addTransform(b, (reply, ctx) => {
    const body = reply.body;
    const owner = ctx.kind === "response" ? callerToken(b, ctx) : undefined;
    const noteVerification = (id: unknown) => {
      if (typeof id === "string" && !seen.verifications.has(id.toLowerCase())) seen.verifications.set(id.toLowerCase(), owner);
    };
    if (reply.status === 200 && isTransaction(body)) {
      const id = String(body.transaction_id).toLowerCase();
      const known = seen.transactions.get(id);
      seen.transactions.set(id, { owner: known?.owner ?? owner, product: String(body.product), body: structuredClone(body) });
      if (ctx.kind === "response") noteVerification(body.verification_id);
    } else if (reply.status === 200 && ctx.operationId === "createVerification" && isObject(body)) {
      noteVerification(body.verification_id);
    }
    return reply;
  });
  return seen;
}

// ---------------------------------------------------------------- body rewrites

/** The same transaction as it stood while pending (D11: 100, verified false, no errors, updated = created). */
export function asPending(tx: Json & { status: Json }): Json {
  return {
    ...tx,
    status: { ...tx.status, code: 100, message: "Transaction pending", updated: tx.status.created },
    results: { verified: false },
  };
}

/** Replaces every transaction error code by `map(code)` (message from the catalogue), leaving the others. */
export function mapErrorCodes(tx: Json & { results?: Json }, map: (code: number) => number): Json {
  const errs = tx.results?.errors;
  if (!Array.isArray(errs)) return tx;
  const changed = errs.map((e: Json) => {
    const to = map(e.code as number);
    return to === e.code ? e : { ...e, code: to, message: message(to) };
  });
  return { ...tx, results: { ...tx.results, errors: changed } };
}

/** A UUID derived from another one (its hex digits reversed): deterministic, and never the same id. */
export function otherUuid(id: string): string {
  const hex = id.replace(/-/g, "");
  let flipped = hex.split("").reverse().join("");
  if (flipped === hex) flipped = `${hex.slice(0, 31)}${hex[31] === "0" ? "1" : "0"}`;
  return `${flipped.slice(0, 8)}-${flipped.slice(8, 12)}-${flipped.slice(12, 16)}-${flipped.slice(16, 20)}-${flipped.slice(20)}`;
}

// ---------------------------------------------------------------- a second count of the rate limits

/** Fixed windows like the mock's (D33): counts what the mock admitted, as seen in its answers. */
export class ShadowWindows {
  private readonly windows = new Map<string, { start: number; count: number }>();
  constructor(private readonly now: () => number) {}

  count(key: string, windowMs: number): number {
    const w = this.windows.get(key);
    return w && this.now() - w.start < windowMs ? w.count : 0;
  }

  hit(key: string, windowMs: number): void {
    const now = this.now();
    const w = this.windows.get(key);
    if (!w || now - w.start >= windowMs) this.windows.set(key, { start: now, count: 1 });
    else w.count++;
  }

  /** whole seconds left in the window of `key` (at least 1) */
  retryAfter(key: string, windowMs: number): string {
    const w = this.windows.get(key);
    const ms = w ? w.start + windowMs - this.now() : windowMs;
    return String(Math.max(1, Math.ceil(ms / 1000)));
  }
}

/** The product a transaction POST runs (D9 names), or undefined. */
export function productOf(op: string | null): string | undefined {
  switch (op) {
    case "sendSmsCode":
    case "confirmSmsCode":
      return "telecom.possession.sms";
    case "verifyTelecomIdentity":
      return "telecom.identity";
    case "verifyLicense":
      return "document.license.verify";
    case "verifyPassport":
      return "document.passport.verify";
    case "verifyPasscard":
      return "document.passcard.verify";
    default:
      return undefined;
  }
}

/** True when the mock admitted the request past its limiter (so it counted against the limits). */
export function admitted(r: MockReply, ctx: ReplyContext): boolean {
  // unknown routes and unknown products only authenticate (README M4, D32)
  if (ctx.kind !== "response" || ctx.operationId === null) return false;
  if (r.status === 401 || r.status === 429) return false;
  const c = codes(r);
  return !(r.status === 403 && (c.includes(2100) || c.includes(2200) || c.includes(2300)));
}
