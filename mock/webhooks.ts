// Webhook delivery (D26): POST the GET body when a transaction completes; retry 3 times on a non-2xx or a timeout.
import type { MockBehaviour } from "./behaviour.js";
import { JSON_TYPE } from "./reply.js";
import type { TransactionRecord } from "./store.js";
import { transactionBody } from "./store.js";

export interface DeliveryAttempt {
  url: string;
  transactionId: string;
  attempt: number;
  outcome: "delivered" | "failed";
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
  /** what happened, for tests and debugging (no secrets in it) */
  readonly log: DeliveryAttempt[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<AbortController>();
  private closed = false;

  constructor(private readonly behaviour: MockBehaviour) {}

  /** Sends the transaction's current body to its callback_url, if it has one the rules allow. */
  notify(tx: TransactionRecord): void {
    const cfg = this.behaviour.webhooks;
    if (!tx.callbackUrl || !cfg.enabled || this.closed || !allowedTarget(tx.callbackUrl, cfg.allowHosts)) return;
    const operationId = tx.product.startsWith("document.") ? "getDocumentTransaction" : "getTelecomTransaction";
    const payload = this.behaviour.transform(
      { status: 200, headers: { "content-type": JSON_TYPE }, body: transactionBody(tx) },
      { operationId, kind: "webhook" },
    );
    void this.attempt(tx.callbackUrl, tx.id, payload.headers, JSON.stringify(payload.body ?? null), 1);
  }

  private async attempt(url: string, txId: string, headers: Record<string, string>, body: string, n: number) {
    const cfg = this.behaviour.webhooks;
    const controller = new AbortController();
    this.inFlight.add(controller);
    const timeout = setTimeout(() => controller.abort(), cfg.timeoutMs);
    let ok = false;
    try {
      const res = await fetch(url, { method: "POST", headers, body, signal: controller.signal, redirect: "manual" });
      ok = res.status >= 200 && res.status < 300;
      await res.body?.cancel().catch(() => {});
    } catch {
      ok = false;
    } finally {
      clearTimeout(timeout);
      this.inFlight.delete(controller);
    }
    this.log.push({ url, transactionId: txId, attempt: n, outcome: ok ? "delivered" : "failed" });
    if (ok || this.closed || n > cfg.retries) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(url, txId, headers, body, n + 1);
    }, cfg.retryDelayMs);
    this.timers.add(timer);
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    for (const c of this.inFlight) c.abort();
    this.timers.clear();
  }
}
