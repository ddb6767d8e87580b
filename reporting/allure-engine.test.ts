/**
 * Allure's own process (reporting/allure-engine.ts), as the compiled CLI uses it: it builds the same report as
 * Allure in this thread, gets none of the suite's variables, and a process that died or work that takes too long
 * is an answer with its reason, never a rejection or a hang. The compiled module is the one under test (the
 * process runs dist/reporting/allure-child.js): `npm test` builds dist/ first; skipped when it is stale.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { distIsFresh } from "../bin/sources-hash.mjs";
import { packageRoot } from "../lib/paths.js";
import { childEnv } from "../lib/process-env.js";
import { allureEnv } from "./allure-engine.js";
import { exchangeOf } from "../lib/exchange-fixtures.js";
import { runResult } from "../lib/result-fixtures.js";
import { fixtureRun, fixtureVerdict, writeFixtureResults } from "./allure-fixture.js";
import { generateAllureReport } from "./allure-generate.js";

const dir = mkdtempSync(join(tmpdir(), "idme-allure-engine-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const compiled = async (): Promise<typeof import("./allure-engine.js")> =>
  import(join(packageRoot, "dist", "reporting", "allure-engine.js"));

describe("Allure's process", () => {
  it("gets the run's environment without the suite's variables", () => {
    const env = allureEnv({ PATH: "/bin", GITHUB_RUN_ID: "7", IDME_TOKEN_PRIMARY: "secret", idme_signing_key: "k" });
    expect(env).toEqual({ PATH: "/bin", GITHUB_RUN_ID: "7" });
  });

  it.skipIf(!distIsFresh(packageRoot))(
    "builds the report in its own process",
    async () => {
      const { allureProcess } = await compiled();
      const engine = allureProcess(childEnv());
      try {
        const results = join(dir, "results");
        writeFixtureResults(results);
        const r = await generateAllureReport({
          results: { dir: results },
          outputDir: join(dir, "report"),
          historyPath: join(dir, "history.jsonl"),
          verdict: fixtureVerdict(),
          engine,
        });
        expect(r.message).not.toMatch(/failed|exited|took more/);
        expect(r.ok).toBe(true);
        expect(existsSync(join(dir, "report", "index.html"))).toBe(true);
        // The run waits for its report now: at nice 19 a busy machine starved it past its timeout (allure-priority.ts).
        if (existsSync("/proc/self/autogroup")) expect(readFileSync(`/proc/${engine.pid}/autogroup`, "utf8")).toMatch(/ nice 0\b/);
      } finally {
        await engine.close();
      }
    },
    60_000,
  );

  it.skipIf(!distIsFresh(packageRoot))(
    "builds a report fed while the run lasts in its own process",
    async () => {
      const { allureProcess } = await compiled();
      const { LiveAllureReport } = (await import(
        join(packageRoot, "dist", "reporting", "allure-live.js")
      )) as typeof import("./allure-live.js");
      const engine = allureProcess(childEnv());
      try {
        const { certification, tests: plain } = fixtureRun();
        // One test with an exchange, fed as it ends; the others at the end.
        const x = exchangeOf({ status: 200, operationId: "getHealth", body: {} }).record;
        const tests = plain.map((t, i) => (i === 0 ? { ...t, outcome: { ...t.outcome, exchanges: [x] } } : t));
        const live = LiveAllureReport.start(engine, { outputDir: join(dir, "fed", "report"), historyPath: join(dir, "fed", "h.jsonl") });
        for (const t of tests) live.add(t);
        const fed = live.take(runResult(tests), certification);
        expect(fed).toBeDefined();
        const r = await generateAllureReport({
          results: { fed: fed! },
          outputDir: join(dir, "fed", "report"),
          historyPath: join(dir, "fed", "h.jsonl"),
          verdict: certification,
        });
        expect(r.message).not.toMatch(/failed|exited|took more/);
        expect(r.ok).toBe(true);
        expect(readFileSync(join(dir, "fed", "report", "index.html"), "utf8")).toMatch(/<title>\s*NON-CONFORMANT/);
        if (existsSync("/proc/self/autogroup")) expect(readFileSync(`/proc/${engine.pid}/autogroup`, "utf8")).toMatch(/ nice 0\b/);
      } finally {
        await engine.close();
      }
    },
    60_000,
  );

  // Linux's autogroup shares the CPU between sessions first: the nice value of a process alone, in a session of
  // its own, would not lower it against the run (reporting/allure-engine.ts).
  it.skipIf(!distIsFresh(packageRoot) || !existsSync("/proc/self/autogroup"))(
    "runs at the lowest priority of its own session while the tests run, where the kernel groups by session",
    async () => {
      const { allureProcess } = await compiled();
      const engine = allureProcess(childEnv());
      try {
        expect(engine.pid).toBeGreaterThan(0);
        expect(readFileSync(`/proc/${engine.pid}/autogroup`, "utf8")).toMatch(/ nice 19\b/);
      } finally {
        await engine.close();
      }
    },
    30_000,
  );

  it.skipIf(!distIsFresh(packageRoot))(
    "answers with the reason when its process is gone, or the work takes too long",
    async () => {
      const { allureProcess } = await compiled();
      const slow = allureProcess(childEnv());
      const work = { cwd: dir, configPath: join(dir, "none.json"), results: { files: [] } };
      expect(await slow.run(work, 1)).toEqual({ ok: false, message: "allure generate took more than 1 ms" });
      await slow.close();
      const gone = await slow.run(work, 10_000);
      expect(gone.ok).toBe(false);
      expect(gone.message).toMatch(/^allure generate's process exited \(SIGKILL\)/);
    },
    30_000,
  );

  it.skipIf(!distIsFresh(packageRoot))(
    "never keeps the process that started it alive",
    () => {
      const engine = join(packageRoot, "dist", "reporting", "allure-engine.js");
      // A file, not `-e`: a process evaluating `-e` ends when the code does, whatever handles it holds.
      const script = join(dir, "starts-and-forgets.mjs");
      writeFileSync(script, `const { allureProcess } = await import(${JSON.stringify(pathToFileURL(engine).href)});\nallureProcess({});\n`);
      const r = spawnSync(process.execPath, [script], { env: childEnv(), timeout: 20_000 });
      expect(r.error).toBeUndefined();
      expect(r.status).toBe(0);
    },
    30_000,
  );
});
