/**
 * Runs the recipes' shell steps here, in order and with their env, the way GitHub's runner and
 * GitLab's do, against a stub `npx` (a fake suite that exits with STUB_EXIT and writes reports)
 * and a no-op `npm`. `uses:` steps are not run: only whether their `if:` let them run is kept.
 * This proves the exit-code handling and the outputs; it does not prove the real actions.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { condition, type ExprContext, interpolate } from "./github-expr.js";
import { childEnv } from "../lib/process-env.js";

type Json = Record<string, unknown>;
export interface StepRun {
  name: string;
  ran: boolean;
  code: number;
  output: string;
}
export interface StubCall {
  tool: "npx" | "npm";
  argv: string[];
  idme: string[];
}
export interface JobRun {
  ok: boolean;
  code: number;
  steps: StepRun[];
  outputs: Record<string, string>;
  /** each stub call: the tool, its argv, and the non-empty IDME_* variables it saw */
  calls: StubCall[];
  summary: string;
  cwd: string;
}

const VERDICTS = ["conformant", "non-conformant", "could-not-run", "incomplete"];

// Each stub call is logged with the names of the non-empty IDME_* variables it could see.
const LOG_CALL = (tool: string) => `const fs = require("fs"), path = require("path");
const argv = process.argv.slice(2);
const idme = Object.keys(process.env).filter((k) => k.startsWith("IDME_") && process.env[k]).sort();
fs.appendFileSync(process.env.STUB_LOG, JSON.stringify({ tool: "${tool}", argv, idme }) + "\\n");
`;

const STUB_NPX = `#!/usr/bin/env node
${LOG_CALL("npx")}const i = argv.indexOf("idme-conformance");
if (i < 0) process.exit(0);
const args = argv.slice(i + 1);
if (args[0] === "verify-manifest") process.exit(Number(process.env.STUB_VERIFY_EXIT || 0));
const code = Number(process.env.STUB_EXIT || 0);
const r = args.indexOf("--reports");
const dir = path.resolve(r >= 0 ? args[r + 1] : "reports");
if (code === 2) { console.error("could not run: stub says so"); process.exit(2); }
const verdict = ${JSON.stringify(VERDICTS)}[code];
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "certification.json"), JSON.stringify({ verdict, scope: {}, requirements: [] }));
fs.writeFileSync(path.join(dir, "certification.md"), "# Certification summary — " + verdict.toUpperCase() + "\\n");
fs.writeFileSync(path.join(dir, "junit.xml"), "<testsuites/>\\n");
process.exit(code);
`;

const roots: string[] = [];
/** Removes every folder the runs made (call it in afterAll: the assertions read them first). */
export function removeWorkspaces(): void {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
}

/** A fresh working folder beside the stub bin folder, the stub's call log and the step files. */
export function workspace(): { cwd: string; bin: string; log: string } {
  const root = mkdtempSync(join(tmpdir(), "ci-recipe-"));
  roots.push(root);
  const bin = join(root, "bin");
  const cwd = join(root, "work");
  mkdirSync(bin);
  mkdirSync(cwd);
  writeFileSync(join(bin, "npx"), STUB_NPX);
  writeFileSync(join(bin, "npm"), `#!/usr/bin/env node\n${LOG_CALL("npm")}`);
  chmodSync(join(bin, "npx"), 0o755);
  chmodSync(join(bin, "npm"), 0o755);
  return { cwd, bin, log: join(root, "npx.log") };
}

function sh(argv: string[], script: string, env: Record<string, string>, cwd: string) {
  const file = join(cwd, "..", `step-${Math.random().toString(36).slice(2)}.sh`);
  writeFileSync(file, script);
  const r = spawnSync(argv[0], [...argv.slice(1), file], { cwd, env, encoding: "utf8", timeout: 20_000 });
  return { code: r.status ?? 1, output: `${r.stdout}${r.stderr}` };
}

function parseOutputs(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!existsSync(file)) return out;
  const lines = readFileSync(file, "utf8").split("\n");
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([\w-]+)<<(.+)$/.exec(lines[i]);
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], i + 1);
      out[heredoc[1]] = lines.slice(i + 1, end).join("\n");
      i = end;
    } else if (lines[i].includes("=")) out[lines[i].slice(0, lines[i].indexOf("="))] = lines[i].slice(lines[i].indexOf("=") + 1);
  }
  return out;
}

export interface GithubRun {
  steps: Json[];
  /** contexts: github, inputs, matrix, secrets, vars, needs … */
  contexts: Json;
  /** env of the workflow and the job (may hold expressions), then of the caller (plain) */
  env?: Json;
  callerEnv?: Record<string, string>;
  defaultShell?: string;
  stub?: { exit?: number; verifyExit?: number };
  /** outputs of a composite action: name → `value` expression */
  outputs?: Record<string, { value: string }>;
}

/** Step keys this runner honours; any other (working-directory, continue-on-error …) is refused. */
const SIMULATED = new Set(["name", "id", "if", "uses", "with", "run", "shell", "env"]);

