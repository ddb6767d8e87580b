/**
 * Builds the HTML report of a run from its Allure results with Allure Report 3, in this process (offline, ~2 s):
 * `index.html` (tests by operation, the front page) and `by-requirement.html`, each a single
 * self-contained file that opens from disk, plus Allure's `summary.json`.
 *
 * Allure writes into a staging folder from a config built for this run (reporting/allure-config.ts);
 * each view is then made safe offline (no analytics, a CSP: reporting/allure-offline.ts), its
 * data put before its code (reporting/allure-load-order.ts), given the verdict bar, checked, and
 * moved into the output folder. Allure's own summary page is dropped: its links point at folders.
 */
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { categories } from "./allure.js";
import { bannerHtml, injectBanner } from "./allure-banner.js";
import { allureConfig, API_TITLE, REPORT_VIEWS } from "./allure-config.js";
import { dataBeforeApp } from "./allure-load-order.js";
import { externalFetches, makeOffline } from "./allure-offline.js";
import { verdictHeadline, type VerdictInput } from "./allure-verdict.js";
import { packageRoot as projectRoot } from "../lib/paths.js";

export interface GenerateOptions {
  resultsDir: string;
  outputDir: string;
  historyPath: string;
  /** Runs kept in the history file (default 10: see reporting/README.md, "Open time"). */
  historyLimit?: number;
  /** The run's certification: its verdict heads every view. Without it the report shows none. */
  verdict?: VerdictInput;
  /** Files shown under "Global Attachments", e.g. certification.md. */
  globalAttachments?: string[];
  timeoutMs?: number;
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

export const DEFAULT_HISTORY_LIMIT = 10;

export async function generateAllureReport(o: GenerateOptions): Promise<GenerateResult> {
  const outputDir = resolve(o.outputDir);
  rmSync(outputDir, { recursive: true, force: true });
  mkdirSync(dirname(o.historyPath), { recursive: true });
  mkdirSync(dirname(outputDir), { recursive: true });
  // Beside the output folder (same file system), removed whatever happens.
  const staging = mkdtempSync(join(dirname(outputDir), ".allure-staging-"));
  try {
    const headline = o.verdict ? verdictHeadline(o.verdict) : undefined;
    const attachments = stageAttachments(staging, o.globalAttachments ?? []);
    const variables = { ...(headline?.variables ?? {}) };
    if (attachments.some((a) => a.endsWith("certification.md"))) variables["Every requirement"] = "certification.md, Global Attachments";
    const config = allureConfig({
      outputDir: join(staging, "out"),
      historyPath: resolve(o.historyPath),
      historyLimit: o.historyLimit ?? DEFAULT_HISTORY_LIMIT,
      title: headline ? `${headline.line} — ${API_TITLE}` : API_TITLE,
      variables,
      globalAttachments: attachments,
      categories,
    });
    const configPath = join(staging, "allurerc.json");
    writeFileSync(configPath, JSON.stringify(config, null, 2));
    const run = await generateInProcess(staging, configPath, resolve(o.resultsDir), o.timeoutMs);
    if (!run.ok) return { ok: false, message: run.message, files: [], removed: [] };
    return assemble(join(staging, "out"), outputDir, headline);
  } finally {
    rmSync(staging, { recursive: true, force: true });
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

function assemble(out: string, outputDir: string, headline: ReturnType<typeof verdictHeadline> | undefined): GenerateResult {
  mkdirSync(outputDir, { recursive: true });
  const files: string[] = [];
  const removed: string[] = [];
  for (const view of REPORT_VIEWS) {
    const source = join(out, view.id, "index.html");
    if (!existsSync(source)) return { ok: false, message: `allure generate wrote no ${view.id}/index.html`, files, removed };
    const offline = makeOffline(dataBeforeApp(readFileSync(source, "utf8")));
    const html = injectBanner(offline.html, bannerHtml(headline, [...REPORT_VIEWS], view.file));
    const left = externalFetches(html);
    // A report that would reach the network is not written at all.
    if (left.length) return { ok: false, message: `${view.file} would still fetch: ${left.slice(0, 3).join("; ")}`, files, removed };
    writeFileSync(join(outputDir, view.file), html);
    files.push(join(outputDir, view.file));
    removed.push(...offline.removed.map((r) => `${view.file}: ${r}`));
  }
  const summary = join(out, REPORT_VIEWS[0].id, "summary.json");
  if (existsSync(summary)) copyFileSync(summary, join(outputDir, "summary.json"));
  return { ok: true, message: files[0], files, removed };
}

/**
 * What `allure generate` does, in this process (the CLI's own start-up cost a second): Allure Report 3's
 * core reads the config and the results and runs the views' plugins. Bounded by `timeoutMs`.
 */
async function generateInProcess(
  cwd: string,
  configPath: string,
  resultsDir: string,
  timeoutMs = 60_000,
): Promise<{ ok: boolean; message: string }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<{ ok: boolean; message: string }>((done) => {
    timer = setTimeout(() => done({ ok: false, message: `allure generate took more than ${timeoutMs} ms` }), timeoutMs);
  });
  const work = (async () => {
    try {
      const { AllureReport, readConfig } = await import("@allurereport/core");
      const report = new AllureReport(await readConfig(cwd, configPath, {}));
      await report.start();
      await report.readDirectory(resultsDir);
      await report.done();
      return { ok: true, message: "" };
    } catch (e) {
      return { ok: false, message: `allure generate failed: ${String((e as Error)?.message ?? e).split("\n")[0]}` };
    }
  })();
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
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
