/**
 * The traffic section of `npm run bench` (alone: `npm run bench -- --traffic`): what the proxy adds to each
 * request, measured in the same run against the same mock (its own process; the proxy is the CLI in its
 * own process, judging every answer), direct and proxied requests alternating so drift hits both alike;
 * what it costs at load; the time it takes to write the reports of what it saw; and how many exchanges per
 * second `judge` gets through a HAR (read, matched, redacted, checked).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startProxy } from "../traffic/proxy.js";
import { writeHar } from "../traffic/har.js";
import { judgeHar, readHarFile } from "../traffic/judge-har.js";
import { writeTrafficReports } from "../traffic/reports.js";
import { image, sampleSession } from "../traffic/sample-client.js";
import { multipart } from "./bodies.js";
import { runLoad, type LoadResult } from "./load.js";
import { describeMachine, type Machine } from "./machine.js";
import { cliCommand } from "../lib/cli-command.js";
import { projectRoot, startMockProcess, stopChild } from "./mock-process.js";

export interface LatencyRow {
  name: string;
  requests: number;
  direct: { p50: number; p95: number };
  proxied: { p50: number; p95: number };
}

export interface TrafficBench {
  date: string;
  command: string;
  machine: Machine;
  latency: LatencyRow[];
  load: LoadResult[];
  proxyReports: { exchanges: number; ms: number; exitCode: number | null } | { error: string };
  judge: { entries: number; judged: number; bytes: number; readMs: number; judgeMs: number; reportsMs: number };
}

interface Req {
  name: string;
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: Buffer;
}

function send(base: string, r: Req, agent: Agent): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = request(
      `${base}${r.path}`,
      { method: r.method, agent, headers: { ...r.headers, ...(r.body ? { "content-length": String(r.body.length) } : {}) } },
      (res) => {
        res.resume();
        res.on("end", () => resolve(performance.now() - t0));
        res.on("error", reject);
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error(`${r.name}: no answer in 30 s`)));
    req.on("error", reject);
    req.end(r.body);
  });
}

const pct = (sorted: number[], p: number) =>
  Math.round(sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] * 100) / 100;

/** `n` requests each way, alternating direct / proxied on one keep-alive connection each. */
async function latency(direct: string, proxied: string, r: Req, n: number): Promise<LatencyRow> {
  const a = new Agent({ keepAlive: true, maxSockets: 1 });
  const b = new Agent({ keepAlive: true, maxSockets: 1 });
  for (let i = 0; i < Math.min(50, n); i++) await Promise.all([send(direct, r, a), send(proxied, r, b)]);
  const d: number[] = [];
  const p: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 2) {
      d.push(await send(direct, r, a));
      p.push(await send(proxied, r, b));
    } else {
      p.push(await send(proxied, r, b));
      d.push(await send(direct, r, a));
    }
  }
  a.destroy();
  b.destroy();
  d.sort((x, y) => x - y);
  p.sort((x, y) => x - y);
  return { name: r.name, requests: n, direct: { p50: pct(d, 50), p95: pct(d, 95) }, proxied: { p50: pct(p, 50), p95: pct(p, 95) } };
}

