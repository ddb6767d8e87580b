/**
 * The CLI against broken targets: every run ends within a hard limit, never hangs or crashes,
 * and says why — exit 2 with a one-line reason when the target cannot be talked to, or a
 * failing verdict whose messages name what was wrong (HTML, the byte count, a timeout).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { requirements } from "../generated/requirements.js";
import { badTargets, HUGE_BODY_BYTES, type BadTarget, type BadTargetName } from "./bad-targets.js";
import { projectRoot, runCli, type CliResult } from "./run-cli.js";

const HARD_LIMIT_MS = 90_000; // a hung run would take minutes (slow-drip: 400 s) or forever
const profile = join(projectRoot, "robustness", "profiles", "short-timeouts.yaml");
// A few requirements keep each run short: the health check, and one secured operation per
// endpoint (AUTH-05 sends a made-up secret, so the dummy credential is never the point).
const known = new Set(Object.keys(requirements));
const pick = (ids: string[]) => ids.filter((id) => known.has(id)).join(",");
const SMALL = pick(["HEALTH-01", "HEALTH-02", "AUTH-05"]);
const HEALTH_ONLY = pick(["HEALTH-01", "HEALTH-02"]);

interface Case {
  name: BadTargetName;
  exit: 1 | 2;
  /** what stderr (exit 2) or the failure messages (exit 1) must say */
  says: RegExp;
  /** requirement ids to run (default SMALL) */
  requirements?: string;
  /** CLI runs at once against the same server: a race shows up more often under concurrency */
  parallel?: number;
}

const cases: Case[] = [
  { name: "closed-port", exit: 2, says: /target unreachable: .*connection refused/ },
  { name: "never-answers", exit: 2, says: /target unreachable: .*no answer within/ },
  // Six runs at once: a reset at connect time once left fetch unsettled and the CLI exited 0, silently.
  { name: "reset", exit: 2, says: /target unreachable: .*(ECONNRESET|socket|reset|no answer within)/i, parallel: 6 },
  { name: "garbage", exit: 2, says: /target unreachable: .*(HPE_|parse|invalid)/i },
  // The wrong base URL (a web server, a login gateway): the pre-flight says so, instead of 35 failed requirements.
  { name: "html", exit: 2, says: /does not look like the Services API: .*an HTML page \(200, text\/html\)/ },
  { name: "redirect", exit: 2, says: /does not look like the Services API: .*a redirect \(302\)/ },
  { name: "huge-body", exit: 1, says: new RegExp(`${HUGE_BODY_BYTES} bytes`) },
  // Headers at once, body one byte per 200 ms: the request deadline turns it into an unreachable target.
  // Every request waits for the 3 s deadline, so only the two health requests.
  { name: "slow-drip", exit: 2, says: /no answer within|timeout/i, requirements: HEALTH_ONLY },
];

const tmpDirs: string[] = [];
afterAll(() => {
  for (const d of tmpDirs) rmSync(d, { recursive: true, force: true });
});

async function runAgainst(target: BadTarget, requirementIds: string): Promise<{ run: CliResult; messages: string }> {
  const reports = mkdtempSync(join(tmpdir(), `idme-robust-${target.name}-`));
  tmpDirs.push(reports);
  const run = await runCli(
    [
      "--target",
      target.baseUrl,
      "--profile",
      profile,
      "--requirement",
      requirementIds,
      "--budget",
      "100",
      "--no-html",
      "--quiet",
      "--reports",
      reports,
      "--seed",
      "1",
    ],
    { env: { IDME_ROBUSTNESS_TOKEN: Buffer.from("robustness-dummy-secret").toString("base64") }, hardLimitMs: HARD_LIMIT_MS },
  );
  let messages = "";
  try {
    const cert = JSON.parse(readFileSync(join(reports, "certification.json"), "utf8")) as {
      requirements: { tests: { message?: string }[] }[];
      errors: { message: string }[];
    };
    messages = [...cert.requirements.flatMap((r) => r.tests.map((t) => t.message ?? "")), ...cert.errors.map((e) => e.message)].join("\n");
  } catch {
    /* pre-flight failures write no certification */
  }
  try {
    messages += `\n${readFileSync(join(reports, "junit.xml"), "utf8")}`; // the full failure texts (expected / received)
  } catch {
    /* nor a JUnit file */
  }
  return { run, messages };
}

describe.concurrent("the CLI against a broken target", () => {
  it.for(cases)("$name: ends in bounded time with exit $exit", { timeout: HARD_LIMIT_MS + 10_000 }, async (c) => {
    const target = await badTargets[c.name]();
    try {
      const runs = await Promise.all(Array.from({ length: c.parallel ?? 1 }, () => runAgainst(target, c.requirements ?? SMALL)));
      for (const { run, messages } of runs) judge(c, run, messages);
    } finally {
      await target.close();
    }
  });
});

function judge(c: Case, run: CliResult, messages: string): void {
  const context = `exit ${run.code} signal ${run.signal} after ${run.ms} ms\nstderr: ${run.stderr}\nstdout tail: ${run.stdout.slice(-1500)}`;
  expect(run.timedOut, context).toBe(false);
  expect(run.code, context).toBe(c.exit);
  expect(run.stderr, context).not.toMatch(/Unhandled|TypeError|ReferenceError|at .*\.ts:\d+/);
  if (c.exit === 2) {
    // one reason line, naming the cause
    expect(
      run.stderr
        .trim()
        .split("\n")
        .filter((l) => l.startsWith("could not run")).length,
      context,
    ).toBeGreaterThanOrEqual(1);
    expect(run.stderr + messages, context).toMatch(c.says);
  } else {
    expect(messages, context).toMatch(c.says);
    expect(run.stdout, context).toMatch(/verdict: NON-CONFORMANT/);
  }
}
