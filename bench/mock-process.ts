/**
 * Starts the mock (mock/cli.ts) in a child process of its own, so its memory can be measured
 * apart from the load generator: `node --import tsx` keeps it ONE process (the tsx binary would
 * fork a second one and the pid would not be the server's).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = join(fileURLToPath(new URL(".", import.meta.url)), "..");

export interface MockProcess {
  baseUrl: string;
  tokens: Record<string, string>;
  pid: number;
  /** current resident set, kB (VmRSS) */
  rssKb(): number;
  /** peak resident set since start, kB (VmHWM) */
  peakRssKb(): number;
  close(): Promise<void>;
}

export function procStatusKb(pid: number, field: "VmRSS" | "VmHWM"): number {
  const m = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  if (!m) throw new Error(`no ${field} in /proc/${pid}/status`);
  return Number(m[1]);
}

export async function startMockProcess(extraArgs: string[] = [], startTimeoutMs = 20_000): Promise<MockProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", join(projectRoot, "mock", "cli.ts"), "--port", "0", ...extraArgs],
    {
      cwd: projectRoot,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stderr = "";
  child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
  const line = await new Promise<string>((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`mock did not start within ${startTimeoutMs} ms: ${stderr}`));
    }, startTimeoutMs);
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const nl = out.indexOf("\n");
      if (nl >= 0) {
        clearTimeout(timer);
        resolve(out.slice(0, nl));
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`mock exited with ${code} before printing its URL: ${stderr}`));
    });
  });
  const { baseUrl, tokens } = JSON.parse(line) as { baseUrl: string; tokens: Record<string, string> };
  const pid = child.pid!;
  return {
    baseUrl,
    tokens,
    pid,
    rssKb: () => procStatusKb(pid, "VmRSS"),
    peakRssKb: () => procStatusKb(pid, "VmHWM"),
    close: () => stopChild(child),
  };
}

/** SIGTERM, then SIGKILL after 5 s: a benchmark never leaves a server behind. */
export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const hard = setTimeout(() => child.kill("SIGKILL"), 5000);
    child.once("exit", () => {
      clearTimeout(hard);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
