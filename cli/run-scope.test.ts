/**
 * Issue 10, "the run must not mislead": runs in-process (runConformance with its io), small selections so
 * each costs about a second. A caller's variables never replace the embedded mock's credentials; a wrong
 * credential stops the run before any test (exit 2, naming the role and its variable); a foreign target
 * without a profile gets the cautious sandbox profile; a partial run or one without a MUST is never 0.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMock, type RunningMock } from "../mock/server.js";
import { testTimeoutMs } from "../run/launcher.js";
import { buildPlan } from "../run/plan.js";
import { loadProfile, mockProfilePath, type Role, sandboxProfilePath } from "../run/profile.js";
import { CannotRunError } from "./errors.js";
import { type RunIo, runConformance } from "./run.js";

const work = mkdtempSync(join(tmpdir(), "idme-scope-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function io(env: NodeJS.ProcessEnv = {}): RunIo & { text: () => string } {
  let text = "";
  const add = (s: string) => {
    text += s;
  };
  return { out: add, err: add, env, isTTY: false, text: () => text };
}

const output = { html: false, quiet: true };

describe("the embedded mock ignores the caller's credentials", () => {
  it("a wrong IDME_TOKEN_PRIMARY in the shell is ignored, the banner says so, and the run stays conformant", async () => {
    const console = io({ IDME_TOKEN_PRIMARY: "wrong-token-from-the-shell" });
    const run = await runConformance({ requirements: ["AUTH-01"], reportsDir: join(work, "ignored") }, output, console);
    expect(console.text()).toMatch(/ignored from your environment: IDME_TOKEN_PRIMARY/);
    expect(run.certification.verdict).toBe("conformant");
    expect(run.code).toBe(0);
  });
});

describe("Allure's raw results", () => {
  it("are written only with --allure-results, and then hold a result for every test", async () => {
    const without = join(work, "no-allure-results");
    await runConformance({ requirements: ["AUTH-01"], reportsDir: without }, output, io());
    expect(existsSync(join(without, "allure-results"))).toBe(false);
    const withThem = join(work, "allure-results");
    const run = await runConformance({ requirements: ["AUTH-01"], reportsDir: withThem }, { ...output, allureResults: true }, io());
    const results = readdirSync(join(withThem, "allure-results")).filter((f) => f.endsWith("-result.json"));
    expect(results).toHaveLength(run.certification.requirements.flatMap((r) => r.tests).length);
  });
});

describe("pre-flight: each role's credential is what the profile says", () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock();
  });
  afterAll(() => mock.close());

  const profile = mockProfilePath;
  // The mock profile's variables (role → IDME_TOKEN_…) set to this mock's own tokens.
  const goodEnv = (): Record<string, string> => {
    const { credentials, rateLimitedPool = [] } = loadProfile(mockProfilePath).profile;
    const env: Record<string, string> = {};
    for (const [role, variable] of Object.entries(credentials)) env[variable as string] = mock.tokens[role as Role];
    const accounts: Record<string, string> = mock.tokens; // the pool: rateLimited2, rateLimited3, … in order
    for (const [i, variable] of rateLimitedPool.entries()) env[variable] = accounts[`rateLimited${i + 2}`] ?? "";
    return env;
  };

  it("a token the target does not know ends the run with exit 2 before any test, naming the role and its variable", async () => {
    const reportsDir = join(work, "preflight");
    const env = { ...goodEnv(), IDME_TOKEN_SECONDARY: "not-a-token-the-target-knows" };
    const run = runConformance({ target: mock.baseUrl, profile, requirements: ["AUTH-01"], reportsDir }, output, io(env));
    await expect(run).rejects.toThrow(CannotRunError);
    await expect(run).rejects.toThrow(/^credential rejected: role secondary \(IDME_TOKEN_SECONDARY\): the target answered 401 1100/);
    expect(existsSync(join(reportsDir, "junit.xml"))).toBe(false);
    expect(existsSync(join(reportsDir, "certification.json"))).toBe(false);
  });

  it("an inactive account's token given for an active role is refused the same way", async () => {
    // The inactiveAccount role left out: one token for both would stop the plan first (run/shared-credentials.ts).
    const { IDME_TOKEN_INACTIVE_ACCOUNT: inactive, ...others } = goodEnv();
    const env = { ...others, IDME_TOKEN_PRIMARY: inactive };
    const run = runConformance(
      { target: mock.baseUrl, profile, requirements: ["AUTH-01"], reportsDir: join(work, "inactive") },
      output,
      io(env),
    );
    await expect(run).rejects.toThrow(/^credential refused: role primary \(IDME_TOKEN_PRIMARY\): the target answered 401 1200/);
  });

  it("with the right tokens the same run passes", async () => {
    const run = await runConformance(
      { target: mock.baseUrl, profile, requirements: ["AUTH-01"], reportsDir: join(work, "good") },
      output,
      io(goodEnv()),
    );
    expect(run.code).toBe(0);
  });
});

describe("a foreign target without --profile", () => {
  it("gets the cautious sandbox profile, named with its SHA-256 in the banner", () => {
    const plan = buildPlan({ target: "https://services.idmelabs.com", reportsDir: join(work, "sandbox") }, { IDME_TOKEN_PRIMARY: "x" });
    expect(plan.profile.path).toBe(sandboxProfilePath);
    expect(plan.profile.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(plan.profile.profile.strict.exactMessages).toBe(false);
  });
});

describe("partial runs are never exit 0", () => {
  it("a budget that skips MUST requirements in scope makes the run incomplete (exit 3)", async () => {
    const run = await runConformance({ areas: ["auth"], budget: 5, reportsDir: join(work, "budget") }, output, io());
    expect(run.certification.verdict).toBe("incomplete");
    expect(run.code).toBe(3);
    expect(run.certification.notVerifiedMust.length).toBeGreaterThan(0);
  });

  it("a scope that holds no MUST requirement is no verdict (exit 3)", async () => {
    const console = io();
    const run = await runConformance({ requirements: ["RATE-04"], reportsDir: join(work, "open-only") }, output, console);
    expect(run.code).toBe(3);
    expect(console.text()).toMatch(/the scope holds no MUST requirement — no verdict/);
    expect(console.text()).not.toMatch(/\bCONFORMANT\b/);
  });
});

describe("the test timeout follows the profile", () => {
  it("outlasts the sandbox profile's request deadline, so a slow target gets the client's diagnosis", () => {
    const sandbox = loadProfile(sandboxProfilePath).profile;
    expect(testTimeoutMs(sandbox)).toBeGreaterThan(2 * sandbox.timeouts.requestMs);
    const slower = { ...sandbox, timeouts: { ...sandbox.timeouts, requestMs: 120_000 } };
    expect(testTimeoutMs(slower)).toBeGreaterThan(240_000);
  });
});
