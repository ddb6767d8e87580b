// The standalone mock as a user meets it (bin/idme-mock.mjs): one JSON line and serving; or, for a fixtures file
// it cannot use, exit 2 with one line on stderr saying why.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

  const fixtures = (name: string, text: string) => {
    writeFileSync(join(work, name), text);
    return join(work, name);
  };

  it.each([
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
});
