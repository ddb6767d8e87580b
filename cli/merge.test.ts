/**
 * `--shard i/n` then `merge`: three shards of a run against a faulty embedded mock, merged, judge every
 * requirement as the unsharded run with the same seed, today and selection does (the faults fail
 * requirements on more than one shard). Plus the merges that must refuse (exit 2).
 */
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliCommand } from "../lib/cli-command.js";
import { packageRoot } from "../lib/paths.js";
import type { Certification } from "../reporting/certification.js";
import { shardAreas } from "../run/shards.js";
import { CannotRunError } from "./errors.js";
import { mergeCommand } from "./merge.js";
import { childEnv } from "../lib/process-env.js";

const work = mkdtempSync(join(tmpdir(), "idme-merge-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
// Four areas, one part or more on each shard (a whole run four times would load the machine that the
// fault batch shares with this file; the rate-limit area's windows are what a loaded machine blurs).
const selected = ["auth", "health", "input", "not-found"];
const common = [
  ...["--area", selected.join(","), "--seed", "42", "--today", "2026-06-15", "--no-html", "--quiet"],
  ...["--mock-faults", "unknown-id-200,otp-any-code-accepted"],
];

function cli(args: string[]): Promise<number | null> {
  return new Promise((done) => {
    const child = spawn(...cliCommand(args), {
      cwd: packageRoot,
      env: childEnv(),
      stdio: "ignore",
    });
    child.on("exit", (code) => done(code));
  });
}

const cert = (dir: string) => JSON.parse(readFileSync(join(dir, "certification.json"), "utf8")) as Certification;
/**
 * Per requirement: its result and level, and which tests judged it (what a certifier reads). Not each
 * test's verdict: against a faulty mock a few flip between two unsharded runs too (a timing).
 */
const verdicts = (c: Certification) =>
  Object.fromEntries(c.requirements.map((r) => [r.id, { result: r.result, level: r.level, tests: r.tests.map((t) => t.id).sort() }]));

const shardDir = (i: number) => join(work, `shard${i}`);
let codes: (number | null)[] = [];

beforeAll(async () => {
  // One after another: less load at once.
  codes = [await cli([...common, "--reports", join(work, "whole")])];
  for (const i of [1, 2, 3]) codes.push(await cli([...common, "--shard", `${i}/3`, "--reports", shardDir(i)]));
}, 240_000);

describe("three shards merged", () => {
  it("each shard runs only its areas, the rate-limit and webhook areas on one", () => {
    const areas = shardAreas(3);
    expect(areas.flat().sort()).toEqual([...new Set(areas.flat())].sort());
    expect(areas.filter((a) => a.includes("rate-limit") || a.includes("webhook"))).toHaveLength(1);
    for (const i of [1, 2, 3]) {
      const c = cert(shardDir(i));
      expect(c.facts.shard).toEqual({ index: i, count: 3 });
      const ran = new Set(c.requirements.filter((r) => r.result !== "not-selected").map((r) => r.area));
      expect([...ran].sort()).toEqual(areas[i - 1].filter((a) => selected.includes(a)));
      expect(ran.size).toBeGreaterThan(0);
    }
  });

  it("equal the unsharded run: every requirement's result, level and tests; the verdict and exit code", async () => {
    const lines: string[] = [];
    const code = await mergeCommand([1, 2, 3].map(shardDir), { reports: join(work, "merged"), html: false }, (l) => lines.push(l));
    const whole = cert(join(work, "whole"));
    const merged = cert(join(work, "merged"));
    expect(whole.verdict).toBe("non-conformant");
    expect(new Set(whole.failedMust.map((id) => id.split("-")[0])).size).toBeGreaterThan(1);
    expect(verdicts(merged)).toEqual(verdicts(whole));
    expect([merged.verdict, merged.failedMust, merged.totals.requirements]).toEqual([
      whole.verdict,
      whole.failedMust,
      whole.totals.requirements,
    ]);
    expect([code, codes[0]]).toEqual([1, 1]);
    expect(merged.facts.shard).toBeNull();
    expect(merged.facts.requests).toBe([1, 2, 3].reduce((n, i) => n + cert(shardDir(i)).facts.requests, 0));
    const junit = readFileSync(join(work, "merged", "junit.xml"), "utf8");
    expect(junit.match(/<testcase /g)?.length).toBe(readFileSync(join(work, "whole", "junit.xml"), "utf8").match(/<testcase /g)?.length);
    const coverage = (d: string) => JSON.parse(readFileSync(join(work, d, "coverage.json"), "utf8"));
    expect(coverage("merged").totals).toEqual(coverage("whole").totals);
    expect(JSON.parse(readFileSync(join(work, "merged", "manifest.json"), "utf8")).run.shard).toBeNull();
    expect(lines.at(-1)).toMatch(/^verdict: NON-CONFORMANT/);
  });

  it("refuses a missing shard, a shard given twice, another run's shard and a tampered one (exit 2)", async () => {
    const merge = (dirs: string[]) => mergeCommand(dirs, { reports: join(work, "refused"), html: false }, () => {});
    await expect(merge([shardDir(1), shardDir(3)])).rejects.toThrow(new CannotRunError("merge: missing shard(s) 2/3"));
    await expect(merge([shardDir(1), shardDir(1), shardDir(3)])).rejects.toThrow(/shard 1\/3 twice/);
    await expect(merge([shardDir(1), shardDir(2), join(work, "whole")])).rejects.toThrow(/its run had no --shard/);
    const other = join(work, "other3");
    cpSync(shardDir(3), other, { recursive: true });
    const c = cert(other);
    writeFileSync(join(other, "certification.json"), JSON.stringify({ ...c, facts: { ...c.facts, seed: 7 } }));
    await expect(merge([shardDir(1), shardDir(2), other])).rejects.toThrow(/certification\.json does not match its manifest/);
  });
});
