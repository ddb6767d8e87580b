/**
 * `npm run report:html [-- <reports dir>]`: rebuilds the HTML report of a finished run from its
 * allure-results, certification.json and results.json (default reports/), as the conformance command does.
 * History grows by one run each time, as after a real run.
 */
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { generateAllureReport } from "./allure-generate.js";
import type { Certification } from "./certification.js";
import { artifactPaths } from "./paths.js";
import type { RunResult } from "../run/results.js";

const paths = artifactPaths(resolve(process.argv[2] ?? "reports"));
if (!existsSync(paths.allureResults)) {
  process.stderr.write(`no Allure results in ${paths.allureResults}\n`);
  process.exit(2);
}
const verdict = existsSync(paths.certificationJson)
  ? (JSON.parse(readFileSync(paths.certificationJson, "utf8")) as Certification)
  : undefined;
const results = existsSync(paths.results) ? (JSON.parse(readFileSync(paths.results, "utf8")) as RunResult) : undefined;
const started = Date.now();
const r = await generateAllureReport({
  results: { dir: paths.allureResults },
  outputDir: paths.allureReport,
  historyPath: paths.history,
  verdict,
  ...(verdict && results ? { requirementsPage: { certification: verdict, tests: results.tests } } : {}),
  globalAttachments: [paths.certificationMd],
});
for (const line of r.removed) process.stdout.write(`removed ${line}\n`);
process.stdout.write(
  r.ok ? `${r.files.join("\n")}\n(${((Date.now() - started) / 1000).toFixed(1)} s)\n` : `HTML report not written: ${r.message}\n`,
);
process.exit(r.ok ? 0 : 1);
