// Webhook delivery (D26): POST the GET body when a transaction completes; retry 3 times on a non-2xx or a timeout.
// Bounded (README M14): at most `maxPending` deliveries queued or in flight; past it the oldest is dropped.
import type { MockBehaviour } from "./behaviour.js";
import { transactionBody } from "./bodies.js";
import { JSON_TYPE } from "./reply.js";
import type { TransactionRecord } from "./store.js";

export interface DeliveryAttempt {
  url: string;
  transactionId: string;
  /** attempts made so far (1 = the first delivery) */
  attempt: number;
  /** dropped: pushed out of a full queue before it was delivered or given up */
  outcome: "delivered" | "failed" | "dropped";
}

/** One result on its way: waiting for its next attempt (timer) or in flight (controller). */
interface Delivery {
  id: number;
  url: string;
  transactionId: string;
  headers: Record<string, string>;
  body: string;
  attempts: number;
  timer?: NodeJS.Timeout;
  controller?: AbortController;
  dropped: boolean;
}

/** Loopback only unless the fixtures allow more: this machine's network rules forbid other traffic. */
export function allowedTarget(url: string, allowHosts: string[]): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.replace(/^\[|\]$/g, "").toLowerCase();
  } catch {
    return false;
  }
  return host === "localhost" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host) || allowHosts.includes(host);
}

export class Webhooks {
  /** the newest `logSize` attempts, for tests and debugging (no secrets in it) */
  readonly log: DeliveryAttempt[] = [];
  /** queued or in flight, oldest first */
  private readonly pending = new Map<number, Delivery>();
  private nextId = 1;
  private closed = false;

  constructor(private readonly behaviour: MockBehaviour) {}

  /** Deliveries queued or in flight now (at most webhooks.maxPending). */
  get pendingCount(): number {
    return this.pending.size;
  }

  /** Sends the transaction's current body to its callback_url, if it has one the rules allow. */
  notify(tx: TransactionRecord): void {
    const cfg = this.behaviour.webhooks;
    if (!tx.callbackUrl || !cfg.enabled || this.closed || !allowedTarget(tx.callbackUrl, cfg.allowHosts)) return;
    const operationId = tx.product.startsWith("document.") ? "getDocumentTransaction" : "getTelecomTransaction";
    const { results, ...core } = transactionBody(tx, this.behaviour);
    const payload = this.behaviour.transform(
      { status: 200, headers: { "content-type": JSON_TYPE }, body: cfg.includeResults ? { ...core, results } : core },
      { operationId, kind: "webhook" },
    );
    while (this.pending.size >= Math.max(1, cfg.maxPending)) this.drop(this.pending.values().next().value as Delivery);
    const delivery: Delivery = {
      id: this.nextId++,
      url: tx.callbackUrl,
      transactionId: tx.id,
      headers: payload.headers,
      body: JSON.stringify(payload.body ?? null),
      attempts: 0,
      dropped: false,
    };
    this.pending.set(delivery.id, delivery);
    void this.attempt(delivery);
  }

  private async attempt(d: Delivery): Promise<void> {
    const cfg = this.behaviour.webhooks;
    d.attempts++;
    const controller = new AbortController();
    d.controller = controller;
    const timeout = setTimeout(() => controller.abort(), cfg.timeoutMs);
    let ok = false;
    try {
      const res = await fetch(d.url, { method: "POST", headers: d.headers, body: d.body, signal: controller.signal, redirect: "manual" });
      ok = res.status >= 200 && res.status < 300;
      await res.body?.cancel().catch(() => {});
    } catch {
      ok = false;
    } finally {
      clearTimeout(timeout);
      d.controller = undefined;
    }
    if (d.dropped || this.closed) return; // dropped is logged by drop()
    this.record(d, ok ? "delivered" : "failed");
    if (ok || d.attempts > cfg.retries) {
      this.pending.delete(d.id);
      return;
    }
    const delay = cfg.retryDelayMs * cfg.backoffFactor ** (d.attempts - 1);
    d.timer = setTimeout(() => {
      d.timer = undefined;
      void this.attempt(d);
    }, delay);
  }

  /** Gives up on a delivery to make room: its timer is cleared, its request (if any) aborted. */
  private drop(d: Delivery): void {
    d.dropped = true;
    clearTimeout(d.timer);
    d.controller?.abort();
    this.pending.delete(d.id);
    this.record(d, "dropped");
  }

  private record(d: Delivery, outcome: DeliveryAttempt["outcome"]): void {
    this.log.push({ url: d.url, transactionId: d.transactionId, attempt: d.attempts, outcome });
    const excess = this.log.length - Math.max(0, this.behaviour.webhooks.logSize);
    if (excess > 0) this.log.splice(0, excess);
  }

  close(): void {
    this.closed = true;
    for (const d of this.pending.values()) {
      clearTimeout(d.timer);
      d.controller?.abort();
    }
    this.pending.clear();
  }
}
