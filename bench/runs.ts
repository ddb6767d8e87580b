/**
 * The runs section's measurements: full runs against the embedded mock with and without the HTML report and
 * a bare vitest run, interleaved (so a change of load hits all three alike), the median of each; then one
 * run of the sandbox profile against a mock in its own process (what a live run would send). The runs of
 * one kind share a reports folder, as repeated `npm run conformance` runs share reports/: the later ones
 * first clear the earlier one's artifacts.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { WINDOW_MARGIN_MS } from "../harness/rate-window.js";
import { loadProfile, mockProfilePath } from "../run/profile.js";
import { timedBareVitest, type BareRun } from "./bare-vitest.js";
import { type ConformanceRun, medianOf, timedConformanceRun } from "./conformance-run.js";
import { describeMachine } from "./machine.js";
import { startMockProcess } from "./mock-process.js";
import { peakRssHow } from "./peak-rss.js";
import type { RunsBench } from "./runs-report.js";

const REPEATS = 3;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

export async function runsBench(command: string, log: (s: string) => void): Promise<RunsBench> {
  const machine = describeMachine();
  const bare: BareRun[] = [];
  const noHtml: ConformanceRun[] = [];
  const html: ConformanceRun[] = [];
  const folders = mkdtempSync(join(tmpdir(), "idme-bench-reports-"));
  try {
    for (let i = 1; i <= REPEATS; i++) {
      bare.push(await timedBareVitest());
      log(`bare vitest ${i}/${REPEATS}: ${secs(bare.at(-1)!.wallMs)}`);
      const a = await timedConformanceRun("embedded mock, --no-html", ["--seed", "1", "--no-html"], {
        reportsDir: join(folders, "no-html"),
      });
      noHtml.push(a);
      log(`full run --no-html ${i}/${REPEATS}: ${secs(a.wallMs)} (exit ${a.exitCode})`);
      const b = await timedConformanceRun("embedded mock, with HTML", ["--seed", "1"], { reportsDir: join(folders, "html") });
      html.push(b);
      log(`full run with HTML ${i}/${REPEATS}: ${secs(b.wallMs)} (exit ${b.exitCode})`);
    }
  } finally {
    rmSync(folders, { recursive: true, force: true });
  }
  const runs: ConformanceRun[] = [noHtml, html].map((rs) => ({ ...medianOf(rs), walls: rs.map((r) => r.wallMs) }));
  const unclean = [noHtml, html].flatMap((rs) => rs.flatMap((r, i) => (r.exitCode === 0 ? [] : [uncleanLine(r, i, rs.length)])));
  const sandbox = await sandboxRun(log);
  if (sandbox.exitCode !== 0) unclean.push(uncleanLine(sandbox, 0, 1));
  runs.push(sandbox);
  const profile = loadProfile(mockProfilePath).profile;
  return {
    date: new Date().toISOString(),
    command,
    machine,
    loadAvgEnd: Math.round(loadavg()[0] * 100) / 100,
    runs,
    bare: { ...medianOf(bare), walls: bare.map((b) => b.wallMs) },
    waits: {
      rateWindowMs: profile.rateLimits?.windowMs,
      windowMarginMs: WINDOW_MARGIN_MS,
      webhookQuietMs: profile.webhook.quietMs,
      pollIntervalMs: profile.polling.intervalMs,
      pollMaxWaitMs: profile.polling.maxWaitMs,
    },
    rssHow: peakRssHow(),
    unclean,
  };
}

function uncleanLine(r: ConformanceRun, i: number, of: number): string {
  const why = r.problems.length
    ? r.problems.slice(0, 3).join("; ") + (r.problems.length > 3 ? ` (+${r.problems.length - 3} more)` : "")
    : "no requirement line";
  return `${r.label}, run ${i + 1} of ${of} (${(r.wallMs / 1000).toFixed(1)} s): exit ${r.exitCode} — ${why}`;
}

/** profiles/sandbox.yaml against the mock as a foreign target: its roles (primary, secondary) get the mock's tokens. */
async function sandboxRun(log: (s: string) => void): Promise<ConformanceRun> {
  const mock = await startMockProcess();
  try {
    // The budget is lifted so the run counts what it needs instead of stopping at the profile's 600.
    const r = await timedConformanceRun(
      "mock as target, profile sandbox",
      ["--target", mock.baseUrl, "--profile", "profiles/sandbox.yaml", "--budget", "100000", "--seed", "1", "--no-html"],
      { env: { IDME_TOKEN_PRIMARY: mock.tokens.primary, IDME_TOKEN_SECONDARY: mock.tokens.secondary } },
    );
    log(`sandbox profile run: ${secs(r.wallMs)} (exit ${r.exitCode}), ${r.requests?.count ?? "?"} requests`);
    return r;
  } finally {
    await mock.close();
  }
}
