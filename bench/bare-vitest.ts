/**
 * The yardstick of issue 11: a bare vitest run of 50 trivial tests in 5 files, timed on the same machine
 * in the same bench run as the full runs, so their ratio survives a loaded machine better than seconds do.
 * The files and a minimal config are generated into a temporary folder; vitest's own CLI runs them.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { projectRoot } from "./mock-process.js";
import { childEnv } from "../lib/process-env.js";

export interface BareRun {
  wallMs: number;
  exitCode: number | null;
}

/** The generated files: name → source. Globals, so the folder needs no node_modules to resolve "vitest". */
export function bareFiles(files = 5, testsPerFile = 10): Record<string, string> {
  const out: Record<string, string> = {
    "vitest.config.mjs": "export default { test: { globals: true, include: ['*.test.mjs'] } };\n",
  };
  for (let f = 1; f <= files; f++) {
    const tests = Array.from({ length: testsPerFile }, (_, i) => `  it("adds ${i}", () => expect(${i} + 1).toBe(${i + 1}));`);
    out[`trivial-${f}.test.mjs`] = `describe("file ${f}", () => {\n${tests.join("\n")}\n});\n`;
  }
  return out;
}

export async function timedBareVitest(): Promise<BareRun> {
  const dir = mkdtempSync(join(tmpdir(), "idme-bench-bare-"));
  try {
    for (const [name, text] of Object.entries(bareFiles())) writeFileSync(join(dir, name), text);
    const started = performance.now();
    const child = spawn(
      process.execPath,
      [join(projectRoot, "node_modules", "vitest", "vitest.mjs"), "run", "--root", dir, "--config", join(dir, "vitest.config.mjs")],
      { cwd: dir, env: childEnv({ CI: "1", NO_COLOR: "1" }), stdio: ["ignore", "ignore", "pipe"] },
    );
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const exitCode = await new Promise<number | null>((resolve) => child.on("close", resolve));
    if (exitCode !== 0) throw new Error(`bare vitest run exited ${exitCode}: ${stderr.slice(0, 500)}`);
    return { wallMs: Math.round(performance.now() - started), exitCode };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
