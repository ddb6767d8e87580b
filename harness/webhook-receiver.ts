/**
 * Defines `startReceiver`: a local HTTP endpoint that stands in for a customer's callback_url.
 * It records every delivery, answers each per a script (200, 500 for the first N, never 2xx),
 * and offers waits that are all bounded by `profile.timeouts.webhookWaitMs`, so a target that
 * never calls back fails with a message instead of hanging. The receiver needs no
 * authentication (DOC). Close it after the test (`closeAfter(task)` does that).
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { config } from "./config";
import type { Profile } from "./profile";

/** The HTTP status to answer the n-th delivery with (n starts at 1). */
export type Script = (n: number) => number;

export const scripts = {
  ok: (): Script => () => 200,
  failFirst: (count: number): Script => (n) => (n <= count ? 500 : 200),
  alwaysFail: (): Script => () => 500,
};

export interface Delivery {
  n: number;
  /** ms since the receiver started */
  at: number;
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  /** The status the receiver answered. */
  answered: number;
}

export interface Receiver {
  /** The callback_url to hand to the target. */
  url: string;
  readonly deliveries: readonly Delivery[];
  /** Resolves with the deliveries once `count` have arrived, or when webhookWaitMs has passed. */
  waitForCount(count: number): Promise<readonly Delivery[]>;
  /**
   * Waits until no delivery has arrived for a quiet window (3× the longest gap seen, at least
   * `minQuietMs`), bounded by webhookWaitMs in all, then resolves with the deliveries: used to
   * show that no further (duplicate or extra retry) delivery follows.
   */
  settle(minQuietMs?: number): Promise<readonly Delivery[]>;
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function flat(h: IncomingMessage["headers"]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
  return out;
}

export async function startReceiver(opts: { script?: Script; profile?: Profile; pollMs?: number } = {}): Promise<Receiver> {
  const profile = opts.profile ?? config.profile;
  const script = opts.script ?? scripts.ok();
  const waitMs = profile.timeouts.webhookWaitMs;
  const pollMs = opts.pollMs ?? 10;
  const deliveries: Delivery[] = [];
  const started = performance.now();
  const path = `/hooks/${randomUUID()}`;
  const server: Server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const n = deliveries.length + 1;
      const answered = script(n);
      deliveries.push({ n, at: performance.now() - started, method: req.method ?? "", path: req.url ?? "", headers: flat(req.headers), body, answered });
      res.writeHead(answered, { "content-type": "text/plain" }).end(answered < 300 ? "ok" : "error");
    }, () => res.writeHead(400).end());
  });
  // A delivery that hangs must not keep the run alive.
  server.requestTimeout = waitMs;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, profile.webhook.listenHost, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = profile.webhook.listenHost.includes(":") ? `[${profile.webhook.listenHost}]` : profile.webhook.listenHost;
  const base = (profile.webhook.publicBaseUrl ?? `http://${host}:${port}`).replace(/\/+$/, "");

  const deadline = (): number => performance.now() + waitMs;
  return {
    url: `${base}${path}`,
    deliveries,
    async waitForCount(count) {
      const end = deadline();
      while (deliveries.length < count && performance.now() < end) await sleep(pollMs);
      return [...deliveries];
    },
    async settle(minQuietMs = 300) {
      const end = deadline();
      for (;;) {
        const gaps = deliveries.slice(1).map((d, i) => d.at - deliveries[i]!.at);
        const quiet = Math.max(minQuietMs, 3 * Math.max(0, ...gaps));
        const last = deliveries.at(-1)?.at ?? 0;
        const sinceLast = performance.now() - started - last;
        if (sinceLast >= quiet || performance.now() >= end) return [...deliveries];
        await sleep(Math.min(pollMs, Math.max(1, end - performance.now())));
      }
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Starts a receiver that is closed when the test finishes, whatever its outcome. */
export async function receiverFor(task: { onTestFinished(fn: () => unknown): void }, opts: Parameters<typeof startReceiver>[0] = {}): Promise<Receiver> {
  const r = await startReceiver(opts);
  task.onTestFinished(() => r.close());
  return r;
}
