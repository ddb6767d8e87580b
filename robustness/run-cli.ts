/**
 * Runs the conformance CLI in its own process group with a hard wall-clock limit: a hang
 * becomes a result (timedOut) instead of a stuck test, and nothing it started survives.
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { childEnv } from "../lib/process-env.js";
import { cliCommand } from "../lib/cli-command.js";

export const projectRoot = join(fileURLToPath(new URL(".", import.meta.url)), "..");

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  ms: number;
  stdout: string;
  stderr: string;
}

/** The child sees only PATH, HOME and `env` (lib/process-env.ts): nothing of this process's environment changes the run. */
export function runCli(args: string[], opts: { env?: Record<string, string>; hardLimitMs: number }): Promise<CliResult> {
  const started = performance.now();
  const child = spawn(...cliCommand(args), {
    cwd: projectRoot,
    env: childEnv(opts.env),
    detached: true, // own process group: the kill below reaches vitest's workers too
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  let timedOut = false;
  const killGroup = () => {
    try {
      if (child.pid) process.kill(-child.pid, "SIGKILL");
    } catch {
      /* already gone */
    }
  };
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup();
  }, opts.hardLimitMs);
  return new Promise((resolve) => {
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      killGroup(); // stragglers of a finished run (none expected)
      resolve({ code, signal, timedOut, ms: Math.round(performance.now() - started), stdout, stderr });
    });
  });
}
