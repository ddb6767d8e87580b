/**
 * Allure's own process (reporting/allure-engine.ts), as the compiled CLI uses it: it builds the same report as
 * Allure in this thread, gets none of the suite's variables, and a process that died or work that takes too long
 * is an answer with its reason, never a rejection or a hang. The compiled module is the one under test (the
 * process runs dist/reporting/allure-child.js): `npm test` builds dist/ first; skipped when it is stale.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { distIsFresh } from "../bin/sources-hash.mjs";
import { packageRoot } from "../lib/paths.js";
import { childEnv } from "../lib/process-env.js";
import { allureEnv } from "./allure-engine.js";
import { fixtureVerdict, writeFixtureResults } from "./allure-fixture.js";
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
      } finally {
        await engine.close();
      }
    },
    60_000,
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
