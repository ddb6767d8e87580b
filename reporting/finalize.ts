/**
 * After the tests: writes coverage, certification, the Allure environment, the HTML report and
 * the manifest, in that order (the manifest hashes everything else).
 */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { FileSystemWriter } from "allure-js-commons/sdk/reporter";
import { environmentInfo, type AllureRunInfo } from "./allure.js";
import { generateAllureReport } from "./allure-generate.js";
import { buildCertification, verdictLine, type Certification, type CertificationInput } from "./certification.js";
import { renderCertificationMd } from "./certification-md.js";
import { computeCoverage, renderCoverageMd, type Coverage } from "./coverage.js";
import { readExchanges } from "./exchanges.js";
import { type RunFacts, signingKeyFingerprint, writeManifest, type Manifest } from "./manifest.js";
import type { ArtifactPaths } from "./paths.js";
import { specFacts } from "./spec-facts.js";

export interface FinalizeInput extends CertificationInput {
  paths: ArtifactPaths;
  allure: AllureRunInfo;
  html: boolean;
  signingKey?: string;
  /** recorded in the manifest and covered by its signature */
  runFacts: RunFacts;
  log: (line: string) => void;
}

export interface FinalizeResult {
  certification: Certification;
  coverage: Coverage;
  manifest: Manifest;
  htmlProblem?: string;
}

export async function finalizeRun(input: FinalizeInput): Promise<FinalizeResult> {
  const { paths } = input;
  mkdirSync(paths.reportsDir, { recursive: true });
  const coverage = computeCoverage(specFacts(), readExchanges(paths.runDir));
  writeFileSync(paths.coverageJson, `${JSON.stringify(coverage, null, 2)}\n`);
  writeFileSync(paths.coverageMd, renderCoverageMd(coverage));

  const certification = buildCertification(input);
  writeFileSync(paths.certificationJson, `${JSON.stringify(certification, null, 2)}\n`);
  writeFileSync(paths.certificationMd, renderCertificationMd(certification));

  // The reporter wrote its environment before the global setup knew the mock's URL: rewrite it.
  if (existsSync(paths.allureResults))
    new FileSystemWriter({ resultsDir: paths.allureResults }).writeEnvironmentInfo(environmentInfo(input.allure));

  let htmlProblem: string | undefined;
  if (input.html && existsSync(paths.allureResults)) {
    const started = Date.now();
    const r = await generateAllureReport({ resultsDir: paths.allureResults, outputDir: paths.allureReport, historyPath: paths.history });
    if (r.ok) input.log(`HTML report  ${r.message} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    else htmlProblem = r.message;
  }
  const summary = [
    `verdict ${verdictLine(certification)}`,
    `requirements: ${certification.totals.passed} passed, ${certification.totals.failed} failed, ${certification.totals.skipped} skipped, ${certification.totals.observed} observed`,
    `coverage: ${coverage.totals.exercised}/${coverage.totals.documented} documented combinations (${coverage.totals.percent} %)`,
    ...certification.errors.map((e) => `run problem (${e.kind}) ${e.source}: ${e.message}`),
    ...(htmlProblem ? [`HTML report not written: ${htmlProblem}`] : []),
  ];
  writeFileSync(paths.log, `${summary.join("\n")}\n`);
  const manifest = writeManifest(paths.reportsDir, input.signingKey, input.runFacts);
  const fingerprint = signingKeyFingerprint(input.signingKey);
  if (fingerprint) input.log(`manifest signed (ed25519), key fingerprint ${fingerprint}`);
  return { certification, coverage, manifest, htmlProblem };
}
