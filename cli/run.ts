/**
 * Defines `runConformance`: one run as the command (and the library API) performs it — build the plan,
 * run the suite through the launcher with the console and Allure attached, write every report, and return
 * the exit code with the certification: 0 conformant within scope, 1 non-conformant, 2 could not run,
 * 3 incomplete.
 */
import { relative } from "node:path";
import { Writable } from "node:stream";
import { stripVTControlCharacters } from "node:util";
import { type Certification, exitCodeOf } from "../reporting/certification.js";
import { ConsoleReport } from "../reporting/console.js";
import { foundViolation } from "../reporting/failure-text.js";
import { type AllureEngine, startAllureEngine } from "../reporting/allure-engine.js";
import { writeReports } from "../reporting/finalize.js";
import { type ArtifactPaths, artifactPaths, runArtifacts } from "../reporting/paths.js";
import { buildPlan, PlanError, type PlanRequest, type RunPlan } from "../run/plan.js";
import { PreflightError } from "../run/preflight.js";
import type { RunResult } from "../run/results.js";
import { clearArtifacts } from "./clear-artifacts.js";
import { shardAreas } from "../run/shards.js";
import { CannotRunError } from "./errors.js";
import type { OutputOptions } from "./options.js";
import { checkReportsFolder } from "./reports-folder.js";
import { feedHtmlReport, preloadReportWriters } from "../reporting/report-modules.js";

export interface RunIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  /** a terminal on stderr: a live progress line */
  isTTY: boolean;
  signal?: AbortSignal;
  readStdin?: () => string;
  /** Allure's process, already loading (the CLI starts it as soon as it knows a report is wanted; the run ends it); else the run starts one */
  allureEngine?: AllureEngine;
}

export interface ConformanceRun {
  code: 0 | 1 | 2 | 3;
  certification: Certification;
  paths: ArtifactPaths;
}

function banner(plan: RunPlan, baseUrlHint: string): string[] {
  const p = plan.profile;
  const lines = [
    `target   ${baseUrlHint}`,
    `profile  ${p.profile.name} — ${p.path === "-" ? "(standard input)" : p.path} (sha256 ${p.sha256})`,
    `seed ${plan.seed} (replay with --seed ${plan.seed}) · today ${plan.today} · budget ${plan.budget} requests${plan.shard ? ` · shard ${plan.shard.index}/${plan.shard.count}` : ""}`,
  ];
  if (plan.shard)
    lines.push(
      `shard    ${plan.shard.index}/${plan.shard.count}: areas ${shardAreas(plan.shard.count)[plan.shard.index - 1].join(", ")} (merge the parts with \`idme-conformance merge\`)`,
    );
  if (plan.selection)
    lines.push(
      `selection ${[...plan.selection.areas.map((a) => `area ${a}`), ...plan.selection.requirements].join(", ")} (${plan.selection.ids.length} requirements)`,
    );
  if (plan.ignoredVariables.length)
    lines.push(`note     the embedded mock uses its own credentials; ignored from your environment: ${plan.ignoredVariables.join(", ")}`);
  if (plan.missingCredentials.length)
    lines.push(
      `note     roles without a credential (their tests are not verified): ${plan.missingCredentials.map((r) => `${r} (${plan.profile.profile.credentials[r]})`).join(", ")}`,
    );
  return lines;
}

function targetLine(plan: RunPlan): string {
  if (plan.target.kind === "url") return plan.target.baseUrl;
  const faults = plan.target.faults.map((f) => f.id);
  return `embedded mock${faults.length ? ` with faults ${faults.join(", ")}` : ""}${plan.target.fixturesPath ? ` (fixtures ${plan.target.fixturesPath})` : ""}`;
}

/** Keeps vitest's own output out of the console (it goes to vitest.log). */
function logCapture(): { stream: Writable; text: () => string } {
  let text = "";
  return {
    stream: new Writable({
      write: (chunk, _enc, done) => {
        text += stripVTControlCharacters(String(chunk));
        done();
      },
    }),
    text: () => text,
  };
}

/**
 * How to run a failure's curl line of an embedded-mock run: its curl lines name the run's port, which is gone once
 * it ends, and variables the reader does not have. The same mock on that port prints the token of each role.
 */
function reproduceLine(plan: RunPlan, result: RunResult, rel: (p: string) => string): string[] {
  if (plan.target.kind !== "embedded-mock" || !result.tests.some(foundViolation)) return [];
  const port = new URL(result.baseUrl).port;
  const faults = plan.target.faults.length ? ` --faults ${plan.target.faults.map((f) => f.id).join(",")}` : "";
  const fixtures = plan.target.fixturesPath ? ` --fixtures ${rel(plan.target.fixturesPath)}` : "";
  return [
    `to run a failure's curl line: npx idme-mock --port ${port}${faults}${fixtures} — it prints each role's token; export it as the line's variable (e.g. IDME_TOKEN_PRIMARY). A request that uses an id from an earlier answer needs that request first.`,
  ];
}

