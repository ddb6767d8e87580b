/**
 * `report-open`: how long the HTML report of a full run takes to open from disk in headless
 * Chromium, and whether it reaches the network. One conformance run (embedded mock, seed 1) with
 * the HTML report; then each view, and Allure 3's own single file of the same results as the
 * baseline (what the suite shipped before: analytics included, bundle before data), is opened
 * under three conditions, each `repeats` times (median):
 * closed network; a network that drops packets (requests hang); closed with the CPU slowed 4×.
 */
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPORT_PAGES } from "../reporting/allure-config.js";
import { reportBytes } from "../reporting/allure-embedded.js";
import { runAllureCli } from "../reporting/allure-generate.js";
import { measureReportOpen, type NetworkMode, READY_SELECTOR, TREE_SELECTOR } from "../reporting/allure-open.js";
import { cliCommand } from "../lib/cli-command.js";
import { projectRoot } from "./mock-process.js";
import { childEnv } from "../lib/process-env.js";

export interface ReportOpenRow {
  report: string;
  mb: number;
  bundleMb: number;
  dataMb: number;
  network: NetworkMode;
  cpuThrottle: number;
  /** Median over the repeats; null when the tree never showed in one of them (counted in `failures`). */
  treeVisibleMs: number | null;
  loadEventMs: number | null;
  failures: number;
  externalRequests: string[];
  repeats: number;
}

export const OPEN_CONDITIONS: readonly { network: NetworkMode; cpuThrottle: number }[] = [
  { network: "closed", cpuThrottle: 1 },
  { network: "blackhole", cpuThrottle: 1 },
  { network: "closed", cpuThrottle: 4 },
];

export async function reportOpenBench(chromium: string, repeats = 3, log: (s: string) => void = () => {}): Promise<ReportOpenRow[]> {
  const reports = mkdtempSync(join(tmpdir(), "idme-bench-report-"));
  try {
    log("report-open: conformance run with the HTML report (embedded mock, seed 1)");
    await conformanceRunWithHtml(reports);
    log("report-open: Allure's own single file of the same results (baseline)");
    const baseline = await allureBaseline(join(reports, "allure-results"), join(reports, "baseline"));
    const files = [
      { report: "Allure 3.18 as generated (baseline)", path: baseline, selector: TREE_SELECTOR },
      ...REPORT_PAGES.map((v) => ({
        report: `${v.file} (this suite)`,
        path: join(reports, "allure-report", v.file),
        selector: READY_SELECTOR[v.file] ?? TREE_SELECTOR,
      })),
    ];
    const rows: ReportOpenRow[] = [];
    for (const f of files) {
      const bytes = reportBytes(readFileSync(f.path, "utf8"));
      const dataBytes = Object.values(bytes.data).reduce((a, b) => a + b, 0);
      for (const c of OPEN_CONDITIONS) {
        log(`report-open: ${f.report}, network ${c.network}, CPU ÷${c.cpuThrottle}`);
        const runs = [];
        for (let i = 0; i < repeats; i++)
          runs.push(await measureReportOpen(f.path, { chromium, ...c, timeoutMs: 45_000, selector: f.selector }));
        rows.push({
          report: f.report,
          mb: mb(bytes.total),
          bundleMb: mb(bytes.bundle),
          dataMb: mb(dataBytes),
          ...c,
          treeVisibleMs: median(runs.map((r) => r.treeVisibleMs)),
          loadEventMs: median(runs.map((r) => r.loadEventMs)),
          failures: runs.filter((r) => r.treeVisibleMs === null).length,
          externalRequests: [...new Set(runs.flatMap((r) => r.external))],
          repeats,
        });
      }
    }
    return rows;
  } finally {
    rmSync(reports, { recursive: true, force: true });
  }
}

/** Median of the values, null values (never happened) counted as the largest. */
export function median(values: (number | null)[]): number | null {
  const sorted = [...values].sort((a, b) => (a ?? Number.POSITIVE_INFINITY) - (b ?? Number.POSITIVE_INFINITY));
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : null;
}

// Decimal megabytes, as file managers show them.
const mb = (bytes: number) => Math.round(bytes / 100_000) / 10;

function conformanceRunWithHtml(reports: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // --allure-results: the baseline below is Allure's own file of the same results.
    const child = spawn(...cliCommand(["--quiet", "--seed", "1", "--allure-results", "--reports", reports]), {
      cwd: projectRoot,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    // Exit 0 or 1 both leave a report; 2 may not.
    child.on("close", (code) =>
      code === 0 || code === 1 ? resolve() : reject(new Error(`conformance run exited ${code}: ${err.trim().split("\n").pop()}`)),
    );
  });
}

/** What allurerc.mjs used to produce: one awesome single file, no post-processing. */
async function allureBaseline(results: string, out: string): Promise<string> {
  mkdirSync(out, { recursive: true });
  const config = join(out, "allurerc.json");
  writeFileSync(
    config,
    JSON.stringify({
      name: "baseline",
      output: join(out, "report"),
      plugins: { awesome: { options: { singleFile: true, groupBy: ["epic", "feature", "story"] } } },
    }),
  );
  const r = await runAllureCli(["generate", results, "--config", config, "--output", join(out, "report")], out, childEnv());
  if (!r.ok) throw new Error(r.message);
  return join(out, "report", "index.html");
}
