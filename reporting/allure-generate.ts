/**
 * Builds the HTML report of a run, offline: `index.html`, Allure Report 3's tree of the tests by operation
 * (the front page, a single self-contained file that opens from disk, ~1.5–2 s in this process), Allure's
 * `summary.json`, and — given the certification — `by-requirement.html` (reporting/requirements-html.ts).
 *
 * Allure writes into a staging folder from a config built for this run (reporting/allure-config.ts);
 * its view is then made safe offline (no analytics, a CSP: reporting/allure-offline.ts), its
 * data put before its code (reporting/allure-load-order.ts), given the verdict bar, checked, and
 * moved into the output folder. Allure's own summary page is dropped: its links point at folders.
 */
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { categories } from "./allure.js";
import { bannerHtml, injectBanner } from "./allure-banner.js";
import { ALLURE_VIEW, allureConfig, API_TITLE, REPORT_PAGES } from "./allure-config.js";
import { embeddedJson } from "./allure-embedded.js";
import { dataBeforeApp } from "./allure-load-order.js";
import { externalFetches, makeOffline } from "./allure-offline.js";
import { setPayloadsAside } from "./html-payloads.js";
import { verdictHeadline, type VerdictInput } from "./allure-verdict.js";
import type { Certification } from "./certification.js";
import { renderRequirementsPage } from "./requirements-html.js";
import { packageRoot as projectRoot } from "../lib/paths.js";
import { STAGING_PREFIX } from "./paths.js";
import type { TestResult } from "../run/results.js";
import type { ResultFileOut } from "./allure-results.js";
import { type AllureEngine, inThisThread } from "./allure-engine.js";
import type { FedReport } from "./allure-live.js";

export interface GenerateOptions {
  /**
   * Where the Allure results are: a folder, the files themselves (a run's, from memory: no second read from disk),
   * or a report fed with them while the run lasted (its engine is the fed one's).
   */
  results: { dir: string } | { files: readonly ResultFileOut[] } | { fed: FedReport };
  outputDir: string;
  historyPath: string;
  /** Runs kept in the history file (default 10: see reporting/README.md, "Open time"). */
  historyLimit?: number;
  /** The run's certification: its verdict heads every page. Without it the report shows none. */
  verdict?: VerdictInput;
  /** The certification and the tests it judged: given them, the report gets its page by requirement. */
  requirementsPage?: { certification: Certification; tests: readonly TestResult[] };
  /** Files shown under "Global Attachments", e.g. certification.md. */
  globalAttachments?: string[];
  timeoutMs?: number;
  /** Where Allure runs: the process a run started for it (reporting/allure-engine.ts); this thread when absent. */
  engine?: AllureEngine;
}

export interface GenerateResult {
  ok: boolean;
  /** The front page's path, or what went wrong. */
  message: string;
  /** The HTML files written. */
  files: string[];
  /** What was stripped from Allure's output (the analytics tags), for the log. */
  removed: string[];
}

/** Five runs: each kept run adds ~1.5 MB to the report and ~0.1 s to building it (reporting/README.md, "History"). */
export const DEFAULT_HISTORY_LIMIT = 5;

/** Allure's staging folder of one report, beside its output folder (the same file system), and its config there. */
export interface AllureStage {
  dir: string;
  configPath: string;
  /** Where Allure writes. */
  out: string;
}

/** The title (the verdict's line, when there is one) and the variables of a report. */
function heading(verdict: VerdictInput | undefined, attachments: readonly string[]) {
  const headline = verdict ? verdictHeadline(verdict) : undefined;
  const variables = { ...(headline?.variables ?? {}) };
  if (attachments.some((a) => a.endsWith("certification.md"))) variables["Every requirement"] = "certification.md, Global Attachments";
  return { headline, title: headline ? `${headline.line} — ${API_TITLE}` : API_TITLE, variables };
}

/** Makes the staging folder of a report that goes to `outputDir` (and the history's folder). */
export function makeStage(outputDir: string, historyPath: string): AllureStage {
  mkdirSync(dirname(historyPath), { recursive: true });
  mkdirSync(dirname(outputDir), { recursive: true });
  const dir = mkdtempSync(join(dirname(outputDir), STAGING_PREFIX));
  return { dir, configPath: join(dir, "allurerc.json"), out: join(dir, "out") };
}

/** Writes Allure's config of one report into its staging folder; `globalAttachments` relative to that folder. */
export function writeAllureConfig(
  stage: AllureStage,
  o: { historyPath: string; historyLimit?: number; title: string; variables: Record<string, string>; globalAttachments: string[] },
): void {
  const config = allureConfig({
    outputDir: stage.out,
    historyPath: resolve(o.historyPath),
    historyLimit: o.historyLimit ?? DEFAULT_HISTORY_LIMIT,
    title: o.title,
    variables: o.variables,
    globalAttachments: o.globalAttachments,
    categories,
  });
  writeFileSync(stage.configPath, JSON.stringify(config, null, 2));
}

export async function generateAllureReport(o: GenerateOptions): Promise<GenerateResult> {
  const outputDir = resolve(o.outputDir);
  rmSync(outputDir, { recursive: true, force: true });
  if ("fed" in o.results) return finishFed(o.results.fed, outputDir, o);
  const stage = makeStage(outputDir, o.historyPath);
  try {
    const attachments = stageAttachments(stage.dir, o.globalAttachments ?? []);
    const { headline, title, variables } = heading(o.verdict, attachments);
    writeAllureConfig(stage, { ...o, title, variables, globalAttachments: attachments });
    const work = { cwd: stage.dir, configPath: stage.configPath, results: o.results };
    const run = await (o.engine ?? inThisThread).run(work, o.timeoutMs ?? 60_000);
    if (!run.ok) return { ok: false, message: run.message, files: [], removed: [] };
    return assemble(stage.out, outputDir, headline, o.requirementsPage);
  } finally {
    rmSync(stage.dir, { recursive: true, force: true });
  }
}

