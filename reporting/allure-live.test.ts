// The HTML report fed while the run lasts (reporting/allure-live.ts) is the report built from scratch: the same
// embedded files (but for Allure's ids and times), the verdict as its title and variables, the certification as
// a global attachment. A run whose results changed after it (the premises block a test) is built from scratch,
// and a fed report dropped leaves no staging folder behind.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { exchangeOf } from "../lib/exchange-fixtures.js";
import { facts, finding, runResult, testResult } from "../lib/result-fixtures.js";
import { loadProfile, mockProfilePath } from "../run/profile.js";
import type { TestResult } from "../run/results.js";
import { inThisThread } from "./allure-engine.js";
import { generateAllureReport } from "./allure-generate.js";
import { LiveAllureReport } from "./allure-live.js";
import { allureResultFiles } from "./allure-results.js";
import { buildCertification } from "./certification.js";
import { STAGING_PREFIX } from "./paths.js";

const dir = mkdtempSync(join(tmpdir(), "idme-allure-live-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const answer = (status: number) => exchangeOf({ status, operationId: "getHealth", body: {} }).record;
const tests = (): TestResult[] => [
  testResult("AUTH-05", { exchanges: [answer(401)] }),
  testResult("HEALTH-01", { verdict: "fail", findings: [finding("HEALTH-01")], exchanges: [answer(200), answer(200)] }),
  // No exchange: fed at the end (its place on the timeline is the run's start).
  testResult("AUTH-02", { verdict: "blocked", unverified: "blocked", blockedBy: "AUTH-01", reason: "blocked by AUTH-01: no answer" }),
];
const certify = (t: TestResult[]) =>
  buildCertification({
    result: runResult(t),
    facts,
    profile: loadProfile(mockProfilePath).profile,
    selected: ["AUTH-05", "HEALTH-01", "AUTH-02"],
  });
const certificationMd = join(dir, "certification.md");
writeFileSync(certificationMd, "# Certification summary — fed\n");

async function build(name: string, results: Parameters<typeof generateAllureReport>[0]["results"], t: TestResult[]) {
  const outputDir = join(dir, name, "allure-report");
  const certification = certify(t);
  const r = await generateAllureReport({
    results,
    outputDir,
    historyPath: join(dir, name, "history.jsonl"),
    verdict: certification,
    requirementsPage: { certification, tests: t },
    globalAttachments: [certificationMd],
  });
  expect(r.message).not.toMatch(/failed|exited/);
  expect(r.ok).toBe(true);
  const summary = JSON.parse(readFileSync(join(outputDir, "summary.json"), "utf8")) as { name: string };
  return { page: readFileSync(join(outputDir, "index.html"), "utf8"), name: summary.name };
}

/** Every file the page embeds, its name and content with Allure's ids and the report's own times blanked. */
function embedded(html: string): string[] {
  const blank = (s: string) =>
    s
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\b[0-9a-f]{32}\b/g, "ID")
      .replace(/"[A-Za-z0-9_-]{21}"/g, '"NANOID"') // the keys of Allure's duration charts
      .replace(/"(createdAt|timestamp)":\d+/g, '"$1":0');
  return [...html.matchAll(/d\("([^"]+)","([A-Za-z0-9+/=]*)"\)/g)]
    .map(([, name, data]) => `${blank(name!)} ${blank(Buffer.from(data!, "base64").toString("utf8"))}`)
    .sort();
}

/** A fed report of a run whose reports go to `<dir>/<name>/`. */
const startIn = (name: string) =>
  LiveAllureReport.start(inThisThread, { outputDir: join(dir, name, "allure-report"), historyPath: join(dir, name, "history.jsonl") });
const stagingLeft = (name: string) => readdirSync(join(dir, name)).filter((f) => f.startsWith(STAGING_PREFIX));

describe("the HTML report fed while the run lasts", () => {
  it("is the report built from scratch: every embedded file, the verdict as its title, the certification attached", async () => {
    const t = tests();
    const live = startIn("fed");
    for (const test of t) live.add(test);
    const fed = live.take(runResult(t), certify(t));
    expect(fed?.late.map((f) => f.name)).toEqual(["environment.properties", expect.stringMatching(/-result\.json$/)]);
    const { page: fedPage, name } = await build("fed", { fed: fed! }, t);
    const scratch = await build("scratch", { files: allureResultFiles(runResult(t), certify(t)) }, t);
    const scratchPage = scratch.page;
    expect(name).toMatch(/^NON-CONFORMANT/); // Allure's summary.json, named by the view's option
    expect(name).toBe(scratch.name);
    expect(embedded(fedPage)).toEqual(embedded(scratchPage));
    const title = /<title>([^<]*)<\/title>/.exec(fedPage)?.[1];
    expect(title).toMatch(/^ *NON-CONFORMANT/);
    expect(title).toBe(/<title>([^<]*)<\/title>/.exec(scratchPage)?.[1]);
    expect(embedded(fedPage).some((f) => f.startsWith("widgets/variables.json") && f.includes('"Verdict":"NON-CONFORMANT"'))).toBe(true);
    expect(embedded(fedPage).some((f) => f.includes("# Certification summary — fed"))).toBe(true);
    expect(stagingLeft("fed")).toEqual([]);
  }, 60_000);

  it("is dropped when a result changed after the run (the premises block a test): built from scratch", async () => {
    const t = tests();
    const live = startIn("changed");
    for (const test of t) live.add(test);
    const after = [{ ...t[0]!, outcome: { ...t[0]!.outcome, verdict: "blocked" as const } }, ...t.slice(1)];
    expect(live.take(runResult(after), certify(after))).toBeUndefined();
    expect(stagingLeft("changed")).toEqual([]);
  });

  it("leaves no staging folder when dropped, even while Allure still starts it", async () => {
    const live = startIn("dropped");
    for (const test of tests()) live.add(test);
    live.drop();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(stagingLeft("dropped")).toEqual([]);
    expect(readdirSync(join(dir, "dropped"))).toEqual([]);
  });
});
