/** The fixed names of the artifacts inside a reports folder. */
import { join } from "node:path";

export function artifactPaths(reportsDir: string) {
  return {
    reportsDir,
    allureResults: join(reportsDir, "allure-results"),
    allureReport: join(reportsDir, "allure-report"),
    // Kept outside the folders cleared per run, so Allure's history spans runs.
    history: join(reportsDir, "history", "allure-history.jsonl"),
    junit: join(reportsDir, "junit.xml"),
    coverageMd: join(reportsDir, "coverage.md"),
    coverageJson: join(reportsDir, "coverage.json"),
    certificationJson: join(reportsDir, "certification.json"),
    certificationMd: join(reportsDir, "certification.md"),
    /** every test's outcome with its redacted exchanges: what `merge` and `diff` read */
    results: join(reportsDir, "results.json"),
    /** the decision record the reports link to, copied so the folder stands on its own */
    decisions: join(reportsDir, "decisions.md"),
    manifest: join(reportsDir, "manifest.json"),
    vitestLog: join(reportsDir, "vitest.log"),
  };
}
export type ArtifactPaths = ReturnType<typeof artifactPaths>;

/** The folders an older run's artifacts are moved into while they are deleted (cli/clear-artifacts.ts); never listed in a manifest. */
export const ASIDE_PREFIX = ".old-run-";

/**
 * Allure's working folder of an HTML report being built (reporting/allure-generate.ts; a fed report's lasts the whole
 * run: reporting/allure-live.ts), removed once the report is written; never listed in a manifest, and one a killed
 * run left behind is removed by the next run (cli/clear-artifacts.ts).
 */
export const STAGING_PREFIX = ".allure-staging-";

/** Every artifact a run writes (cleared before a run, so nothing of an older run is mistaken for this one's). */
export function runArtifacts(p: ArtifactPaths): string[] {
  return [
    p.allureResults,
    p.allureReport,
    p.junit,
    p.coverageMd,
    p.coverageJson,
    p.certificationJson,
    p.certificationMd,
    p.results,
    p.decisions,
    p.manifest,
    p.vitestLog,
  ];
}
