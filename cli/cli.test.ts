/** The CLI as a user meets it: exit 2 with one line on stderr, fast, for runs that cannot start. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync, appendFileSync, mkdirSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { packageRoot as projectRoot } from "../lib/paths.js";
import { writeManifest } from "../reporting/manifest.js";

const work = mkdtempSync(join(tmpdir(), "idme-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function cli(args: string[], env: Record<string, string> = {}) {
  const started = Date.now();
  const r = spawnSync(process.execPath, ["--import", "tsx", join(projectRoot, "cli", "main.ts"), ...args], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { ...r, seconds: (Date.now() - started) / 1000 };
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const oneLine = (s: string) => s.trim().split("\n");

describe("idme-conformance exit code 2", () => {
  it("reports a closed port in one line, within seconds, and writes no report", async () => {
    const port = await closedPort();
    const reports = join(work, "closed");
    const r = cli(["--target", `http://127.0.0.1:${port}`, "--reports", reports], { IDME_TOKEN_PRIMARY: "dummy-not-a-secret" });
    expect(r.status).toBe(2);
    expect(oneLine(r.stderr)).toEqual([`could not run: target unreachable: GET http://127.0.0.1:${port}/health: connection refused`]);
    expect(r.seconds).toBeLessThan(20); // tsx start-up dominates; the probe itself is bounded by 5 s
    expect(existsSync(reports)).toBe(false);
  });

  it("reports a bad profile in one line", () => {
    const profile = join(work, "bad.yaml");
    writeFileSync(profile, "name: broken\ncredentials: {}\n");
    const r = cli(["--profile", profile]);
    expect(r.status).toBe(2);
    expect(oneLine(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^could not run: profile .*bad\.yaml: .*primary/);
  });

  it("reports a missing credential variable named by the profile", () => {
    const r = cli(["--target", "http://127.0.0.1:1", "--profile", "profiles/sandbox.yaml"]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(
      "could not run: credential not set: the environment variable IDME_TOKEN_PRIMARY (role primary, named by profile idme-sandbox)",
    );
  });

  it("rejects an unknown flag and an unknown requirement id", () => {
    expect(cli(["--bogus"]).status).toBe(2);
    const r = cli(["--requirement", "NOPE-1"]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe("could not run: unknown requirement id(s): NOPE-1 (npm run conformance -- --list shows them)");
  });
});

describe("idme-conformance verify-manifest", () => {
  it("exits 0 for an intact run and 1 naming the tampered file", () => {
    const dir = join(work, "manifest");
    mkdirSync(dir);
    writeFileSync(join(dir, "junit.xml"), "<testsuites/>");
    writeFileSync(join(dir, "certification.json"), "{}");
    writeManifest(dir, undefined);
    const ok = cli(["verify-manifest", dir]);
    expect(ok.status).toBe(0);
    expect(ok.stdout.trim()).toBe("all 2 files verified, unsigned manifest");
    appendFileSync(join(dir, "junit.xml"), " ");
    const bad = cli(["verify-manifest", dir]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("modified: junit.xml");
  });
});
