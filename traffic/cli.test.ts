/** One CLI smoke test per traffic command (and the run's --har), as a user meets them: exit codes, one verdict line. */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { faultsById } from "../faults/catalogue.js";
import { cliCommand } from "../lib/cli-command.js";
import { packageRoot } from "../lib/paths.js";
import { startMock } from "../mock/server.js";
import { writeHar } from "./har.js";
import { startProxy } from "./proxy.js";
import { sampleSession } from "./sample-client.js";
import { childEnv } from "../lib/process-env.js";

const work = mkdtempSync(join(tmpdir(), "idme-traffic-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const env = childEnv();

function cli(a: string[], timeout = 60_000) {
  return spawnSync(...cliCommand(a), { cwd: packageRoot, env, encoding: "utf8", timeout });
}
const lastLine = (s: string) => s.trim().split("\n").at(-1);

async function harOf(faults: string[], name: string): Promise<string> {
  const mock = await startMock({ faults: faultsById(faults) });
  const proxy = await startProxy({ upstream: mock.baseUrl });
  await sampleSession(proxy.url, mock.tokens.primary);
  const capture = await proxy.close();
  await mock.close();
  const path = join(work, name);
  writeFileSync(
    path,
    JSON.stringify(
      writeHar(
        capture.exchanges.map((x) => ({ record: x.record })),
        { name: "test", version: "1" },
      ),
    ),
  );
  return path;
}

describe("idme-conformance proxy", () => {
  it("forwards a client's session, writes the reports on SIGTERM and exits with the verdict's code", async () => {
    const mock = await startMock({ faults: faultsById(["errors-as-object"]) });
    const reports = join(work, "proxy");
    const child = spawn(
      ...cliCommand(["proxy", "--upstream", mock.baseUrl, "--listen", "127.0.0.1:0", "--reports", reports, "--no-html", "--quiet"]),
      {
        cwd: packageRoot,
        env,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no listening line: ${stdout} ${stderr}`)), 30_000);
        child.stdout.on("data", (d: Buffer) => {
          stdout += d;
          const m = /^proxy {4}(http:\/\/\S+) → /m.exec(stdout);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        });
      });
      await sampleSession(url, mock.tokens.primary);
      child.kill("SIGTERM");
      expect(await exited, stderr).toBe(1);
    } finally {
      child.kill("SIGKILL");
      await mock.close();
    }
    expect(lastLine(stdout)).toMatch(
      /^verdict: NON-CONFORMANT: 1 of \d+ MUST requirements the traffic exercised failed \(SCHEMA-01\) \(9 exchange\(s\) judged, 1 skipped\)$/,
    );
    expect(stderr).toContain("stopping: finishing the exchanges under way");
    expect(JSON.parse(readFileSync(join(reports, "certification.json"), "utf8")).verdict).toBe("non-conformant");
    expect(existsSync(join(reports, "manifest.json"))).toBe(true);
  }, 60_000);

  it("refuses a bad upstream in one line (exit 2)", () => {
    const r = cli(["proxy", "--upstream", "ftp://x"]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe("could not run: --upstream must be http(s): ftp://x");
  });
});

describe("idme-conformance judge", () => {
  it("judges a HAR of a faulty mock (exit 1) and says in one line what is wrong with a missing file (exit 2)", async () => {
    const har = await harOf(["result-not-results"], "faulty.har");
    const r = cli(["judge", har, "--reports", join(work, "judged"), "--no-html", "--quiet"]);
    expect(r.status, r.stderr).toBe(1);
    expect(lastLine(r.stdout)).toMatch(/^verdict: NON-CONFORMANT: .*\(TRANSACTION-04\)/);
    const missing = cli(["judge", join(work, "nope.har")]);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim()).toBe(`could not run: cannot read ${join(work, "nope.har")}: no such file`);
  }, 60_000);
});

describe("idme-conformance diff", () => {
  it("exit 1 when a requirement newly fails, with diff.md and diff.json; exit 2 for a folder that is no run", async () => {
    const [good, bad] = await Promise.all([harOf([], "good.har"), harOf(["errors-as-object"], "bad.har")]);
    expect(cli(["judge", good, "--reports", join(work, "good"), "--no-html", "--quiet"]).status).toBe(0);
    expect(cli(["judge", bad, "--reports", join(work, "bad"), "--no-html", "--quiet"]).status).toBe(1);
    const out = join(work, "diff");
    const r = cli(["diff", join(work, "good"), join(work, "bad"), "--out", out]);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toContain("newly failing: SCHEMA-01 (MUST) pass → fail");
    expect(lastLine(r.stdout)).toMatch(/^diff: REGRESSED: SCHEMA-01 newly failing /);
    expect(JSON.parse(readFileSync(join(out, "diff.json"), "utf8")).regressed).toBe(true);
    expect(readFileSync(join(out, "diff.md"), "utf8")).toContain("## Newly failing (1)");
    const none = cli(["diff", join(work, "good"), work]);
    expect(none.status).toBe(2);
    expect(none.stderr.trim()).toBe(
      `could not run: ${work} holds no certification.json: pass the --reports folder of a run, a proxy or a judge`,
    );
  }, 90_000);
});

describe("a reports folder that cannot be written", () => {
  it("is refused before proxy, judge or diff starts, in one line (exit 2)", () => {
    const file = join(work, "F");
    writeFileSync(file, "");
    const sub = join(file, "sub");
    const refused = (flag: string) =>
      `could not run: ${flag} ${sub} cannot be created: ${file} is a file, not a folder; name a folder you can write to`;
    for (const [args, flag] of [
      // Without the check the proxy listens until stopped: the timeout ends it.
      [["proxy", "--upstream", "http://127.0.0.1:1", "--listen", "127.0.0.1:0", "--reports", sub], "--reports"],
      [["judge", join(work, "nope.har"), "--reports", sub], "--reports"],
      [["diff", work, work, "--out", sub], "--out"],
    ] as const) {
      const r = cli([...args], 20_000);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr.trim()).toBe(refused(flag));
    }
  }, 90_000);
});

describe("idme-conformance --har FILE", () => {
  it("writes the run's exchanges as HAR, and checks the path before the run", () => {
    const har = join(work, "run.har");
    const r = cli(["--requirement", "HEALTH-01", "--no-html", "--quiet", "--reports", join(work, "run"), "--seed", "1", "--har", har]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain(`HAR of the run's `);
    expect(JSON.parse(readFileSync(har, "utf8")).log.entries.length).toBeGreaterThan(0);
    const bad = cli(["--requirement", "HEALTH-01", "--har", join(work, "no", "such", "x.har")]);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toBe(
      `could not run: --har: the folder ${join(work, "no", "such")} does not exist; create it or name a file in an existing folder`,
    );
  }, 60_000);
});
