/** Renders the benchmark results as the markdown that goes to stdout and BENCHMARKS.md. */
import type { ConformanceRun } from "./conformance-run.js";
import type { LoadResult } from "./load.js";
import type { Machine } from "./machine.js";

export interface BenchResults {
  date: string;
  command: string;
  machine: Machine;
  load: LoadResult[];
  uploads: { count: number; bytesEach: number; statuses: number[]; rssBeforeMb: number; peakRssMb: number } | { error: string };
  runs: ConformanceRun[];
  notes: string[];
}

const fmt = (n: number) => n.toLocaleString("en-US");
const statuses = (s: Record<string, number>) =>
  Object.entries(s)
    .map(([k, v]) => `${k}×${fmt(v)}`)
    .join(", ") || "none";

export function renderMarkdown(r: BenchResults): string {
  const m = r.machine;
  const out: string[] = [];
  out.push(
    `Measured ${r.date} with \`${r.command}\` on ${m.cpus} CPU (${m.cpuModel}), ${m.memoryGb} GB RAM, Node ${m.node}; 1-min load average at start ${m.loadAvg1m}.`,
    "",
  );

  out.push("### Throughput (autocannon, 127.0.0.1)", "");
  out.push("| phase | target | req/s | p50 ms | p99 ms | requests | answers | errors/timeouts |", "|---|---|---:|---:|---:|---:|---|---:|");
  for (const l of r.load) {
    out.push(
      `| ${l.name} | ${l.target} | ${fmt(l.reqPerSec)} | ${l.latencyP50Ms} | ${l.latencyP99Ms} | ${fmt(l.total)} | ${statuses(l.statuses)} | ${l.errors}/${l.timeouts} |`,
    );
  }
  out.push("");

  out.push("### Mock memory under large uploads", "");
  if ("error" in r.uploads) out.push(`Not measured: ${r.uploads.error}`);
  else {
    const u = r.uploads;
    out.push("| uploads at once | bytes each | answers | RSS before | peak RSS (VmHWM) |", "|---:|---:|---|---:|---:|");
    out.push(`| ${u.count} | ${fmt(u.bytesEach)} | ${[...new Set(u.statuses)].join(", ")} | ${u.rssBeforeMb} MB | ${u.peakRssMb} MB |`);
  }
  out.push("");

  if (r.runs.length === 0) {
    out.push("Full conformance runs: not measured (--quick).", "");
    if (r.notes.length) out.push(...r.notes.map((n) => `- ${n}`), "");
    return out.join("\n");
  }
  out.push("### Full conformance runs", "");
  out.push(
    "| run | exit | wall | start-up | test phase | reports | tests (pass/fail/skip) | requests | time in requests | sum of test times |",
    "|---|---:|---:|---:|---:|---:|---|---:|---:|---:|",
  );
  for (const c of r.runs) {
    const t = c.tests ? `${c.tests.passed}/${c.tests.failed}/${c.tests.skipped}` : "—";
    out.push(
      `| ${c.label} | ${c.exitCode} | ${(c.wallMs / 1000).toFixed(1)} s | ${(c.startupMs / 1000).toFixed(1)} s | ${(c.testPhaseMs / 1000).toFixed(1)} s | ${(c.reportsMs / 1000).toFixed(1)} s | ${t} | ${fmt(c.requests.count)} | ${(c.requests.totalDurationMs / 1000).toFixed(1)} s | ${(c.testTimeSumMs / 1000).toFixed(1)} s |`,
    );
  }
  out.push("");
  out.push("Requests per area (what a run costs a live target):", "");
  const areas = [...new Set(r.runs.flatMap((c) => Object.keys(c.requests.byArea)))].sort();
  out.push(`| area | ${r.runs.map((c) => c.label).join(" | ")} |`, `|---|${r.runs.map(() => "---:").join("|")}|`);
  for (const a of areas) out.push(`| ${a} | ${r.runs.map((c) => fmt(c.requests.byArea[a] ?? 0)).join(" | ")} |`);
  out.push(`| **total** | ${r.runs.map((c) => `**${fmt(c.requests.count)}**`).join(" | ")} |`);
  out.push("");
  if (r.notes.length) out.push(...r.notes.map((n) => `- ${n}`), "");
  return out.join("\n");
}
