/**
 * Defines `startReceiver`: a local HTTP endpoint that stands in for a customer's callback_url.
 * It records every delivery, answers each per a script (200, 500 for the first N, never 2xx),
 * and offers waits that are all bounded by `profile.timeouts.webhookWaitMs`, so a target that
 * never calls back fails with a message instead of hanging. The receiver needs no
 * authentication (DOC). Close it after the test (`receiverFor(task)` does that).
 *
 * The server runs in its own worker thread, one for all receivers of a suite worker (a thread per
 * receiver cost more than the test): the test's thread can stall (a first Ajv compile takes
 * seconds), and a receiver that answers late would make the target retry, which the suite would
 * then wrongly blame on the target.
 */
import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { Worker } from "node:worker_threads";
import type { Profile } from "../run/profile.js";
import { createRedactor, type Redactor } from "./redact.js";
import { throwIfStopped } from "./stop.js";

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
  /** The body was cut at the 1 MB the receiver reads. */
  truncated?: boolean;
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
   * `minQuietMs`, by default the profile's webhook.quietMs), bounded by webhookWaitMs in all, then
   * resolves with the deliveries: used to show that no further (duplicate or extra retry) delivery follows.
   */
  settle(minQuietMs?: number): Promise<readonly Delivery[]>;
  close(): Promise<void>;
}

// Plain CommonJS run by the worker (eval): no loader needed. One server per worker thread of the suite
// serves every receiver, each under its own /hooks/<id> path with its own script and count. Reads at most
// 1 MB of each body. A path no receiver holds (closed, or never opened) is answered 404.
const SERVER = `
const { createServer } = require("node:http");
const { parentPort, workerData } = require("node:worker_threads");
const { host, requestTimeoutMs } = workerData;
const hooks = new Map();
parentPort.on("message", (m) => {
  if (m.type === "open") { hooks.set(m.id, { script: m.script, n: 0 }); parentPort.postMessage({ type: "opened", id: m.id }); }
  else if (m.type === "close") hooks.delete(m.id);
});
const server = createServer((req, res) => {
  const chunks = []; let size = 0;
  req.on("data", (c) => { size += c.length; if (size <= 1048576) chunks.push(c); });
  req.on("end", () => {
    const id = (/^\\/hooks\\/([0-9a-f-]{36})(?:[/?#]|$)/.exec(req.url || "") || [])[1];
    const hook = id && hooks.get(id);
    if (!hook) { res.writeHead(404, { "content-type": "text/plain" }).end("no such hook"); return; }
    hook.n += 1;
    const answered = hook.n <= hook.script.failFirst ? hook.script.errorStatus : 200;
    // Recorded before it is answered, so the test never sees an answer without its record.
    parentPort.postMessage({ type: "delivery", id, delivery: {
      n: hook.n, at: Date.now(), method: req.method || "", path: req.url || "",
      headers: Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(", ") : String(v)])),
      body: Buffer.concat(chunks).toString("utf8"), truncated: size > 1048576, answered } });
    res.writeHead(answered, { "content-type": "text/plain" }).end(answered < 300 ? "ok" : "error");
  });
});
server.requestTimeout = requestTimeoutMs;
server.on("error", (e) => parentPort.postMessage({ type: "error", message: String(e && e.message || e) }));
server.listen(0, host, () => parentPort.postMessage({ type: "listening", port: server.address().port }));
`;

interface WorkerMessage {
  type: string;
  id?: string;
  port?: number;
  message?: string;
  delivery?: Delivery;
}

/** The server thread of one listen host: its port and the receivers it delivers to. */
interface Host {
  worker: Worker;
  port: number;
  listeners: Map<string, (m: WorkerMessage) => void>;
}

const hosts = new Map<string, Promise<Host>>();