export function runGithubSteps(run: GithubRun): JobRun {
  const ws = workspace();
  const steps: Json = {};
  const ctx: ExprContext = { contexts: { ...run.contexts, steps, env: {} }, failed: false };
  const host = childEnv();
  const baseEnv: Record<string, string> = {
    PATH: `${ws.bin}:${host.PATH}`,
    HOME: host.HOME as string,
    STUB_LOG: ws.log,
    STUB_EXIT: String(run.stub?.exit ?? 0),
    STUB_VERIFY_EXIT: String(run.stub?.verifyExit ?? 0),
    GITHUB_WORKSPACE: ws.cwd,
    GITHUB_STEP_SUMMARY: join(ws.cwd, "..", "summary.md"),
    ...run.callerEnv,
  };
  const jobEnv: Record<string, string> = {};
  for (const [k, v] of Object.entries(run.env ?? {})) jobEnv[k] = interpolate(v, ctx);
  ctx.contexts.env = { ...jobEnv };
  const results: StepRun[] = [];
  for (const [n, step] of run.steps.entries()) {
    const name = String(step.name ?? step.uses ?? step.run ?? n);
    const unsupported = Object.keys(step).filter((k) => !SIMULATED.has(k));
    if (unsupported.length) throw new Error(`step '${name}': ${unsupported.join(", ")} not simulated here`);
    if (!condition(step.if, ctx)) {
      results.push({ name, ran: false, code: 0, output: "" });
      continue;
    }
    let code = 0;
    let output = "";
    let outputs: Record<string, string> = {};
    if (typeof step.run === "string") {
      const shell = String(step.shell ?? run.defaultShell ?? "");
      if (shell !== "bash") throw new Error(`step '${name}': shell '${shell}' is not bash`);
      const stepEnv: Record<string, string> = {};
      for (const [k, v] of Object.entries((step.env as Json) ?? {})) stepEnv[k] = interpolate(v, ctx);
      const outFile = join(ws.cwd, "..", `output-${n}`);
      const r = sh(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail"],
        step.run,
        { ...baseEnv, ...jobEnv, ...stepEnv, GITHUB_OUTPUT: outFile },
        ws.cwd,
      );
      ({ code, output } = r);
      outputs = parseOutputs(outFile);
    }
    if (typeof step.id === "string") steps[step.id] = { outputs, outcome: code ? "failure" : "success" };
    if (code !== 0) ctx.failed = true;
    results.push({ name, ran: true, code, output });
  }
  const outputs: Record<string, string> = {};
  for (const [k, o] of Object.entries(run.outputs ?? {})) outputs[k] = interpolate(o.value, ctx);
  return finish(ws, results, outputs, !ctx.failed);
}

function finish(ws: ReturnType<typeof workspace>, steps: StepRun[], outputs: Record<string, string>, ok: boolean): JobRun {
  const calls = existsSync(ws.log)
    ? readFileSync(ws.log, "utf8")
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l) as StubCall)
    : [];
  const summaryFile = join(ws.cwd, "..", "summary.md");
  const summary = existsSync(summaryFile) ? readFileSync(summaryFile, "utf8") : "";
  const code = steps.find((s) => s.code !== 0)?.code ?? 0;
  return { ok, code, steps, outputs, calls, summary, cwd: ws.cwd };
}

/** A GitLab job with `extends` resolved (hashes merged deeply, everything else replaced). */
export function gitlabJob(doc: Json, name: string): Json {
  const job = doc[name] as Json;
  const parents = ([] as string[]).concat((job.extends as string | string[] | undefined) ?? []);
  const merge = (a: Json, b: Json): Json => {
    const out: Json = { ...a };
    for (const [k, v] of Object.entries(b)) {
      const isHash = (x: unknown) => x && typeof x === "object" && !Array.isArray(x);
      out[k] = isHash(v) && isHash(out[k]) ? merge(out[k] as Json, v as Json) : v;
    }
    return out;
  };
  const base = parents.reduce<Json>((acc, p) => merge(acc, gitlabJob(doc, p)), {});
  const { extends: _, ...own } = job;
  return merge(base, own);
}

/** Runs a GitLab job's script as the runner does: one shell, `set -e`, in the project folder. */
export function runGitlabJob(job: Json, opts: { shell: "sh" | "bash"; variables?: Record<string, string>; exit?: number }): JobRun {
  const ws = workspace();
  const host = childEnv();
  const env: Record<string, string> = {
    PATH: `${ws.bin}:${host.PATH}`,
    HOME: host.HOME as string,
    STUB_LOG: ws.log,
    STUB_EXIT: String(opts.exit ?? 0),
    CI_PROJECT_DIR: ws.cwd,
  };
  const expand = (v: string) => v.replace(/\$\{?(\w+)\}?/g, (_, k: string) => env[k] ?? "");
  for (const [k, v] of Object.entries({ ...(job.variables as Record<string, string>), ...opts.variables })) env[k] = expand(String(v));
  const lines = (key: string) =>
    ([] as unknown[])
      .concat(job[key] ?? [])
      .flat(Number.POSITIVE_INFINITY)
      .map(String);
  const prelude = opts.shell === "bash" ? "set -eo pipefail\n" : "set -e\n";
  const main = sh([opts.shell], prelude + [...lines("before_script"), ...lines("script")].join("\n"), env, ws.cwd);
  const after = sh([opts.shell], lines("after_script").join("\n"), env, ws.cwd);
  const steps = [
    { name: "script", ran: true, ...main },
    { name: "after_script", ran: true, ...after, code: 0 }, // its exit code never fails a job
  ];
  return finish(ws, steps, {}, main.code === 0);
}