/** A report fed while the run lasted (reporting/allure-live.ts): it gets its verdict and is built. */
async function finishFed(fed: FedReport, outputDir: string, o: GenerateOptions): Promise<GenerateResult> {
  try {
    const attachments = stageAttachments(fed.stage.dir, o.globalAttachments ?? []);
    const { headline, title, variables } = heading(o.verdict, attachments);
    const finish = {
      live: "finish" as const,
      id: fed.id,
      title,
      variables,
      files: fed.late,
      globalAttachments: attachments.map((a) => join(fed.stage.dir, a)),
    };
    const run = await fed.engine.run(finish, o.timeoutMs ?? 60_000);
    if (!run.ok) return { ok: false, message: run.message, files: [], removed: [] };
    return assemble(fed.stage.out, outputDir, headline, o.requirementsPage);
  } finally {
    rmSync(fed.stage.dir, { recursive: true, force: true });
  }
}

/** Copies the files into the staging folder: Allure globs the names, and a path may hold glob characters. */
function stageAttachments(staging: string, files: string[]): string[] {
  const dir = join(staging, "attachments");
  mkdirSync(dir, { recursive: true });
  const names: string[] = [];
  for (const f of files) {
    if (!existsSync(f)) continue;
    const name = basename(f).replace(/[^\w.-]/g, "_");
    copyFileSync(f, join(dir, name));
    names.push(`attachments/${name}`);
  }
  return names;
}

function assemble(
  out: string,
  outputDir: string,
  headline: ReturnType<typeof verdictHeadline> | undefined,
  page: GenerateOptions["requirementsPage"],
): GenerateResult {
  mkdirSync(outputDir, { recursive: true });
  const view = ALLURE_VIEW;
  const pages = page ? [...REPORT_PAGES] : REPORT_PAGES.slice(0, 1);
  // Allure writes a lone plugin's files straight into its output folder, several plugins' into one folder each.
  const folder = [join(out, view.id), out].find((f) => existsSync(join(f, "index.html")));
  if (!folder) return { ok: false, message: "allure generate wrote no index.html", files: [], removed: [] };
  const source = join(folder, "index.html");
  // The passes read the markup only, and the payloads stay bytes (html-payloads.ts).
  const { skeleton, restore, restoreBytes } = setPayloadsAside(readFileSync(source));
  const offline = makeOffline(dataBeforeApp(skeleton));
  const marked = injectBanner(offline.html, bannerHtml(headline, pages, view.file));
  const left = externalFetches(marked, restore);
  // A report that would reach the network is not written at all.
  if (left.length) return { ok: false, message: `${view.file} would still fetch: ${left.slice(0, 3).join("; ")}`, files: [], removed: [] };
  const files = [join(outputDir, view.file)];
  writeFileSync(files[0], restoreBytes(marked));
  const removed = offline.removed.map((r) => `${view.file}: ${r}`);
  const summary = join(folder, "summary.json");
  if (existsSync(summary)) copyFileSync(summary, join(outputDir, "summary.json"));
  if (page) {
    const file = REPORT_PAGES[1].file;
    const allureIds = testResultIds(marked, restore);
    writeFileSync(join(outputDir, file), renderRequirementsPage({ ...page, allureIds, views: pages, file, frontPage: view.file }));
    files.push(join(outputDir, file));
  }
  return { ok: true, message: files[0], files, removed };
}

/** Each test's title → its test-result id in Allure's tree, for the links from the requirements page. */
function testResultIds(skeleton: string, restore: (text: string) => string): Map<string, string> {
  const entry = /d\("widgets\/tree\.json","[^"]*"\)/.exec(skeleton)?.[0];
  const tree =
    entry === undefined
      ? undefined
      : embeddedJson<{ leavesById?: Record<string, { nodeId: string; name: string }> }>(restore(entry), "widgets/tree.json");
  const ids = new Map<string, string>();
  const seen = new Set<string>();
  for (const leaf of Object.values(tree?.leavesById ?? {})) {
    // Two tests of one title in different files: neither is linked, rather than one to the wrong page.
    if (seen.has(leaf.name)) ids.delete(leaf.name);
    else ids.set(leaf.name, leaf.nodeId);
    seen.add(leaf.name);
  }
  return ids;
}

/** Runs the local `allure` CLI (no npx resolution cost) with only the basic environment. */
export function runAllureCli(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  timeoutMs = 60_000,
): Promise<{ ok: boolean; message: string }> {
  const bin = join(projectRoot, "node_modules", "allure", "cli.js");
  const entry = existsSync(bin) ? bin : join(projectRoot, "node_modules", ".bin", "allure");
  return new Promise((done) => {
    const child = spawn(process.execPath, [entry, ...args], {
      cwd,
      env: { ...sanitizedEnv(env), NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("close", (code) => {
      clearTimeout(timer);
      done(code === 0 ? { ok: true, message: "" } : { ok: false, message: `allure generate exited ${code}: ${lastLines(output)}` });
    });
    child.on("error", (e) => {
      clearTimeout(timer);
      done({ ok: false, message: `allure generate could not start: ${e.message}` });
    });
  });
}

const lastLines = (s: string) => s.trim().split("\n").slice(-3).join(" ");

/** The child needs no credentials (a profile may name any variable): pass only the basics. */
function sanitizedEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const keep = ["PATH", "HOME", "TMPDIR", "TMP", "TEMP", "LANG", "SYSTEMROOT"];
  return Object.fromEntries(keep.filter((k) => env[k] !== undefined).map((k) => [k, env[k]]));
}