/** The server thread for `listenHost`, started on first use (bounded: busy CI machines start threads slowly). */
function hostFor(listenHost: string, requestTimeoutMs: number, startMs: number): Promise<Host> {
  const key = `${listenHost}|${requestTimeoutMs}`;
  let host = hosts.get(key);
  if (!host) {
    host = new Promise<Host>((resolve, reject) => {
      const worker = new Worker(SERVER, { eval: true, workerData: { host: listenHost, requestTimeoutMs } });
      worker.unref();
      const listeners = new Map<string, (m: WorkerMessage) => void>();
      const timer = setTimeout(() => reject(new Error(`webhook receiver did not start within ${startMs} ms`)), startMs);
      worker.on("message", (m: WorkerMessage) => {
        if (m.type === "listening") {
          clearTimeout(timer);
          resolve({ worker, port: m.port!, listeners });
        } else if (m.type === "error") {
          clearTimeout(timer);
          reject(new Error(`webhook receiver on ${listenHost}: ${m.message}`));
        } else if (m.id) listeners.get(m.id)?.(m);
      });
      worker.once("error", (e) => {
        clearTimeout(timer);
        reject(e);
      });
    });
    // A thread that failed to start is tried again by the next receiver.
    host.catch(() => hosts.delete(key));
    hosts.set(key, host);
  }
  return host;
}

/** A delivery as it may be kept: path, header names and values, and body redacted (a target may forward the caller's credential). */
export function redactDelivery(d: Delivery, redactor: Redactor): Delivery {
  return {
    ...d,
    method: redactor.text(d.method),
    path: redactor.url(d.path),
    headers: redactor.headers(d.headers),
    body: redactor.body(d.body, d.truncated === true),
  };
}

/** `secrets`: what to redact from every delivery (the run's tokens and the secrets they decode to). */
export async function startReceiver(opts: {
  script?: Script;
  profile: Profile;
  secrets: readonly string[];
  /** the run's stop file (harness/stop.ts): a wait for deliveries ends when the run is stopped */
  stopFile: string;
  pollMs?: number;
}): Promise<Receiver> {
  const profile = opts.profile;
  const redactor = createRedactor(opts.secrets);
  const waitMs = profile.timeouts.webhookWaitMs;
  const pollMs = opts.pollMs ?? 10;
  const startedAt = Date.now();
  const deliveries: Delivery[] = [];
  // Starting a thread is not a webhook wait; bounded apart, generously (busy CI machines).
  const server = await hostFor(profile.webhook.listenHost, waitMs, Math.max(waitMs, 10_000));
  const id = randomUUID();
  await new Promise<void>((resolve) => {
    server.listeners.set(id, (m) => {
      if (m.type === "opened") resolve();
      else if (m.type === "delivery") deliveries.push(redactDelivery({ ...m.delivery!, at: m.delivery!.at - startedAt }, redactor));
    });
    server.worker.postMessage({ type: "open", id, script: opts.script ?? scripts.ok() });
  });
  const port = server.port;
  const host = profile.webhook.listenHost.includes(":") ? `[${profile.webhook.listenHost}]` : profile.webhook.listenHost;
  const base = (profile.webhook.publicBaseUrl ?? `http://${host}:${port}`).replace(/\/+$/, "");
  const elapsed = (): number => Date.now() - startedAt;

  return {
    url: `${base}/hooks/${id}`,
    deliveries,
    async waitForCount(count) {
      const end = Date.now() + waitMs;
      while (deliveries.length < count && Date.now() < end) {
        throwIfStopped(opts.stopFile);
        await sleep(pollMs);
      }
      return [...deliveries];
    },
    async settle(minQuietMs = profile.webhook.quietMs) {
      const end = Date.now() + waitMs;
      for (;;) {
        const gaps = deliveries.slice(1).map((d, i) => d.at - deliveries[i]!.at);
        const quiet = Math.max(minQuietMs, 3 * Math.max(0, ...gaps));
        const sinceLast = elapsed() - (deliveries.at(-1)?.at ?? 0);
        if (sinceLast >= quiet || Date.now() >= end) return [...deliveries];
        throwIfStopped(opts.stopFile);
        await sleep(pollMs);
      }
    },
    close: async () => {
      server.worker.postMessage({ type: "close", id });
      server.listeners.delete(id);
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
