/**
 * Defines `writeReports`: every artifact of a run, from its plan and results — results.json, coverage,
 * certification (JSON and Markdown), JUnit, the Allure results and the HTML report, the decision
 * record, and last the manifest (it hashes everything else).
 */
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../lib/paths.js";
import type { ReqId } from "../generated/requirements.js";
import type { RunPlan } from "../run/plan.js";
import type { Profile } from "../run/profile.js";
import type { RunResult } from "../run/results.js";
import { scopeOf } from "../run/shards.js";
import type { AllureEngine } from "./allure-engine.js";
import type { LiveAllureReport } from "./allure-live.js";
import { buildCertification, type Certification } from "./certification.js";
import { renderCertificationMd } from "./certification-md.js";
import { type Coverage, computeCoverage, coveredExchanges, renderCoverageMd } from "./coverage.js";
import { type Manifest, signingKeyFingerprint, writeManifest } from "./manifest.js";
import type { ArtifactPaths } from "./paths.js";
import { htmlReportWriters, junitWriter } from "./report-modules.js";
import { type RunFacts, runFacts } from "./run-facts.js";
import { specFacts } from "./spec-facts.js";

export interface ReportOptions {
  plan: RunPlan;
  result: RunResult;
  paths: ArtifactPaths;
  html: boolean;
  /** also write Allure's raw results (allure-results/) for other Allure tools; the HTML report needs none */
  allureResults?: boolean;
  /** vitest's own output, kept as vitest.log */
  vitestLog?: string;
  /** where Allure builds the HTML report: the process the run started for it (default: this thread) */
  allureEngine?: AllureEngine;
  /** the HTML report as fed while the run lasted (reporting/allure-live.ts): finished if the results are the ones fed */
  liveReport?: LiveAllureReport;
}

export interface Reports {
  certification: Certification;
  coverage: Coverage;
  manifest: Manifest;
  htmlProblem?: string;
  htmlSeconds?: number;
  /** SHA-256 of the ed25519 signing key's public key, when the manifest is signed with one */
  signerFingerprint?: string;
}

const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

export async function writeReports({ plan, ...rest }: ReportOptions): Promise<Reports> {
  return writeReportsOf({
    ...rest,
    facts: runFacts(plan, rest.result),
    levels: plan.profile.profile,
    selected: scopeOf(plan),
    signingKey: plan.signingKey,
  });
}

/** What the reports are rendered from: a run's, or merged shards' (reporting/merge.ts), alike. */
export interface ReportInput {
  result: RunResult;
  facts: RunFacts;
  /** the profile's strict switches: they set the levels of `mustWhen` requirements */
  levels: Pick<Profile, "strict">;
  /** requirement ids in scope; undefined = every one */
  selected?: readonly ReqId[];
  signingKey?: string;
  paths: ArtifactPaths;
  html: boolean;
  allureResults?: boolean;
  vitestLog?: string;
  allureEngine?: AllureEngine;
  liveReport?: LiveAllureReport;
}

export async function writeReportsOf({
  result,
  facts,
  levels,
  selected,
  signingKey,
  paths,
  html,
  allureResults,
  vitestLog,
  allureEngine,
  liveReport,
}: ReportInput): Promise<Reports> {
  mkdirSync(paths.reportsDir, { recursive: true });
  const certification = buildCertification({ result, facts, profile: levels, selected });
  return {
    certification,
    ...(await writeArtifacts({ result, certification, paths, html, allureResults, signingKey, vitestLog, allureEngine, liveReport })),
  };
}

/** One judged result's artifacts: the run's, merged shards' and judged traffic's (traffic/reports.ts) alike. */
export interface ArtifactInput {
  result: RunResult;
  certification: Certification;
  paths: ArtifactPaths;
  html: boolean;
  /** also write allure-results/ (off by default: ~2,000 small files cost a run 0.5–1.5 s on a busy disk) */
  allureResults?: boolean;
  signingKey?: string;
  vitestLog?: string;
  /** certification.json and .md when they say more than the certification (judged traffic adds its section) */
  certificationJson?: unknown;
  certificationMd?: string;
  /** the JUnit suite's name */
  junitName?: string;
  allureEngine?: AllureEngine;
  liveReport?: LiveAllureReport;
}

/** Writes every artifact from a certified result, the manifest last (it hashes everything else). */
export async function writeArtifacts(a: ArtifactInput): Promise<Omit<Reports, "certification">> {
  const { result, certification, paths } = a;
  const junit = junitWriter();
  junit.catch(() => {}); // awaited below, where a failure is this function's
  const allure = a.html || a.allureResults ? await htmlReportWriters() : undefined;
  // certification.md first: the HTML report attaches it.
  writeFileSync(paths.certificationMd, a.certificationMd ?? renderCertificationMd(certification));
  // Undefined when the results are not the ones fed: the fed report is then dropped, and built from scratch.
  const fed = a.html ? a.liveReport?.take(result, certification) : undefined;
  const allureFiles = allure && (a.allureResults || !fed) ? allure.allureResultFiles(result, certification) : [];
  // Before the HTML report is built from the same files in memory, not meanwhile: the folder's ~2,000 writes
  // fill the file system's thread pool, and Allure's own file work waited behind them (~2.5 s).
  if (a.allureResults && allure) await allure.writeAllureResults(paths.allureResults, allureFiles);
  const started = Date.now();
  // Allure works in its own process (reporting/allure-engine.ts) while this one writes the other artifacts.
  const html =
    allure && a.html
      ? allure.generateAllureReport({
          results: fed ? { fed } : { files: allureFiles },
          outputDir: paths.allureReport,
          historyPath: paths.history,
          verdict: certification,
          requirementsPage: { certification, tests: result.tests },
          globalAttachments: [paths.certificationMd],
          ...(a.allureEngine ? { engine: a.allureEngine } : {}),
        })
      : undefined;
  // Awaited below; should a write here throw first, its failure is this function's, not an unhandled one.
  html?.catch(() => {});
  writeFileSync(paths.results, json(result));
  const coverage = computeCoverage(specFacts(), coveredExchanges(result.tests));
  writeFileSync(paths.coverageJson, json(coverage));
  writeFileSync(paths.coverageMd, renderCoverageMd(coverage));
  writeFileSync(paths.certificationJson, json(a.certificationJson ?? certification));
  writeFileSync(paths.junit, (await junit).renderJunit(result, certification, a.junitName));
  copyFileSync(join(packageRoot, "docs", "decisions.md"), paths.decisions);
  if (a.vitestLog !== undefined) writeFileSync(paths.vitestLog, a.vitestLog);

  let htmlProblem: string | undefined;
  let htmlSeconds: number | undefined;
  const r = await html;
  if (r?.ok) htmlSeconds = (Date.now() - started) / 1000;
  else if (r) htmlProblem = r.message;
  const manifest = writeManifest(paths.reportsDir, a.signingKey, certification.facts);
  const signerFingerprint = signingKeyFingerprint(a.signingKey);
  return {
    coverage,
    manifest,
    ...(htmlProblem ? { htmlProblem } : {}),
    ...(htmlSeconds !== undefined ? { htmlSeconds } : {}),
    ...(signerFingerprint ? { signerFingerprint } : {}),
  };
}
