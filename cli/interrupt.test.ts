/**
 * Ctrl-C as a terminal sends it: SIGINT to the whole process group, the CLI and the Allure process it started
 * (and SIGTERM, as a CI system's cancel sends it).
 * The run stops the tests not yet started, writes what it verified, says so and exits 3 (incomplete). Vitest's
 * own handler had ended the process 1 ms after the signal, with no report at all.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { cliCommand } from "../lib/cli-command.js";
import { packageRoot } from "../lib/paths.js";
import { childEnv } from "../lib/process-env.js";

const work = mkdtempSync(join(tmpdir(), "idme-interrupt-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it.skipIf(process.platform === "win32").concurrent.each(["SIGINT", "SIGTERM"] as const)(
  "writes the reports of what was verified when the process group gets %s, says so and exits 3",
  async (signal) => {
    const reports = join(work, signal);
    // The rate-limit area: its tests wait on the clock, so a run is under way for seconds at little CPU.
    const [command, args] = cliCommand(["--seed", "1", "--area", "rate-limit", "--reports", reports]);
    const child = spawn(command, args, { cwd: packageRoot, env: childEnv({ CI: "1" }), detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    let sent = false;
    const onData = (d: Buffer) => {
      output += d.toString();
      if (!sent && /✓/.test(output)) {
        sent = true;
        setTimeout(() => process.kill(-child.pid!, signal), 200);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    const code = await new Promise<number | null>((done) => child.on("close", done));

    expect(sent, output).toBe(true);
    expect(code, output).toBe(3);
    expect(output).toContain("stopping: ending the tests under way at their next request or wait, then writing what was verified so far");
    expect(output).toContain("interrupted: the reports hold what was verified until the stop");
    expect(output).toMatch(/verdict: INCOMPLETE/);
    expect(statSync(join(reports, "junit.xml")).size).toBeGreaterThan(0);
    expect(existsSync(join(reports, "allure-report", "index.html")), output).toBe(true);
    const results = JSON.parse(readFileSync(join(reports, "results.json"), "utf8")) as { interrupted: boolean };
    expect(results.interrupted).toBe(true);
  },
  60_000,
);
