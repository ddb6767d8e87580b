// The standalone mock as a user meets it (bin/idme-mock.mjs): one JSON line and serving; or, for anything that
// keeps it from starting, exit 2 with one line on stderr saying why (README "The embedded mock on its own").
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer } from "node:net";
import { createInterface } from "node:readline";
import { afterAll, describe, expect, it } from "vitest";
import { packageRoot } from "../../lib/paths.js";
import { defaultFixtures } from "../fixtures.js";

const bin = join(packageRoot, "bin", "idme-mock.mjs");
const work = mkdtempSync(join(tmpdir(), "idme-mock-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const mock = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", timeout: 30_000 });

describe("idme-mock", () => {
  it("prints one JSON line with baseUrl and tokens, and serves", async () => {
    const child = spawn(process.execPath, [bin, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
    try {
      const line = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error("no output in 20 s")), 20_000);
        createInterface({ input: child.stdout! }).once("line", (l) => (clearTimeout(timer), resolve(l)));
        child.once("exit", (code) => reject(new Error(`exited ${code}`)));
      });
      const info = JSON.parse(line);
      expect(Object.keys(info.tokens).sort()).toEqual([...Object.keys(defaultFixtures().accounts)].sort());
      const res = await fetch(`${info.baseUrl}/health`, { signal: AbortSignal.timeout(5000) });
      expect(res.status).toBe(200);
    } finally {
      child.kill("SIGTERM");
    }
  });

  it("--help exits 0 and states the exit codes", () => {
    const r = mock(["--help"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Exit codes: 0 stopped by SIGINT or SIGTERM; 2 could not start/);
  });

  const fixtures = (name: string, text: string) => {
    writeFileSync(join(work, name), text);
    return join(work, name);
  };

  it.each([
    [["--bogus"], /^idme-mock: unknown option '--bogus' \(idme-mock --help lists the options\)$/],
    [["--port", "x"], /^idme-mock: option '--port <n>' argument 'x' is invalid\. give a port number 0–65535/],
    [["--faults", "nope"], /^idme-mock: unknown fault "nope" \(known: /],
    [["--fixtures", join(work, "nope.yaml")], /^idme-mock: fixtures .*nope\.yaml: file not found$/],
    [["--fixtures", fixtures("a5.json", '{"accounts": 5}')], /^idme-mock: fixtures .*a5\.json: accounts: must be object$/],
    [["--fixtures", fixtures("otp.yaml", "otp: {maxWrongCodes: x}")], /: otp\.maxWrongCodes: must be integer$/],
    [["--fixtures", fixtures("otpp.yaml", "otpp: {}")], /: otpp: unknown property \(did you mean "otp"\?\)/],
    [["--fixtures", fixtures("comma.json", '{"seed": 1,}')], /comma\.json: not valid JSON: /],
  ])("%j: exit 2, one line, nothing on stdout", (args, line) => {
    const r = mock(["--port", "0", ...args]);
    expect([r.status, r.stdout]).toEqual([2, ""]);
    expect(r.stderr.trim().split("\n")).toEqual([expect.stringMatching(line)]);
  });

  it("a port another process holds: exit 2, one line saying how to fix it", async () => {
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = holder.address() as { port: number };
      const r = spawn(process.execPath, [bin, "--port", String(port)], { stdio: ["ignore", "pipe", "pipe"] });
      let stderr = "";
      r.stderr.on("data", (d) => (stderr += d));
      const code = await new Promise((resolve) => r.once("exit", resolve));
      expect(code).toBe(2);
      expect(stderr.trim().split("\n")).toEqual([
        expect.stringMatching(/^idme-mock: listen EADDRINUSE: .*\(another process holds the port: give another --port/),
      ]);
    } finally {
      holder.close();
    }
  });
});
