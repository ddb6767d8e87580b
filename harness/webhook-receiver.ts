/**
 * Defines `startReceiver`: a local HTTP endpoint that stands in for a customer's callback_url.
 * It records every delivery, answers each per a script (200, 500 for the first N, never 2xx),
 * and offers waits that are all bounded by `profile.timeouts.webhookWaitMs`, so a target that
 * never calls back fails with a message instead of hanging. The receiver needs no
 * authentication (DOC). Close it after the test (`receiverFor(task)` does that).
 *
 * The server runs in its own worker thread: the test's thread can stall (a first Ajv compile
 * takes seconds), and a receiver that answers late would make the target retry, which the
 * suite would then wrongly blame on the target.
 */
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { Worker } from "node:worker_threads";
import type { Profile } from "../run/profile.js";
import { createRedactor, type Redactor } from "./redact.js";

/** How to answer: the first `failFirst` deliveries get `errorStatus`, later ones 200. Data, so it can cross to the worker. */
export interface Script {
  failFirst: number;
  errorStatus: number;
}

export const scripts = {
  ok: (): Script => ({ failFirst: 0, errorStatus: 500 }),
  failFirst: (count: number): Script => ({ failFirst: count, errorStatus: 500 }),
  alwaysFail: (): Script => ({ failFirst: Number.POSITIVE_INFINITY, errorStatus: 500 }),
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

// Plain CommonJS run by the worker (eval): no loader needed. Reads at most 1 MB of each body.
const SERVER = `
const { createServer } = require("node:http");
const { parentPort, workerData } = require("node:worker_threads");
const { host, script, startedAt, requestTimeoutMs } = workerData;
let n = 0;
const server = createServer((req, res) => {
  const chunks = []; let size = 0;
  req.on("data", (c) => { size += c.length; if (size <= 1048576) chunks.push(c); });
  req.on("end", () => {
    n += 1;
    const answered = n <= script.failFirst ? script.errorStatus : 200;
    // Recorded before it is answered, so the test never sees an answer without its record.
    parentPort.postMessage({ type: "delivery", delivery: {
      n, at: Date.now() - startedAt, method: req.method || "", path: req.url || "",
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(", ") : String(v)])),
      body: Buffer.concat(chunks).toString("utf8"), answered } });
    res.writeHead(answered, { "content-type": "text/plain" }).end(answered < 300 ? "ok" : "error");
  });
});
server.requestTimeout = requestTimeoutMs;
server.on("error", (e) => parentPort.postMessage({ type: "error", message: String(e && e.message || e) }));
server.listen(0, host, () => parentPort.postMessage({ type: "listening", port: server.address().port }));
`;

/** A delivery as it may be kept: path, header names and values, and body redacted (a target may forward the caller's credential). */
export function redactDelivery(d: Delivery, redactor: Redactor): Delivery {
  return {
    ...d,
    method: redactor.text(d.method),
    path: redactor.url(d.path),
    headers: redactor.headers(d.headers),
    body: redactor.text(d.body),
  };
}

/** `secrets`: what to redact from every delivery (the run's tokens and the secrets they decode to). */
export async function startReceiver(opts: {
  script?: Script;
  profile: Profile;
  secrets: readonly string[];
  pollMs?: number;
}): Promise<Receiver> {
  const profile = opts.profile;
  const redactor = createRedactor(opts.secrets);
  const waitMs = profile.timeouts.webhookWaitMs;
  const pollMs = opts.pollMs ?? 10;
  const startedAt = Date.now();
  const deliveries: Delivery[] = [];
  const worker = new Worker(SERVER, {
    eval: true,
    workerData: { host: profile.webhook.listenHost, script: opts.script ?? scripts.ok(), startedAt, requestTimeoutMs: waitMs },
  });
  worker.unref();
  // Starting a thread is not a webhook wait; bounded apart, generously (busy CI machines).
  const startMs = Math.max(waitMs, 10_000);
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`webhook receiver did not start within ${startMs} ms`)), startMs);
    worker.on("message", (m: { type: string; port?: number; message?: string; delivery?: Delivery }) => {
      if (m.type === "listening") {
        clearTimeout(timer);
        resolve(m.port!);
      } else if (m.type === "delivery") deliveries.push(redactDelivery(m.delivery!, redactor));
      else if (m.type === "error") {
        clearTimeout(timer);
        reject(new Error(`webhook receiver on ${profile.webhook.listenHost}: ${m.message}`));
      }
    });
    worker.once("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
  const host = profile.webhook.listenHost.includes(":") ? `[${profile.webhook.listenHost}]` : profile.webhook.listenHost;
  const base = (profile.webhook.publicBaseUrl ?? `http://${host}:${port}`).replace(/\/+$/, "");
  const elapsed = (): number => Date.now() - startedAt;

  return {
    url: `${base}/hooks/${randomUUID()}`,
    deliveries,
    async waitForCount(count) {
      const end = Date.now() + waitMs;
      while (deliveries.length < count && Date.now() < end) await sleep(pollMs);
      return [...deliveries];
    },
    async settle(minQuietMs = 300) {
      const end = Date.now() + waitMs;
      for (;;) {
        const gaps = deliveries.slice(1).map((d, i) => d.at - deliveries[i]!.at);
        const quiet = Math.max(minQuietMs, 3 * Math.max(0, ...gaps));
        const sinceLast = elapsed() - (deliveries.at(-1)?.at ?? 0);
        if (sinceLast >= quiet || Date.now() >= end) return [...deliveries];
        await sleep(pollMs);
      }
    },
    close: async () => {
      await worker.terminate();
    },
  };
}

/** Starts a receiver that is closed when the test finishes, whatever its outcome. */
export async function receiverFor(
  task: { onTestFinished(fn: () => unknown): void },
  opts: Parameters<typeof startReceiver>[0],
): Promise<Receiver> {
  const r = await startReceiver(opts);
  task.onTestFinished(() => r.close());
  return r;
}
