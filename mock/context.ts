// Per-mock state and the D15 gates every operation passes in order: 401 → 403 product → 429 → ids.
import type { FastifyRequest } from "fastify";
import type { MockBehaviour } from "./behaviour.js";
import type { Caller } from "./auth.js";
import { authenticate } from "./auth.js";
import { RateLimiter } from "./rate-limit.js";
import { own } from "./own.js";
import { stop } from "./reply.js";
import type { TransactionRecord, VerificationRecord } from "./store.js";
import { Store } from "./store.js";
import type { Product } from "./types.js";
import { Webhooks } from "./webhooks.js";

export interface MockContext {
  behaviour: MockBehaviour;
  store: Store;
  limiter: RateLimiter;
  webhooks: Webhooks;
  /** document processing timers by transaction id, cleared on close and when the store forgets the transaction */
  timers: Map<string, NodeJS.Timeout>;
}

export function createContext(behaviour: MockBehaviour): MockContext {
  const timers = new Map<string, NodeJS.Timeout>();
  const forget = (tx: TransactionRecord) => {
    clearTimeout(timers.get(tx.id));
    timers.delete(tx.id);
  };
  return {
    behaviour,
    store: new Store(() => behaviour.now().getTime(), behaviour.fixtures.store, forget),
    limiter: new RateLimiter(behaviour),
    webhooks: new Webhooks(behaviour),
    timers,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: unknown): value is string => typeof value === "string" && UUID.test(value);

/** 401 (D1) → 403 2200 / 2300 for the product run → 429 (product counted only for transaction POSTs, D33). */
export function admit(ctx: MockContext, request: FastifyRequest, product?: { name: Product; counted: boolean }): Caller {
  const caller = authenticate(request.headers.authorization, ctx.behaviour);
  if (product) {
    const org = own(ctx.behaviour.fixtures.organizations, caller.account.organization);
    if (org?.inactiveProducts?.includes(product.name)) stop([2200]);
    if (caller.account.disabledProducts?.includes(product.name)) stop([2300]);
  }
  ctx.limiter.hit(caller.name, product?.counted ? product.name : undefined);
  return caller;
}

/** A transaction named by a path or a body: 404 4100 when unknown or of the other family (D29, D31), 403 3200 when another account's. */
export function ownTransaction(ctx: MockContext, caller: Caller, id: unknown, family?: "telecom" | "document"): TransactionRecord {
  const tx = isUuid(id) ? ctx.store.transaction(id.toLowerCase()) : undefined;
  if (!tx || (family && !tx.product.startsWith(`${family}.`))) return stop([4100]);
  if (ctx.behaviour.ownership.transactions && tx.owner !== caller.name) stop([3200]);
  return tx;
}

/** A verification named by a path or a verification_id: 404 4100 / 403 3300. Absent (undefined/null) → undefined. */
export function ownVerification(ctx: MockContext, caller: Caller, id: unknown): VerificationRecord | undefined {
  const v = isUuid(id) ? ctx.store.verification(id.toLowerCase()) : undefined;
  if (!v) return stop([4100]);
  if (ctx.behaviour.ownership.verifications && v.owner !== caller.name) stop([3300]);
  return v;
}

export function optionalVerification(ctx: MockContext, caller: Caller, id: unknown): VerificationRecord | undefined {
  return id === undefined || id === null ? undefined : ownVerification(ctx, caller, id);
}
