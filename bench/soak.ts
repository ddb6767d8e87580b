/**
 * `tsx bench/soak.ts [--seconds 60] [--connections 16]`: a soak against a standalone mock (its own process):
 * transaction POSTs (SMS sends into one shared verification, identity matches and SMS sends whose callback_url
 * nobody answers, confirms), status GETs, verification POSTs and GETs. Prints the RSS at the start and the end
 * and the request rate; `npm run bench` runs it too. Sent to 127.0.0.1 only.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { FixturesInput } from "../mock/types.js";
import { describeMachine } from "./machine.js";
import { startMockProcess } from "./mock-process.js";

/** Nothing listens on the discard port: every webhook attempt fails and is retried (README D26, M14). */
const UNREACHABLE = "http://127.0.0.1:9/hook";

export interface SoakOptions {
  seconds: number;
  /** requests in flight at once */
  connections?: number;
  /** fixtures for the mock (e.g. small store caps for a test) */
  fixtures?: FixturesInput;
}

export interface SoakResult {
  seconds: number;
  connections: number;
  requests: number;
  reqPerSec: number;
  /** status → count */
  statuses: Record<string, number>;
  /** requests that got no answer (connection errors, timeouts) */
  errors: number;
  rssStartMb: number;
  rssEndMb: number;
  peakRssMb: number;
  /** RSS every 10 s during the soak: a bounded mock levels off, an unbounded one keeps climbing */
  rssSamplesMb: number[];
  /** transactions listed by the shared verification's GET at the end (bounded by maxTransactionsPerVerification) */
  sharedVerificationTransactions: number;
  /** the status GET of the first transaction sent, at the end (404 once the store has evicted it) */
  firstTransactionStatus: number;
  /** the machine's 1-min load average when the soak began: read every number with it */
  loadAvg1m: number;
}

const mb = (kb: number) => Math.round(kb / 1024);

