/** Project root and the fixed names of the artifacts inside a reports folder. */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..");

export function artifactPaths(reportsDir: string) {
  return {
    reportsDir,
    runDir: join(reportsDir, ".run"),
    allureResults: join(reportsDir, "allure-results"),
    allureReport: join(reportsDir, "allure-report"),
    // Kept outside the folders cleared per run, so Allure's history spans runs.
    history: join(reportsDir, "history", "allure-history.jsonl"),
    junit: join(reportsDir, "junit.xml"),
    coverageMd: join(reportsDir, "coverage.md"),
    coverageJson: join(reportsDir, "coverage.json"),
    certificationJson: join(reportsDir, "certification.json"),
    certificationMd: join(reportsDir, "certification.md"),
    manifest: join(reportsDir, "manifest.json"),
    log: join(reportsDir, "run.log"),
    vitestLog: join(reportsDir, "vitest.log"),
  };
}
export type ArtifactPaths = ReturnType<typeof artifactPaths>;