export async function runConformance(request: PlanRequest, output: OutputOptions, io: RunIo): Promise<ConformanceRun> {
  let plan: RunPlan;
  try {
    plan = buildPlan(request, io.env, io.readStdin);
  } catch (e) {
    throw e instanceof PlanError ? new CannotRunError(e.message) : e;
  }
  // The launcher (vitest, vite and the mock's fastify, ~0.1 s of CPU) loads once there is a plan to run.
  const launcher = import("../run/launcher.js");
  launcher.catch(() => {}); // awaited where the run starts
  checkReportsFolder(plan.reportsDir, "--reports");
  const paths = artifactPaths(plan.reportsDir);
  const live = io.isTTY && !io.env.CI;
  const console = new ConsoleReport({ quiet: output.quiet, color: live && !io.env.NO_COLOR, live, out: io.out, err: io.err });
  console.banner(banner(plan, targetLine(plan)));

  // An older run's artifacts must never pass for this one's: moved aside now, deleted once the new ones are written.
  const cleared = clearArtifacts(runArtifacts(paths), paths.reportsDir);
  const log = logCapture();
  let result: RunResult;
  // Allure's own process (reporting/allure-engine.ts), ended with the run.
  const allureEngine = output.html ? (io.allureEngine ?? startAllureEngine(io.env)) : undefined;
  // The report writers load from the first test result on (reporting/report-modules.ts).
  let writersLoading = false;
  const feed = allureEngine ? feedHtmlReport(allureEngine, { outputDir: paths.allureReport, historyPath: paths.history }) : undefined;
  try {
    const { runSuite } = await launcher;
    result = await runSuite(plan, {
      onTest: (_p, t) => {
        if (!writersLoading) {
          writersLoading = true;
          preloadReportWriters(output);
        }
        feed?.add(t);
        console.onTest(t);
      },
      onFiles: (done, total) => console.onFiles(done, total),
      signal: io.signal,
      vitestOutput: log.stream,
    });
  } catch (e) {
    await cleared.remove();
    (await feed?.report())?.drop();
    await allureEngine?.close();
    if (e instanceof PreflightError) throw new CannotRunError(e.message);
    throw new CannotRunError(`suite defect: the launcher failed: ${String((e as Error)?.message ?? e).split("\n")[0]}`);
  }
  let reports: Awaited<ReturnType<typeof writeReports>>;
  let notCleared: Error | undefined;
  const liveReport = await feed?.report();
  try {
    reports = await writeReports({
      plan,
      result,
      paths,
      html: output.html,
      allureResults: output.allureResults,
      vitestLog: log.text(),
      ...(allureEngine ? { allureEngine } : {}),
      ...(liveReport ? { liveReport } : {}),
    });
  } finally {
    liveReport?.drop();
    notCleared = await cleared.remove();
    await allureEngine?.close();
  }
  if (notCleared) throw new CannotRunError(`the older run's artifacts could not be deleted: ${notCleared.message}`);
  const rel = (p: string) => (relative(process.cwd(), p).startsWith("..") ? p : relative(process.cwd(), p) || ".");
  const extra = [
    ...(result.interrupted ? ["interrupted: the reports hold what was verified until the stop"] : []),
    ...reproduceLine(plan, result, rel),
    ...(reports.htmlProblem ? [`HTML report not written: ${reports.htmlProblem}`] : []),
    ...(reports.manifest.signature
      ? [
          `manifest signed (${reports.manifest.signature.algorithm})${reports.signerFingerprint ? `, key fingerprint ${reports.signerFingerprint}` : ""}`,
        ]
      : ["manifest unsigned: integrity only (set IDME_SIGNING_KEY to sign it)"]),
    `reports in ${rel(paths.reportsDir)}/ (certification.md, junit.xml, coverage.md${output.html && !reports.htmlProblem ? `, allure-report/index.html in ${reports.htmlSeconds?.toFixed(1)} s` : ""}, manifest.json)`,
  ];
  console.summary(result, reports.certification, extra);
  const c = reports.certification;
  if (c.verdict === "could-not-run") {
    const why = c.errors[0]
      ? `${c.errors[0].kind} ${c.errors[0].source}: ${c.errors[0].message}`
      : (result.tests.find((t) => t.outcome.reason)?.outcome.reason ?? "no test could judge the target");
    io.err(`could not run: ${why}\n`);
  }
  return { code: exitCodeOf(reports.certification.verdict), certification: reports.certification, paths };
}