/** The proxy CLI in its own process, as an SDK's CI would start it. */
async function startProxyProcess(upstream: string, reports: string) {
  const child = spawn(
    ...cliCommand(["proxy", "--upstream", upstream, "--listen", "127.0.0.1:0", "--reports", reports, "--no-html", "--quiet"]),
    {
      cwd: projectRoot,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let out = "";
  let err = "";
  child.stderr!.on("data", (d: Buffer) => (err += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the proxy did not start: ${err}`)), 30_000);
    child.stdout!.on("data", (d: Buffer) => {
      out += d;
      const m = /^proxy {4}(http:\/\/\S+) → /m.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    url,
    /** SIGTERM; resolves when the reports are written and the process is gone */
    stop: async () => {
      const t0 = performance.now();
      child.kill("SIGTERM");
      const hard = setTimeout(() => child.kill("SIGKILL"), 600_000);
      const code = await exited;
      clearTimeout(hard);
      return { ms: Math.round(performance.now() - t0), code };
    },
    kill: () => stopChild(child),
  };
}

/** A HAR of `entries` exchanges: the sample client's sessions through an in-process proxy, repeated. */
async function benchHar(upstream: string, token: string, entries: number, path: string): Promise<number> {
  const proxy = await startProxy({ upstream });
  for (let i = 0; i < 5; i++) await sampleSession(proxy.url, token);
  const capture = await proxy.close();
  const records = capture.exchanges.map((x) => x.record);
  const sources = Array.from({ length: entries }, (_, i) => ({ record: records[i % records.length] }));
  const text = JSON.stringify(writeHar(sources, { name: "bench", version: "1" }));
  writeFileSync(path, text);
  return Buffer.byteLength(text);
}

export async function trafficBench(command: string, log: (s: string) => void, quick = false): Promise<TrafficBench> {
  const machine = describeMachine();
  const work = mkdtempSync(join(tmpdir(), "idme-bench-traffic-"));
  const mock = await startMockProcess();
  const auth = { authorization: `Bearer ID.me ${mock.tokens.primary}` };
  const form = multipart([{ field: "front_image", filename: "success.jpg", data: image(48 * 1024) }]);
  const big = multipart([{ field: "front_image", filename: "success.jpg", data: image(16 * 1024 * 1024 - 1024) }]);
  const kinds: [Req, number][] = [
    [{ name: "GET /health", method: "GET", path: "/health", headers: {} }, 1000],
    [
      {
        name: "422 telecom (invalid phone)",
        method: "POST",
        path: "/api/v2/telecom/possession/sms/send",
        headers: { ...auth, "content-type": "application/json" },
        body: Buffer.from('{"phone":"12345"}'),
      },
      1000,
    ],
    [
      {
        name: "passport upload, 48 KB",
        method: "POST",
        path: "/api/v2/document/passport/verify",
        headers: { ...auth, "content-type": form.contentType },
        body: form.body,
      },
      400,
    ],
    [
      {
        name: "passport upload, 16 MB",
        method: "POST",
        path: "/api/v2/document/passport/verify",
        headers: { ...auth, "content-type": big.contentType },
        body: big.body,
      },
      20,
    ],
  ];
  const proxy = await startProxyProcess(mock.baseUrl, join(work, "proxy-reports"));
  const result: TrafficBench = {
    date: new Date().toISOString(),
    command,
    machine,
    latency: [],
    load: [],
    proxyReports: { error: "not measured" },
    judge: { entries: 0, judged: 0, bytes: 0, readMs: 0, judgeMs: 0, reportsMs: 0 },
  };
  try {
    for (const [r, n] of kinds) {
      log(`traffic: ${r.name}, ${n} requests each way`);
      result.latency.push(await latency(mock.baseUrl, proxy.url, r, quick ? Math.ceil(n / 5) : n));
    }
    const spec = kinds[1][0];
    for (const [target, base] of [
      ["mock, direct", mock.baseUrl],
      ["mock, through the proxy", proxy.url],
    ] as const) {
      log(`traffic: load, ${target}`);
      result.load.push(
        await runLoad(
          { name: spec.name, url: `${base}${spec.path}`, method: "POST", headers: spec.headers, body: spec.body, durationS: quick ? 2 : 5 },
          target,
        ),
      );
    }
    log("traffic: SIGTERM to the proxy, which judges everything it forwarded and writes the reports");
    const stopped = await proxy.stop();
    const cert = JSON.parse(readFileSync(join(work, "proxy-reports", "certification.json"), "utf8")) as { traffic: { judged: number } };
    result.proxyReports = { exchanges: cert.traffic.judged, ms: stopped.ms, exitCode: stopped.code };

    const entries = quick ? 2000 : 10_000;
    log(`traffic: judge a HAR of ${entries} exchanges`);
    const harPath = join(work, "bench.har");
    result.judge.bytes = await benchHar(mock.baseUrl, mock.tokens.primary, entries, harPath);
    const t0 = performance.now();
    const har = readHarFile(harPath);
    const t1 = performance.now();
    const judged = judgeHar([{ name: "bench.har", har }]);
    const t2 = performance.now();
    await writeTrafficReports(judged, { mode: "judge", reportsDir: join(work, "judge-reports"), html: false });
    const t3 = performance.now();
    result.judge = {
      ...result.judge,
      entries,
      judged: judged.judged,
      readMs: Math.round(t1 - t0),
      judgeMs: Math.round(t2 - t1),
      reportsMs: Math.round(t3 - t2),
    };
  } finally {
    await proxy.kill();
    await mock.close();
    rmSync(work, { recursive: true, force: true });
  }
  return result;
}

export function renderTraffic(b: TrafficBench): string {
  const m = b.machine;
  const out = [
    `Measured ${b.date} with \`${b.command}\` on ${m.cpus} CPU (${m.cpuModel}), ${m.memoryGb} GB RAM, Node ${m.node}; 1-min load average at start ${m.loadAvg1m}.`,
    "",
    "### Proxy overhead per request (sequential, one keep-alive connection each way, same run)",
    "",
    "| request | requests each way | direct p50 ms | proxied p50 ms | overhead p50 ms | direct p95 ms | proxied p95 ms |",
    "|---|---:|---:|---:|---:|---:|---:|",
    ...b.latency.map(
      (r) =>
        `| ${r.name} | ${r.requests} | ${r.direct.p50} | ${r.proxied.p50} | **${Math.round((r.proxied.p50 - r.direct.p50) * 100) / 100}** | ${r.direct.p95} | ${r.proxied.p95} |`,
    ),
    "",
    "### Under load (autocannon, 10 connections)",
    "",
    "| target | req/s | p50 ms | p99 ms | requests | answers | errors/timeouts |",
    "|---|---:|---:|---:|---:|---|---:|",
    ...b.load.map(
      (l) =>
        `| ${l.target} | ${l.reqPerSec} | ${l.latencyP50Ms} | ${l.latencyP99Ms} | ${l.total} | ${Object.entries(l.statuses)
          .map(([k, v]) => `${k}: ${v}`)
          .join(", ")} | ${l.errors}/${l.timeouts} |`,
    ),
    "",
    "### Reports and judging",
    "",
    "| what | exchanges | time | exchanges/s |",
    "|---|---:|---:|---:|",
  ];
  if ("error" in b.proxyReports) out.push(`| proxy: SIGTERM → reports written | — | ${b.proxyReports.error} | — |`);
  else
    out.push(
      `| proxy: SIGTERM → judged, reports written, exited (${b.proxyReports.exitCode}) | ${b.proxyReports.exchanges} | ${(b.proxyReports.ms / 1000).toFixed(1)} s | ${Math.round(b.proxyReports.exchanges / (b.proxyReports.ms / 1000))} |`,
    );
  const j = b.judge;
  out.push(
    `| judge: read and parse the HAR (${(j.bytes / 2 ** 20).toFixed(1)} MB) | ${j.entries} | ${j.readMs} ms | ${Math.round(j.entries / (j.readMs / 1000))} |`,
    `| judge: match, redact, standard checks | ${j.judged} | ${j.judgeMs} ms | **${Math.round(j.judged / (j.judgeMs / 1000))}** |`,
    `| judge: the reports (no HTML) | ${j.judged} | ${(j.reportsMs / 1000).toFixed(1)} s | ${Math.round(j.judged / (j.reportsMs / 1000))} |`,
    "",
    "- The mock runs in its own process, the proxy is `idme-conformance proxy` in its own process (judging every answer as it passes, --no-html), the client is this process; 2 cores shared by all three.",
    "- Overhead = proxied p50 − direct p50 of the same requests, alternating, after 50 warm-up requests each way. The 16 MB upload is streamed through; the proxy keeps only its parts list.",
    "- The HAR: the sample client's sessions (traffic/sample-client.ts) recorded through the proxy, repeated to the size shown.",
    "",
  );
  return out.join("\n");
}
