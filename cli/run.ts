/**
 * The conformance command: validate, pre-flight, prepare the environment harness/config.ts
 * reads, run vitest's `conformance` project with our reporters, then write the artifacts.
 * Returns the exit code: 0 conformant, 1 non-conformant, 2 could not run.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { loadProfile, missingCredentialVariables, ProfileError, type Profile } from "../harness/profile.js";
import type { AllureRunInfo } from "../reporting/allure.js";
import { artifactPaths, projectRoot } from "../reporting/paths.js";
import { loadRegistry } from "../reporting/registry.js";
import { VitestLog } from "../reporting/vitest-log.js";
import { CannotRunError } from "./errors.js";
import { selectRequirements, testNamePattern } from "./filter.js";
import type { RunOptions } from "./options.js";
import { checkReachable } from "./preflight.js";

export interface RunIo {
  out: (line: string) => void;
  err: (line: string) => void;
}

export async function runConformance(o: RunOptions, io: RunIo): Promise<0 | 1 | 2> {
  const registry = loadRegistry();
  const selected = selectRequirements(registry, o.areas, o.requirements);
  if (selected && selected.size === 0) throw new CannotRunError("the filter selects no requirement");

  let profile: Profile;
  const profilePath = o.profile ?? join(projectRoot, "profiles", "mock.yaml");
  try {
    profile = loadProfile(profilePath);
  } catch (e) {
    if (e instanceof ProfileError) throw new CannotRunError(e.message);
    throw e;
  }
  const target = o.target ?? profile.baseUrl;
  if (target) {
    if (o.mockFaults.length) throw new CannotRunError("--mock-faults applies to the embedded mock only; this profile names a baseUrl");
    const missing = missingCredentialVariables(profile);
    if (missing.length)
      throw new CannotRunError(`credential environment variable(s) not set: ${missing.join(", ")} (named by profile ${profile.name})`);
    await checkReachable(target.replace(/\/+$/, ""));
  }

  // Heavy modules load only once the checks above passed: exit 2 stays fast.
  const [
    { default: AllureVitestReporter },
    { startVitest },
    { categories, environmentInfo, runListener },
    { exitCodeOf, verdictLine },
    { CollectorReporter },
    { finalizeRun },
    { ProgressReporter },
    { specSha256 },
    { runFacts },
  ] = await Promise.all([
    import("allure-vitest/reporter"),
    import("vitest/node"),
    import("../reporting/allure.js"),
    import("../reporting/certification.js"),
    import("../reporting/collector.js"),
    import("../reporting/finalize.js"),
    import("../reporting/progress.js"),
    import("../reporting/spec-facts.js"),
    import("../reporting/manifest.js"),
  ]);

  const paths = artifactPaths(o.reportsDir);
  for (const p of [
    paths.runDir,
    paths.allureResults,
    paths.allureReport,
    paths.junit,
    paths.coverageJson,
    paths.coverageMd,
    paths.certificationJson,
    paths.certificationMd,
    paths.manifest,
    paths.log,
    paths.vitestLog,
  ]) {
    rmSync(p, { recursive: true, force: true, maxRetries: 3, retryDelay: 100 });
  }
  mkdirSync(paths.runDir, { recursive: true });

  const seed = o.seed ?? Math.floor(Math.random() * 2 ** 31);
  const today = o.today ?? new Date().toISOString().slice(0, 10);
  const env = process.env;
  if (o.target) env.IDME_BASE_URL = o.target;
  else delete env.IDME_BASE_URL;
  env.IDME_PROFILE = profilePath;
  env.IDME_SEED = String(seed);
  env.IDME_TODAY = today;
  env.IDME_RUN_DIR = paths.runDir;
  if (o.budget !== undefined) env.IDME_BUDGET = String(o.budget);
  if (o.mockFaults.length) env.IDME_MOCK_FAULTS = o.mockFaults.join(",");
  if (selected) env.IDME_REQUIREMENTS = [...selected].sort().join(",");
  io.out(`seed ${seed} (replay with --seed ${seed}) · today ${today} · profile ${profile.name} · target ${target ?? "embedded mock"}`);

  const pkg = JSON.parse(readFileSync(join(projectRoot, "package.json"), "utf8")) as { name: string; version: string };
  const specHash = specSha256();
  const allureInfo = (): AllureRunInfo => ({
    baseUrl: env.IDME_BASE_URL ?? target ?? "embedded mock",
    profile: profile.name,
    seed: String(seed),
    suiteVersion: pkg.version,
    specSha256: specHash,
  });
  const collector = new CollectorReporter(projectRoot);
  const allure = new AllureVitestReporter({
    resultsDir: paths.allureResults,
    environmentInfo: environmentInfo(allureInfo()),
    categories,
    listeners: [runListener(allureInfo, collector.skipNotes)],
  });

  const vitestLog = new VitestLog();
  try {
    const vitest = await startVitest(
      "test",
      [],
      {
        root: projectRoot,
        config: join(projectRoot, "vitest.config.ts"),
        project: ["conformance"],
        run: true,
        watch: false,
        passWithNoTests: true,
        testNamePattern: selected ? testNamePattern(selected) : undefined,
        reporters: [
          new ProgressReporter({ quiet: o.quiet }),
          allure,
          collector,
          ["junit", { outputFile: paths.junit, suiteName: "ID.me Services API v2 conformance" }],
        ],
      },
      undefined,
      { stdout: vitestLog.stream, stderr: vitestLog.stream },
    );
    await vitest?.close();
  } catch (e) {
    throw new CannotRunError(`suite defect: vitest could not run: ${firstLineOf(e)}`);
  }
  writeFileSync(paths.vitestLog, vitestLog.content);
  // An error outside any test and module (e.g. the global setup threw) reaches no reporter.
  const outside = vitestLog.firstError();
  if (outside && collector.runErrors.length === 0) collector.runErrors.push({ kind: "unhandled", source: "vitest", message: outside });

  const { certification, htmlProblem } = await finalizeRun({
    registry,
    tests: collector.tests,
    runErrors: collector.runErrors,
    selected,
    meta: {
      suite: { name: pkg.name, version: pkg.version },
      specSha256: specHash,
      target: env.IDME_BASE_URL ?? target ?? "embedded mock",
      profile: profile.name,
      seed,
      today,
      date: new Date().toISOString(),
      filter: selected ? { areas: o.areas, requirements: o.requirements } : null,
    },
    paths,
    allure: allureInfo(),
    html: o.html,
    signingKey: env.IDME_SIGNING_KEY || undefined,
    runFacts: runFacts({
      suite: pkg,
      suiteRoot: projectRoot,
      specSha256: specHash,
      profile: { name: profile.name, path: profilePath },
      target, // the flag or the profile's baseUrl; undefined: the embedded mock (IDME_BASE_URL then names the mock's port)
      mockFaults: o.mockFaults,
      seed,
      today,
      now: new Date(),
    }),
    log: io.out,
  });

  const rel = (p: string) => (relative(process.cwd(), p).startsWith("..") ? p : relative(process.cwd(), p) || ".");
  const c = certification;
  io.out(`requirements: ${c.totals.passed} passed, ${c.totals.failed} failed, ${c.totals.skipped} skipped, ${c.totals.observed} observed`);
  for (const w of c.warnings) io.out(`warning ${w.id} (${w.level}): ${w.reason}`);
  if (htmlProblem) io.err(`HTML report not written: ${htmlProblem}`);
  io.out(
    `reports in ${rel(o.reportsDir)}/ (certification.md, coverage.md, junit.xml${o.html && !htmlProblem ? ", allure-report/index.html" : ""}, manifest.json)`,
  );
  const code = exitCodeOf(c);
  if (code === 2) {
    const first = c.errors[0];
    io.err(
      first
        ? `could not run: ${first.kind} ${first.source}: ${first.message}${c.errors.length > 1 ? ` (+${c.errors.length - 1} more, see certification.md)` : ""}`
        : "could not run: no test ran",
    );
  }
  io.out(`verdict: ${verdictLine(c)}`);
  return code;
}

function firstLineOf(e: unknown): string {
  return String((e as Error)?.message ?? e).split("\n")[0];
}
