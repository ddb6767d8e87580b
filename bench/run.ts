/**
 * `npm run bench [-- --write] [-- --quick | --report-open | --traffic | --runs]`: throughput of the mock (and
 * of Prism's mock of the same spec), the mock's peak memory under large uploads, its RSS over a soak
 * (bench/soak.ts: 60 s, 10 s with --quick), full conformance runs (where their time goes, what they cost:
 * the runs section), and how long the HTML report takes to open in headless Chromium (report-open).
 * Prints a markdown report; --write also puts each section between its markers in BENCHMARKS.md.
 * --quick: load phases only (and a shorter traffic section); --report-open: the report-open section only;
 * --traffic: the traffic section only (bench/traffic.ts: proxy overhead, HAR judging throughput);
 * --runs: the runs section only (bench/runs.ts: full runs with and without HTML, a bare vitest run, the sandbox profile's cost).
 * Every load phase is bounded (5 s, 10 connections) and sent to 127.0.0.1 only.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { licenseUpload } from "./bodies.js";
import { runLoad, type LoadResult, type LoadSpec } from "./load.js";
import { describeMachine } from "./machine.js";
import { projectRoot, startMockProcess } from "./mock-process.js";
import { startPrism } from "./prism.js";
import { chromiumPath, DEFAULT_CHROMIUM } from "../reporting/allure-open.js";
import { renderMarkdown, renderReportOpen, type BenchResults, type ReportOpenResult } from "./report.js";
import { reportOpenBench } from "./report-open.js";
import { renderSoak, runSoak, type SoakResult } from "./soak.js";
import { concurrentUploads, LARGE_UPLOAD_BYTES } from "./uploads.js";
import { renderTraffic, trafficBench } from "./traffic.js";
import { runsBench } from "./runs.js";
import { distIsFresh } from "../bin/sources-hash.mjs";
import { renderRuns } from "./runs-report.js";

const args = new Set(process.argv.slice(2));
const write = args.has("--write");
const quick = args.has("--quick"); // load phases only: no conformance runs
const reportOpenOnly = args.has("--report-open");
const trafficOnly = args.has("--traffic"); // the traffic section only (proxy overhead, HAR judging)
const runsOnly = args.has("--runs"); // the runs section only (full conformance runs, bare vitest)
const log = (s: string) => process.stderr.write(`[bench] ${s}\n`);

// The runs are timed as `npm run conformance` runs them: from dist/, which must match the sources (else the
// bin would run the sources through tsx, ~2 s slower, and the numbers would say so about the wrong thing).
if (!distIsFresh(projectRoot)) {
  log("dist/ is older than the sources: npm run build");
  execFileSync(process.execPath, [join(projectRoot, "scripts", "build.mjs")], { stdio: "inherit" });
}

/** The JSON phases both mocks serve: the same requests, so the numbers compare. */
function jsonPhases(baseUrl: string, token: string): LoadSpec[] {
  const auth = { authorization: `Bearer ID.me ${token}` };
  return [
    { name: "GET /health", url: `${baseUrl}/health` },
    {
      name: "422 telecom (invalid phone)",
      url: `${baseUrl}/api/v2/telecom/possession/sms/send`,
      method: "POST",
      headers: { ...auth, "content-type": "application/json" },
      body: JSON.stringify({ phone: "12345" }),
    },
  ];
}

async function mockPhases(load: LoadResult[]): Promise<BenchResults["uploads"]> {
  const mock = await startMockProcess();
  try {
    for (const spec of jsonPhases(mock.baseUrl, mock.tokens.primary)) {
      log(`mock: ${spec.name}`);
      load.push(await runLoad(spec, "mock"));
    }
    const upload = licenseUpload();
    log("mock: license upload");
    load.push(
      await runLoad(
        {
          name: "license upload, 2 × 45 KB",
          url: `${mock.baseUrl}/api/v2/document/license/verify`,
          method: "POST",
          headers: { authorization: `Bearer ID.me ${mock.tokens.primary}`, "content-type": upload.contentType },
          body: upload.body,
        },
        "mock",
      ),
    );
  } finally {
    await mock.close();
  }
  // A fresh process, so the peak is the uploads' and not the load phases'.
  const fresh = await startMockProcess();
  try {
    const before = fresh.rssKb();
    log("mock: 8 concurrent 16 MB uploads");
    const statuses = await concurrentUploads(fresh.baseUrl, fresh.tokens.primary, 8, LARGE_UPLOAD_BYTES);
    return {
      count: 8,
      bytesEach: LARGE_UPLOAD_BYTES,
      statuses,
      rssBeforeMb: Math.round(before / 1024),
      peakRssMb: Math.round(fresh.peakRssKb() / 1024),
    };
  } catch (e) {
    return { error: (e as Error).message };
  } finally {
    await fresh.close();
  }
}

