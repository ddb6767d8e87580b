/** Renders the `runs` section of BENCHMARKS.md: where a full run's time goes, and what it costs a target. */
import type { BareRun } from "./bare-vitest.js";
import type { ConformanceRun } from "./conformance-run.js";
import type { Machine } from "./machine.js";

export interface RunsBench {
  date: string;
  command: string;
  machine: Machine;
  /** 1-min load average when the runs were over */
  loadAvgEnd: number;
  runs: ConformanceRun[];
  bare: BareRun & { walls: number[] };
  /** the waits the mock profile sets (profiles/mock.yaml), in ms */
  waits: { rateWindowMs?: number; windowMarginMs: number; webhookQuietMs: number; pollIntervalMs: number; pollMaxWaitMs: number };
  rssHow: string;
  /** repetitions that did not exit 0, and why (the summary's requirement lines) */
  unclean: string[];
}

const fmt = (n: number) => n.toLocaleString("en-US");
const s = (ms: number | undefined) => (ms === undefined ? "—" : `${(ms / 1000).toFixed(1)} s`);

/** full-run wall ÷ bare-run wall, one decimal. */
export function ratio(fullMs: number, bareMs: number): number {
  return Math.round((fullMs / bareMs) * 10) / 10;
}

export function renderRuns(r: RunsBench): string {
  const m = r.machine;
  const out: string[] = [
    `Measured ${r.date} with \`${r.command}\` on ${m.cpus} CPU (${m.cpuModel}), ${m.memoryGb} GB RAM, Node ${m.node}; 1-min load average ${m.loadAvg1m} at start, ${r.loadAvgEnd} at the end.`,
    "",
    "### Full conformance runs (CLI, timed from outside)",
    "",
    "| run | exit | wall (median; all) | start-up | mock + vitest start | tests | vitest close | reports (HTML) | exit | peak RSS | tests | requests | request in flight |",
    "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const c of r.runs) {
    const p = c.phases;
    const walls = c.walls && c.walls.length > 1 ? `; ${c.walls.map((w) => (w / 1000).toFixed(1)).join(", ")}` : "";
    const html = c.htmlMs !== undefined ? ` (${s(c.htmlMs)})` : "";
    out.push(
      `| ${c.label} | ${c.exitCode} | ${s(c.wallMs)}${walls} | ${s(p.startupMs)} | ${s(p.vitestStartMs)} | ${s(p.testsMs)} | ${s(p.closeMs)} | ${s(p.reportsMs)}${html} | ${s(p.exitMs)} | ${c.peakRssMb === undefined ? "—" : `${c.peakRssMb} MB`} | ${c.tests ? fmt(c.tests.total) : "—"} | ${c.requests ? fmt(c.requests.count) : "—"} | ${s(c.requests?.inFlightMs)} |`,
    );
  }
  if (r.unclean.length)
    out.push("", "Repetitions that did not exit 0 (the median row may still be a clean one):", "", ...r.unclean.map((u) => `- ${u}`));
  const bare = r.bare.wallMs;
  out.push(
    "",
    `Bare vitest, 50 trivial tests in 5 files (\`vitest run\`, default pool): **${s(bare)}** (median of ${r.bare.walls.length}; ${r.bare.walls.map((w) => (w / 1000).toFixed(1)).join(", ")}).`,
    "",
    "| run | wall ÷ bare run | target: ≤ 5 s with HTML, ≤ 2.5× bare |",
    "|---|---:|---|",
  );
  for (const c of r.runs.filter((x) => x.walls && x.walls.length > 1)) {
    const x = ratio(c.wallMs, bare);
    const withHtml = c.htmlMs !== undefined;
    const verdict = withHtml ? `${c.wallMs <= 5000 && x <= 2.5 ? "met" : "not met"}` : "(no HTML: for comparison)";
    out.push(`| ${c.label} | ${x.toFixed(1)}× | ${verdict} |`);
  }
  out.push("");

  const main = r.runs.find((c) => c.slowest.length);
  if (main) {
    out.push(
      `### The 10 slowest suite files (${main.label}, the median run)`,
      "",
      "| file | tests | requests | wall ≥ | first request to last answer | sum of test times | slowest test |",
      "|---|---:|---:|---:|---:|---:|---|",
    );
    for (const f of main.slowest)
      out.push(
        `| ${f.file} | ${f.tests} | ${f.requests} | ${s(f.wallMs)} | ${s(f.spanMs)} | ${s(f.testSumMs)} | ${f.slowest.title} (${s(f.slowest.durationMs)}) |`,
      );
    const w = r.waits;
    out.push(
      "",
      `Deliberate waits the mock profile sets (profiles/mock.yaml): a fresh rate-limit window ${w.rateWindowMs === undefined ? "—" : `${fmt(w.rateWindowMs)} + ${w.windowMarginMs} ms`} (harness/rate-window.ts, once or twice per rate-limit test, on 12 pooled accounts at once); webhook quiet ${w.webhookQuietMs} ms after the last delivery; document polling every ${w.pollIntervalMs} ms (at most ${fmt(w.pollMaxWaitMs)} ms).`,
      "",
    );
  }

  const withRequests = r.runs.filter((c) => c.requests);
  out.push("Requests per area (what a run costs a target; the median run of each):", "");
  const areas = [...new Set(withRequests.flatMap((c) => Object.keys(c.requests!.byArea)))].sort();
  out.push(`| area | ${withRequests.map((c) => c.label).join(" | ")} |`, `|---|${withRequests.map(() => "---:").join("|")}|`);
  for (const a of areas) out.push(`| ${a} | ${withRequests.map((c) => fmt(c.requests!.byArea[a] ?? 0)).join(" | ")} |`);
  out.push(`| **total** | ${withRequests.map((c) => `**${fmt(c.requests!.count)}**`).join(" | ")} |`, "");

  out.push(
    "- Phases from the CLI's output as it arrives: start-up = process start until the banner (`target   …`: node, the CLI's compiled modules from dist/, the plan); mock + vitest start = banner until the first test's line (the embedded mock, vitest, the workers importing the suite files); tests = first to last test line; vitest close = last test line until the launcher returned (results.json startedAt + durationMs); reports = until the summary (`tests: …`), with the CLI's own HTML time in brackets; exit = until the process was gone.",
    `- Peak RSS: ${r.rssHow}, of the CLI's process (vitest's workers are its threads). 'request in flight': the union of the exchanges' intervals in results.json (tests overlap: 8 at once per file, 2 workers).`,
    "- 'wall ≥' of a file: the longer of its first-request-to-last-answer span and its slowest test; its tests overlap, so the sum of their times exceeds it.",
    "- The 3 runs of one kind share a reports folder, as repeated `npm run conformance` runs share reports/: the 2nd and 3rd first clear the artifacts of the one before (Allure's history grows by one run each).",
    "- A run's request count varies by a few between runs of one seed: document polling asks until the mock's pending transaction completes.",
    "",
  );
  return out.join("\n");
}
