/**
 * Prism's mock of the same spec, for a side-by-side throughput comparison. Started with the
 * binary itself (not npx) so the pid we kill is the server's.
 */
import { spawn } from "node:child_process";
import { createServer, type AddressInfo } from "node:net";
import { join } from "node:path";
import { projectRoot, stopChild } from "./mock-process.js";

export interface PrismProcess {
  baseUrl: string;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, "127.0.0.1", () => r()));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

export async function startPrism(startTimeoutMs = 60_000): Promise<PrismProcess> {
  const port = await freePort();
  const child = spawn(
    join(projectRoot, "node_modules", ".bin", "prism"),
    ["mock", join(projectRoot, "openapi", "services-v2.yaml"), "-h", "127.0.0.1", "-p", String(port), "--errors", "false"],
    {
      cwd: projectRoot,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let log = "";
  child.stdout.on("data", (d: Buffer) => (log += d.toString()));
  child.stderr.on("data", (d: Buffer) => (log += d.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const close = () => stopChild(child);
  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`prism exited with ${child.exitCode}: ${log.slice(-800)}`);
    try {
      const res = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(1000) });
      await res.body?.cancel();
      return { baseUrl, close };
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  await close();
  throw new Error(`prism did not answer within ${startTimeoutMs} ms: ${log.slice(-800)}`);
}
