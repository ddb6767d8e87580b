/**
 * Builds the single-file Allure HTML report from a results folder with Allure Report 3
 * (offline, ~1–2 s). Runs the local `allure` binary directly (no npx resolution cost).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { packageRoot as projectRoot } from "../lib/paths.js";

export interface GenerateOptions {
  resultsDir: string;
  outputDir: string;
  historyPath: string;
  timeoutMs?: number;
}

export async function generateAllureReport(o: GenerateOptions): Promise<{ ok: boolean; message: string }> {
  const bin = join(projectRoot, "node_modules", "allure", "cli.js");
  const entry = existsSync(bin) ? bin : join(projectRoot, "node_modules", ".bin", "allure");
  rmSync(o.outputDir, { recursive: true, force: true });
  mkdirSync(dirname(o.historyPath), { recursive: true });
  const args = [entry, "generate", o.resultsDir, "--config", join(projectRoot, "allurerc.mjs"), "--output", o.outputDir];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: projectRoot,
      env: { ...sanitizedEnv(), IDME_ALLURE_HISTORY: o.historyPath, NO_COLOR: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), o.timeoutMs ?? 60_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      const html = join(o.outputDir, "index.html");
      resolve(
        code === 0 && existsSync(html)
          ? { ok: true, message: html }
          : { ok: false, message: `allure generate exited ${code}: ${out.trim().split("\n").slice(-3).join(" ")}` },
      );
    });
    child.on("error", (e) => {
      clearTimeout(timer);
      resolve({ ok: false, message: `allure generate could not start: ${e.message}` });
    });
  });
}

/** The child needs no credentials (a profile may name any variable): pass only the basics. */
function sanitizedEnv(): NodeJS.ProcessEnv {
  const keep = ["PATH", "HOME", "TMPDIR", "TMP", "TEMP", "LANG", "SYSTEMROOT"];
  return Object.fromEntries(keep.filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]]));
}
