/**
 * Defines `writeTrafficReports`: the usual artifacts of a run, for judged traffic, with the report writers
 * of reporting/ — results.json, the coverage matrix (what the traffic exercised), certification.json / .md
 * (with a "Traffic" section: what was judged, what was skipped and why), JUnit, the Allure results and
 * the HTML report, decisions.md, and last the manifest. Every record in the result is redacted already.
 */
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../lib/paths.js";
import { writeAllureResults } from "../reporting/allure-results.js";
import { generateAllureReport } from "../reporting/allure-generate.js";
import type { Certification } from "../reporting/certification.js";
import { renderCertificationMd } from "../reporting/certification-md.js";
import { type Coverage, computeCoverage, coveredExchanges, renderCoverageMd } from "../reporting/coverage.js";
import { renderJunit } from "../reporting/junit.js";
import { type Manifest, writeManifest } from "../reporting/manifest.js";
import { type ArtifactPaths, artifactPaths, runArtifacts } from "../reporting/paths.js";
import { specFacts } from "../reporting/spec-facts.js";
import type { TrafficResult } from "./judge.js";
import { type TrafficMode, type TrafficSummary, trafficCertification } from "./verdict.js";

export interface TrafficReports {
  certification: Certification;
  summary: TrafficSummary;
  coverage: Coverage;
  manifest: Manifest;
  paths: ArtifactPaths;
  htmlProblem?: string;
}

const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function renderTrafficMd(s: TrafficSummary): string {
  const lines = [
    "## Traffic",
    "",
    `Mode: ${s.mode === "proxy" ? "proxied traffic" : "recorded traffic (HAR)"}, one result per ${s.group}${s.exactMessages ? ", exact messages" : ""}. ` +
      `${s.judged} exchange(s) judged by the standard checks, ${s.withViolations} with violations; ${s.noAnswer} request(s) without an answer from the upstream; ${s.skipped.total} skipped.`,
    "",
    "Only the requirements a standard check enforces can be judged from traffic the suite did not choose; the others are not selected.",
    "",
  ];
  if (s.skipped.total)
    lines.push(
      "| skipped because | entries | e.g. |",
      "|---|---|---|",
      ...s.skipped.byReason.map((r) => `| ${cell(r.reason)} | ${r.count} | ${cell(r.examples.join("; ").slice(0, 300))} |`),
      "",
    );
  return lines.join("\n");
}

export async function writeTrafficReports(
  traffic: TrafficResult,
  o: { mode: TrafficMode; reportsDir: string; html: boolean; signingKey?: string },
): Promise<TrafficReports> {
  const paths = artifactPaths(o.reportsDir);
  for (const p of runArtifacts(paths)) rmSync(p, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
  mkdirSync(paths.reportsDir, { recursive: true });
  const { certification, summary } = trafficCertification(traffic, o.mode);
  const { result } = traffic;
  writeFileSync(paths.results, json(result));
  const coverage = computeCoverage(specFacts(), coveredExchanges(result.tests));
  writeFileSync(paths.coverageJson, json(coverage));
  writeFileSync(paths.coverageMd, renderCoverageMd(coverage));
  writeFileSync(paths.certificationJson, json({ ...certification, traffic: summary }));
  writeFileSync(paths.certificationMd, `${renderCertificationMd(certification)}\n${renderTrafficMd(summary)}`);
  writeFileSync(paths.junit, renderJunit(result, certification, "ID.me Services API v2 conformance — judged traffic"));
  copyFileSync(join(packageRoot, "docs", "decisions.md"), paths.decisions);
  await writeAllureResults(paths.allureResults, result, certification);
  let htmlProblem: string | undefined;
  if (o.html) {
    const r = await generateAllureReport({
      resultsDir: paths.allureResults,
      outputDir: paths.allureReport,
      historyPath: paths.history,
      verdict: certification,
      globalAttachments: [paths.certificationMd],
    });
    if (!r.ok) htmlProblem = r.message;
  }
  const manifest = writeManifest(paths.reportsDir, o.signingKey, certification.facts);
  return { certification, summary, coverage, manifest, paths, ...(htmlProblem ? { htmlProblem } : {}) };
}