export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const connections = options.connections ?? 16;
  const dir = mkdtempSync(join(tmpdir(), "idme-soak-"));
  const args: string[] = [];
  if (options.fixtures) {
    writeFileSync(join(dir, "fixtures.json"), JSON.stringify(options.fixtures));
    args.push("--fixtures", join(dir, "fixtures.json"));
  }
  const loadAvg1m = describeMachine().loadAvg1m;
  const mock = await startMockProcess(args);
  try {
    const host = new URL(mock.baseUrl).hostname;
    if (host !== "127.0.0.1") throw new Error(`the soak is only sent to 127.0.0.1, not ${host}`);
    const headers = { authorization: `Bearer ID.me ${mock.tokens.primary}`, "content-type": "application/json" };
    const send = async (method: "GET" | "POST", path: string, body?: unknown) => {
      const res = await fetch(mock.baseUrl + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(10_000),
      });
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
    };

    // `{}`, not an empty body: mocks before README M1's empty-body rule answered that 422 (comparable runs).
    const shared = String((await send("POST", "/api/v2/verification", {})).body.verification_id);
    const first = await send("POST", "/api/v2/telecom/possession/sms/send", { phone: "8885551234", verification_id: shared });
    const firstId = String(first.body.transaction_id);
    const rssStart = mock.rssKb();

    const recent: string[] = [firstId]; // the last few SMS transactions, for GETs and confirms
    const statuses: Record<string, number> = {};
    let requests = 0;
    let errors = 0;
    const identity = { phone: "8885551234", birth_date: "1980-01-01", callback_url: UNREACHABLE };
    const steps: Array<() => Promise<{ status: number; body: Record<string, unknown> }>> = [
      () => send("POST", "/api/v2/telecom/possession/sms/send", { phone: "8885551234", verification_id: shared }),
      () => send("POST", "/api/v2/telecom/identity", identity),
      () => send("POST", "/api/v2/telecom/possession/sms/send", { phone: "8885551234", callback_url: UNREACHABLE }),
      () => send("POST", "/api/v2/telecom/possession/sms/confirm", { transaction_id: recent[recent.length - 1], code: "123123" }),
      () => send("GET", `/api/v2/telecom/${recent[requests % recent.length]}`),
      () => send("POST", "/api/v2/verification", { metadata: { ref: requests } }),
      () => send("GET", `/api/v2/verification/${shared}`),
    ];
    const deadline = Date.now() + options.seconds * 1000;
    const started = Date.now();
    const rssSamples: number[] = [];
    const sampler = setInterval(() => rssSamples.push(mb(mock.rssKb())), 10_000);
    const worker = async (n: number) => {
      for (let i = n; Date.now() < deadline; i += connections) {
        try {
          const a = await steps[i % steps.length]();
          statuses[a.status] = (statuses[a.status] ?? 0) + 1;
          if (typeof a.body.transaction_id === "string" && a.body.product === "telecom.possession.sms") {
            recent.push(a.body.transaction_id);
            if (recent.length > 64) recent.shift();
          }
        } catch {
          errors++;
        }
        requests++;
      }
    };
    await Promise.all(Array.from({ length: connections }, (_, n) => worker(n)));
    clearInterval(sampler);
    const elapsed = (Date.now() - started) / 1000;
    const rssEnd = mock.rssKb();
    const list = await send("GET", `/api/v2/verification/${shared}`);
    const firstNow = await send("GET", `/api/v2/telecom/${firstId}`);
    return {
      seconds: Math.round(elapsed * 10) / 10,
      connections,
      requests,
      reqPerSec: Math.round(requests / elapsed),
      statuses,
      errors,
      rssStartMb: mb(rssStart),
      rssEndMb: mb(rssEnd),
      peakRssMb: mb(mock.peakRssKb()),
      rssSamplesMb: rssSamples,
      sharedVerificationTransactions: Array.isArray(list.body.transactions) ? list.body.transactions.length : -1,
      firstTransactionStatus: firstNow.status,
      loadAvg1m,
    };
  } finally {
    await mock.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The soak as a markdown section (bench/run.ts appends it to its report). */
export function renderSoak(r: SoakResult | { error: string }): string {
  const out = ["### Mock memory over a soak", ""];
  if ("error" in r) return [...out, `Not measured: ${r.error}`, ""].join("\n");
  const fmt = (n: number) => n.toLocaleString("en-US");
  const answers = Object.entries(r.statuses)
    .map(([k, v]) => `${k}×${fmt(v)}`)
    .join(", ");
  out.push(
    "| duration | connections | requests | req/s | answers | errors | RSS start | RSS end | peak RSS | shared verification lists | first transaction at the end |",
    "|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|",
    `| ${r.seconds} s | ${r.connections} | ${fmt(r.requests)} | ${fmt(r.reqPerSec)} | ${answers} | ${r.errors} | ${r.rssStartMb} MB | ${r.rssEndMb} MB | ${r.peakRssMb} MB | ${r.sharedVerificationTransactions} | ${r.firstTransactionStatus} |`,
    "",
    `- RSS every 10 s: ${r.rssSamplesMb.map((n) => `${n}`).join(", ") || "—"} MB.`,
    `- 1-min load average at the start: ${r.loadAvg1m} (2 cores: the client runs in the bench process, the mock in its own).`,
    "- Mix: SMS sends into one shared verification, identity matches and SMS sends with an unreachable callback_url (each retried 3 times), confirms, status GETs, verification POSTs and GETs. The store keeps at most 10,000 transactions and verifications and 100 transactions per verification; at most 1,000 webhook deliveries wait at once (mock/README.md M13, M14).",
    "",
  );
  return out.join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const argv = process.argv.slice(2);
  const value = (name: string, fallback: number) => {
    const i = argv.indexOf(name);
    return i >= 0 ? Number(argv[i + 1]) : fallback;
  };
  const r = await runSoak({ seconds: value("--seconds", 60), connections: value("--connections", 16) });
  process.stdout.write(
    `soak: ${r.seconds} s, ${r.connections} connections: ${r.requests} requests (${r.reqPerSec} req/s), ${r.errors} errors; ` +
      `RSS start ${r.rssStartMb} MB, end ${r.rssEndMb} MB, peak ${r.peakRssMb} MB, every 10 s [${r.rssSamplesMb.join(", ")}]; shared verification lists ${r.sharedVerificationTransactions}; ` +
      `first transaction ${r.firstTransactionStatus}; answers ${JSON.stringify(r.statuses)}; load average ${r.loadAvg1m}\n`,
  );
}
