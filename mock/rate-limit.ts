// D33 / D23: fixed windows per account and per (account, product); 429 5200 / 5100 with Retry-After in seconds.
import type { MockBehaviour } from "./behaviour.js";
import { stop } from "./reply.js";

interface Window {
  start: number;
  count: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly behaviour: MockBehaviour) {}

  /**
   * Stops with 429 when the account's (first, D15) or the product's limit is reached; else counts the request.
   * D33: refused ones don't count, unless rateLimit.countRefused (then they count against both windows).
   */
  hit(accountName: string, product: string | undefined): void {
    const { enabled, lifts, limitsFor, countRefused } = this.behaviour.rateLimit;
    const limits = limitsFor(accountName);
    if (!enabled || !limits) return;
    const now = this.behaviour.now().getTime();
    const account = this.window(accountName, now, limits.windowMs, lifts);
    const perProduct = product ? this.window(`${accountName}|${product}`, now, limits.windowMs, lifts) : undefined;
    const refused =
      account.count >= limits.perAccount ? account : perProduct && perProduct.count >= limits.perProduct ? perProduct : undefined;
    if (!refused || countRefused) {
      account.count++;
      if (perProduct) perProduct.count++;
    }
    if (refused) stop([refused === account ? 5200 : 5100], this.retryAfter(refused, now, limits.windowMs, lifts));
  }

  private window(key: string, now: number, windowMs: number, lifts: boolean): Window {
    let w = this.windows.get(key);
    if (!w || (lifts && now - w.start >= windowMs)) {
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    return w;
  }

  private retryAfter(w: Window, now: number, windowMs: number, lifts: boolean): Record<string, string> {
    if (!this.behaviour.rateLimit.retryAfter) return {};
    const ms = lifts ? w.start + windowMs - now : windowMs;
    return { "retry-after": String(Math.max(1, Math.ceil(ms / 1000))) };
  }
}
