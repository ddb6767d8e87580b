/**
 * `npm run report:html [-- <reports dir>]`: rebuilds the HTML report of a finished run from its results.json
 * and certification.json (default reports/), as the conformance command does. History grows by one run each
 * time, as after a real run.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { generateAllureReport } from "./allure-generate.js";
import { allureResultFiles } from "./allure-results.js";
import type { Certification } from "./certification.js";
import { artifactPaths } from "./paths.js";
import type { RunResult } from "../run/results.js";

const paths = artifactPaths(resolve(process.argv[2] ?? "reports"));
for (const f of [paths.results, paths.certificationJson])
  if (!existsSync(f)) {
    process.stderr.write(`no ${f}: run the suite first (npm run conformance)\n`);
    process.exit(2);
  }
const certification = JSON.parse(readFileSync(paths.certificationJson, "utf8")) as Certification;
const result = JSON.parse(readFileSync(paths.results, "utf8")) as RunResult;
const started = Date.now();
const r = await generateAllureReport({
  results: { files: allureResultFiles(result, certification) },
  outputDir: paths.allureReport,
  historyPath: paths.history,
  verdict: certification,
  requirementsPage: { certification, tests: result.tests },
  globalAttachments: [paths.certificationMd],
});
for (const line of r.removed) process.stdout.write(`removed ${line}\n`);
process.stdout.write(
  r.ok ? `${r.files.join("\n")}\n(${((Date.now() - started) / 1000).toFixed(1)} s)\n` : `HTML report not written: ${r.message}\n`,
);
process.exit(r.ok ? 0 : 1);