async function prismPhases(load: LoadResult[], notes: string[]): Promise<void> {
  let prism: Awaited<ReturnType<typeof startPrism>> | undefined;
  try {
    prism = await startPrism();
  } catch (e) {
    notes.push(`Prism not measured: ${(e as Error).message.split("\n")[0]}`);
    return;
  }
  try {
    // Prism checks only that a credential is present; any Base64 token will do.
    for (const spec of jsonPhases(prism.baseUrl, Buffer.from("bench").toString("base64"))) {
      log(`prism: ${spec.name}`);
      load.push(await runLoad(spec, "prism 5.14.2"));
    }
  } finally {
    await prism.close();
  }
}

/** A soak of the mock in its own process: does its memory stay bounded (mock/README.md M13, M14)? */
async function soakPhase(seconds: number): Promise<SoakResult | { error: string }> {
  log(`mock: ${seconds} s soak`);
  try {
    const r = await runSoak({ seconds });
    log(`soak: ${r.requests} requests (${r.reqPerSec} req/s), RSS start ${r.rssStartMb} MB, end ${r.rssEndMb} MB, peak ${r.peakRssMb} MB`);
    return r;
  } catch (e) {
    return { error: (e as Error).message };
  }
}

async function reportOpen(): Promise<ReportOpenResult> {
  const chromium = chromiumPath();
  if (!chromium) return { error: `${DEFAULT_CHROMIUM} is absent (apt-get install -y chromium)` };
  try {
    return { rows: await reportOpenBench(chromium, 3, log) };
  } catch (e) {
    return { error: (e as Error).message.split("\n")[0] };
  }
}

/** Replaces what is between `<!-- bench:NAME:begin -->` and its end marker (NAME "" = the main section). */
function writeSection(name: string, md: string): void {
  const file = join(projectRoot, "BENCHMARKS.md");
  const text = readFileSync(file, "utf8");
  const tag = name ? `bench:${name}:` : "bench:";
  const begin = `<!-- ${tag}begin -->`;
  const end = `<!-- ${tag}end -->`;
  const a = text.indexOf(begin);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`BENCHMARKS.md has no ${begin} … ${end} markers`);
  writeFileSync(file, `${text.slice(0, a + begin.length)}\n${md}\n${text.slice(b)}`);
  log(`BENCHMARKS.md updated (${name || "main"} section)`);
}

async function main(): Promise<void> {
  const machine = describeMachine();
  const flags = process.argv.slice(2);
  const command = `npm run bench${flags.length ? ` -- ${flags.join(" ")}` : ""}`;
  if (!reportOpenOnly && !trafficOnly && !runsOnly) await mainSection(machine, command);
  if (!quick && !reportOpenOnly && !trafficOnly) {
    const md = renderRuns(await runsBench(command, log));
    process.stdout.write(`${md}\n`);
    if (write) writeSection("runs", md);
  }
  if (runsOnly) return;
  if (!reportOpenOnly) {
    const md = renderTraffic(await trafficBench(command, log, quick));
    process.stdout.write(`${md}\n`);
    if (write) writeSection("traffic", md);
  }
  if (quick || trafficOnly) return;
  const md = renderReportOpen(new Date().toISOString(), command, describeMachine(), await reportOpen());
  process.stdout.write(`${md}\n`);
  if (write) writeSection("report-open", md);
}

async function mainSection(machine: ReturnType<typeof describeMachine>, command: string): Promise<void> {
  const load: LoadResult[] = [];
  const notes: string[] = [];
  const uploads = await mockPhases(load);
  await prismPhases(load, notes);
  const soak = await soakPhase(quick ? 10 : 60);
  notes.push(
    "Load phases: 10 connections, 5 s each; the mock and Prism each run in their own process; autocannon runs in this one (2 cores shared).",
    "Prism is compared on JSON requests only: it corrupts binary multipart uploads (toolchain notes).",
  );
  const results: BenchResults = { date: new Date().toISOString(), command, machine, load, uploads, notes };
  const md = `${renderMarkdown(results)}\n${renderSoak(soak)}`;
  process.stdout.write(`${md}\n`);
  if (write) writeSection("", md);
}

main().catch((e) => {
  process.stderr.write(`bench failed: ${(e as Error).stack ?? e}\n`);
  process.exit(1);
});
