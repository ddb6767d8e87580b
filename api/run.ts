/**
 * Library API: `runConformance` — one run as `idme-conformance` performs it (same validation, same
 * reports), for a pipeline that acts on the result in code. Nothing is printed unless `log` is given;
 * a run that cannot start resolves with exit code 2 and the one-line problem, it does not throw.
 */
import { CannotRunError } from "../cli/errors.js";
import { parseRunOptions, type RawOptions } from "../cli/options.js";
import { runConformance as runOnce } from "../cli/run.js";
import { processEnv } from "../lib/process-env.js";
import type { Certification, ReqResult, RunVerdict } from "../reporting/certification.js";
import type { ArtifactPaths } from "../reporting/paths.js";

export type { Certification, ReqResult, RunVerdict } from "../reporting/certification.js";
export type { ArtifactPaths } from "../reporting/paths.js";

export interface ConformanceOptions {
  /** base URL of a foreign target; absent: the profile's baseUrl, else the embedded mock */
  target?: string;
  /** target profile file (YAML or JSON), relative to `cwd`; absent: the suite's mock or sandbox profile */
  profile?: string;
  /** only these areas (e.g. ["auth", "input"]) */
  areas?: readonly string[];
  /** only these requirement ids; adds to `areas` */
  requirements?: readonly string[];
  /** request budget (overrides the profile's requestBudget) */
  budget?: number;
  /** generator seed (default random; the certification records it) */
  seed?: number;
  /** the injected "today", YYYY-MM-DD (UTC) */
  today?: string;
  /** output folder, relative to `cwd` (default "reports") */
  reports?: string;
  /** embedded mock only: fault ids to apply */
  mockFaults?: readonly string[];
  /** embedded mock only: fixtures file (YAML or JSON) */
  mockFixtures?: string;
  /** part `index` of `count` (merge the parts with `idme-conformance merge`) */
  shard?: { index: number; count: number };
  /** also write the Allure HTML report (default false: it takes seconds) */
  html?: boolean;
  /** also write Allure's raw results, allure-results/, for other Allure tools (default false) */
  allureResults?: boolean;
  /** where the profile's credential variables are read (default: this process's environment) */
  env?: NodeJS.ProcessEnv;
  /** receives the console report (default: nothing is printed) */
  log?: (text: string) => void;
  /** aborting stops the run; the reports hold what was verified so far */
  signal?: AbortSignal;
  /** folder relative paths are resolved against (default process.cwd()) */
  cwd?: string;
}

export interface RequirementRow {
  id: string;
  level: "MUST" | "SHOULD" | "MAY";
  area: string;
  result: ReqResult;
  reason: string;
}

export interface ConformanceResult {
  /** 0 conformant within scope, 1 non-conformant, 2 could not run, 3 incomplete (as the CLI exits) */
  exitCode: 0 | 1 | 2 | 3;
  verdict: RunVerdict;
  /** one line, as certification.md opens */
  summary: string;
  /** every requirement of the registry with its result for this run */
  requirements: RequirementRow[];
  /** the whole certification summary (certification.json); absent when the run could not start */
  certification?: Certification;
  /** the artifacts written (certification.json/.md, junit.xml, coverage, manifest …); absent when the run could not start */
  artifacts?: ArtifactPaths;
  /** why the run could not start (exit code 2) */
  problem?: string;
}

const joined = (xs: readonly string[] | undefined) => (xs?.length ? xs.join(",") : undefined);
const text = (n: number | undefined) => (n === undefined ? undefined : String(n));

/** The options as the CLI's flags, so both are validated by the same code (cli/options.ts). */
function asFlags(o: ConformanceOptions): RawOptions {
  return {
    target: o.target,
    profile: o.profile,
    area: joined(o.areas),
    requirement: joined(o.requirements),
    budget: text(o.budget),
    seed: text(o.seed),
    today: o.today,
    reports: o.reports,
    mockFaults: joined(o.mockFaults),
    mockFixtures: o.mockFixtures,
    shard: o.shard ? `${o.shard.index}/${o.shard.count}` : undefined,
    html: o.html === true,
    allureResults: o.allureResults === true,
  };
}

export async function runConformance(options: ConformanceOptions = {}): Promise<ConformanceResult> {
  const log = options.log ?? (() => {});
  try {
    const { request, output } = parseRunOptions(asFlags(options), options.cwd);
    const run = await runOnce(request, output, {
      out: log,
      err: log,
      env: options.env ?? processEnv(),
      isTTY: false,
      signal: options.signal,
    });
    const c = run.certification;
    return {
      exitCode: run.code,
      verdict: c.verdict,
      summary: c.summary,
      requirements: c.requirements.map((r) => ({ id: r.id, level: r.level, area: r.area, result: r.result, reason: r.reason })),
      certification: c,
      artifacts: run.paths,
    };
  } catch (e) {
    if (!(e instanceof CannotRunError)) throw e;
    return { exitCode: 2, verdict: "could-not-run", summary: `could not run: ${e.message}`, requirements: [], problem: e.message };
  }
}
