/** Renders the benchmark results as the markdown that goes to stdout and BENCHMARKS.md. */
import type { LoadResult } from "./load.js";
import type { Machine } from "./machine.js";
import type { ReportOpenRow } from "./report-open.js";

export interface BenchResults {
  date: string;
  command: string;
  machine: Machine;
  load: LoadResult[];
  uploads: { count: number; bytesEach: number; statuses: number[]; rssBeforeMb: number; peakRssMb: number } | { error: string };
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

  if (r.notes.length) out.push(...r.notes.map((n) => `- ${n}`), "");
  return out.join("\n");
}

export type ReportOpenResult = { rows: ReportOpenRow[] } | { error: string };

/** The `report-open` section: its own machine line, as it is written between its own markers. */
export function renderReportOpen(date: string, command: string, m: Machine, r: ReportOpenResult): string {
  const out: string[] = [
    `Measured ${date} with \`${command}\` on ${m.cpus} CPU (${m.cpuModel}), ${m.memoryGb} GB RAM, Node ${m.node}; 1-min load average at start ${m.loadAvg1m}.`,
    "",
    "### HTML report opened from disk (headless Chromium, file://)",
    "",
  ];
  if ("error" in r) return [...out, `Not measured: ${r.error}`, ""].join("\n");
  const ms = (n: number | null) => (n === null ? "never" : `${(n / 1000).toFixed(1)} s`);
  const network = (n: string) => (n === "blackhole" ? "drops packets" : "closed");
  out.push(
    "| report | size | app bundle | embedded data | network | CPU | tree visible | load event | tree never showed | requests off file:/data:/blob: |",
    "|---|---:|---:|---:|---|---:|---:|---:|---:|---|",
  );
  for (const row of r.rows) {
    out.push(
      `| ${row.report} | ${row.mb} MB | ${row.bundleMb} MB | ${row.dataMb} MB | ${network(row.network)} | ÷${row.cpuThrottle} | ${ms(row.treeVisibleMs)} | ${ms(row.loadEventMs)} | ${row.failures}/${row.repeats} | ${row.externalRequests.length ? row.externalRequests.map((u) => `\`${u}\``).join(", ") : "none"} |`,
    );
  }
  out.push(
    "",
    `- Medians of ${r.rows[0]?.repeats ?? 0} openings each, on the page's own clock from navigation start. "tree visible": the first row of the test tree is on screen; "load event": until then the browser tab shows its spinner.`,
    "- Networks: closed = no name resolves (a request fails at once); drops packets = every name resolves to a local port that never answers (a request hangs until Chromium gives up, ~30 s), as behind a lab firewall.",
    "- CPU ÷4: Chromium's CPU throttling (DevTools protocol), to mimic a slower laptop. 'tree never showed' counts openings where the app gave up within 45 s.",
    "",
  );
  return out.join("\n");
}
