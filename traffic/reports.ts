/**
 * Defines `writeTrafficReports`: the usual artifacts of a run, for judged traffic, with the report writers
 * of reporting/ — results.json, the coverage matrix (what the traffic exercised), certification.json / .md
 * (with a "Traffic" section: what was judged, what was skipped and why), JUnit, the Allure results and
 * the HTML report, decisions.md, and last the manifest. Every record in the result is redacted already.
 */
import { mkdirSync, rmSync } from "node:fs";
import type { Certification } from "../reporting/certification.js";
import { renderCertificationMd } from "../reporting/certification-md.js";
import type { Coverage } from "../reporting/coverage.js";
import { writeArtifacts } from "../reporting/finalize.js";
import type { Manifest } from "../reporting/manifest.js";
import { type ArtifactPaths, artifactPaths, runArtifacts } from "../reporting/paths.js";
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
  const written = await writeArtifacts({
    result: traffic.result,
    certification,
    paths,
    html: o.html,
    signingKey: o.signingKey,
    certificationJson: { ...certification, traffic: summary },
    certificationMd: `${renderCertificationMd(certification)}\n${renderTrafficMd(summary)}`,
    junitName: "ID.me Services API v2 conformance — judged traffic",
  });
  const { coverage, manifest, htmlProblem } = written;
  return { certification, summary, coverage, manifest, paths, ...(htmlProblem ? { htmlProblem } : {}) };
}
