/**
 * `idme-conformance merge <shard folders…> --reports <dir>`: the shards of one run (`--shard i/n`) as one
 * set of reports — JUnit, certification, coverage, manifest (and the HTML report) — with the verdict and
 * exit code an unsharded run would have. A folder that is not a shard of the same run: exit 2.
 */
import { resolve } from "node:path";
import type { Command } from "commander";
import { artifactPaths, runArtifacts } from "../reporting/paths.js";
import { suiteFacts } from "../run/suite-facts.js";
import { rmSync } from "node:fs";
import { CannotRunError } from "./errors.js";
import { checkReportsFolder } from "./reports-folder.js";

export interface MergeOptions {
  reports: string;
  html: boolean;
  signingKey?: string;
}

export async function mergeCommand(dirs: readonly string[], o: MergeOptions, out: (line: string) => void): Promise<0 | 1 | 2 | 3> {
  // The reports' modules load with the command, not with every start of the CLI (~0.2 s).
  const [{ MergeError, mergeShards }, { writeReportsOf }, { exitCodeOf }] = await Promise.all([
    import("../reporting/merge.js"),
    import("../reporting/finalize.js"),
    import("../reporting/certification.js"),
  ]);
  checkReportsFolder(resolve(o.reports), "--reports");
  let merged: ReturnType<typeof mergeShards>;
  try {
    merged = mergeShards(
      dirs.map((d) => resolve(d)),
      suiteFacts().version,
    );
  } catch (e) {
    throw e instanceof MergeError ? new CannotRunError(`merge: ${e.message}`) : e;
  }
  const paths = artifactPaths(resolve(o.reports));
  if (dirs.some((d) => resolve(d) === paths.reportsDir))
    throw new CannotRunError("merge: --reports must not be one of the shards' folders");
  for (const p of runArtifacts(paths)) rmSync(p, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
  const reports = await writeReportsOf({ ...merged, signingKey: o.signingKey, paths, html: o.html });
  const c = reports.certification;
  out(
    `merged ${dirs.length} shards: ${c.totals.tests.pass + c.totals.tests.observed} of ${merged.result.tests.length} tests passed or observed`,
  );
  if (reports.htmlProblem) out(`HTML report not written: ${reports.htmlProblem}`);
  out(`reports in ${paths.reportsDir}/ (certification.md, junit.xml, coverage.md, manifest.json)`);
  out(`verdict: ${c.summary}`);
  return exitCodeOf(c.verdict);
}

export function registerMergeCommand(program: Command, exit: (code: number) => void, signingKey: () => string | undefined): void {
  program
    .command("merge")
    .description(
      "merge the reports folders of the shards of one run (--shard i/n, same seed, today and profile) into one: JUnit, certification, coverage, manifest; exit code as the unsharded run",
    )
    .argument("<dirs...>", "the shards' reports folders, one per shard")
    .option("--reports <dir>", "output folder", "reports")
    .option("--no-html", "skip the HTML report (faster)")
    .action(async (dirs: string[], opts: { reports: string; html: boolean }) => {
      const code = await mergeCommand(dirs, { reports: opts.reports, html: opts.html, signingKey: signingKey() }, (l) => console.log(l));
      exit(code);
    });
}
