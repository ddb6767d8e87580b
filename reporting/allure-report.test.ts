// A real `allure generate` (the pinned Allure 3) on fixture results: whatever a new Allure
// version puts in its template, the written report must make no network request, keep its
// data before its code, show the verdict, count each test once and keep history across runs.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { detect, isLocalCiDescriptor } from "@allurereport/ci";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPORT_CHARTS, REPORT_PAGES } from "./allure-config.js";
import { embeddedJson } from "./allure-embedded.js";
import { FIXTURE_TESTS, fixtureRun, fixtureVerdict, writeFixtureResults } from "./allure-fixture.js";
import { generateAllureReport, type GenerateResult } from "./allure-generate.js";
import { externalFetches } from "./allure-offline.js";

interface Tree {
  root: { groups?: string[]; leaves?: string[] };
  groupsById: Record<string, { name: string; statistic: { total: number }; groups?: string[] }>;
}

const dir = mkdtempSync(join(tmpdir(), "idme-allure-report-"));
const results = join(dir, "allure-results");
const output = join(dir, "allure-report");
const history = join(dir, "history", "allure-history.jsonl");
const certificationMd = join(dir, "certification.md");
let first: GenerateResult;
const html = (file: string) => readFileSync(join(output, file), "utf8");

beforeAll(async () => {
  writeFixtureResults(results);
  writeFileSync(certificationMd, "# Certification summary — NON-CONFORMANT\n");
  first = await generateAllureReport({
    results: { dir: results },
    outputDir: output,
    historyPath: history,
    verdict: fixtureVerdict(),
    requirementsPage: fixtureRun(),
    globalAttachments: [certificationMd],
  });
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the generated HTML report", () => {
  it("writes Allure's self-contained front page and the requirements page, and says what it stripped", () => {
    expect(first.message).not.toMatch(/exited|could not/);
    expect(first.ok).toBe(true);
    expect(first.files).toEqual(REPORT_PAGES.map((v) => join(output, v.file)));
    // Allure 3.18 ships Google Tag Manager; when a release stops, this list may shrink: fine.
    for (const r of first.removed) expect(r).toMatch(/googletagmanager|analytics/);
  });

  it.each(REPORT_PAGES.map((v) => v.file))("%s fetches nothing from the network", (file) => {
    const h = html(file);
    expect(externalFetches(h)).toEqual([]);
    expect(h).not.toMatch(/googletagmanager|gtag\(|dataLayer/);
    expect(h).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
  });

  // Outside a CI system Allure's descriptor is the local one, which reads the folder; in a CI system its job links
  // come from the environment and there is no folder fact to blank: skipped there, never passed.
  it.skipIf(!isLocalCiDescriptor(detect()))(
    "says nothing of the folder it was made in: no repository, branch or remote URL (this checkout has them)",
    () => {
      const options = /window\.allureReportOptions = (\{.*\})\s*$/m.exec(html("index.html"))?.[1];
      const ci = (JSON.parse(options ?? "{}") as { ci?: Record<string, unknown> }).ci;
      expect(ci?.type).toBe("local");
      for (const key of ["repoName", "jobRunBranch", "sourceBranch", "provider", "repository"]) expect(ci?.[key]).toBeUndefined();
    },
  );

  it("index.html defines its data before its code runs", () => {
    const h = html("index.html");
    expect(h.indexOf("window.allureReportData")).toBeGreaterThan(0);
    expect(h.indexOf('src="data:text/javascript')).toBeGreaterThan(h.lastIndexOf("Promise.allSettled"));
  });

  it("heads every page with the verdict and its scope, and links the pages", () => {
    const line = fixtureVerdict().summary;
    expect(line).toMatch(/^NON-CONFORMANT: 1 of \d+ MUST requirements in scope failed \(HEALTH-01\)/);
    for (const v of REPORT_PAGES) {
      const h = html(v.file);
      expect(h).toContain(`data-testid="idme-verdict"`);
      expect(h).toContain(line);
      for (const other of REPORT_PAGES.filter((o) => o !== v)) expect(h).toContain(`<a href="${other.file}"`);
    }
    expect(html("index.html")).toContain(`<title> ${line} — ID.me Services API v2 conformance </title>`);
    const variables = embeddedJson<Record<string, string>>(html("index.html"), "widgets/variables.json");
    expect(variables).toMatchObject({
      Verdict: "NON-CONFORMANT",
      "MUST passed": expect.stringMatching(/^1 of \d+$/),
      "MUST failed": "1: HEALTH-01",
      "MUST not verified": expect.stringMatching(/^\d+: /),
    });
    const globals = embeddedJson<{ attachments: { originalFileName?: string; name?: string }[] }>(
      html("index.html"),
      "widgets/globals.json",
    );
    expect(JSON.stringify(globals?.attachments)).toContain("certification.md");
  });

  it("counts each test once in the tree, and lists every requirement of the certification by level", () => {
    const tree = embeddedJson<Tree>(html("index.html"), "widgets/tree.json")!;
    const total = (tree.root.groups ?? []).reduce((n, id) => n + tree.groupsById[id].statistic.total, (tree.root.leaves ?? []).length);
    expect(total).toBe(FIXTURE_TESTS.length);
    const page = html("by-requirement.html");
    expect(page.match(/data-testid="requirement"/g)).toHaveLength(fixtureRun().certification.requirements.length);
    expect(page).toMatch(/<details id="HEALTH-01" data-testid="requirement" data-result="fail" open>/);
  });

  it("draws the suite's charts, not Allure's default set", () => {
    const charts = embeddedJson<{ general: Record<string, { type: string; title: string }> }>(html("index.html"), "widgets/charts.json");
    expect(Object.values(charts?.general ?? {}).map((c) => c.title)).toEqual(REPORT_CHARTS.map((c) => c.title));
  });

  it("files each kind of outcome under its category, blocked tests apart", () => {
    type Node = { type: string; name: string; statistic: { total: number } };
    const widget = embeddedJson<{ nodes: Record<string, Node> }>(html("index.html"), "widgets/categories.json")!;
    const totals = Object.fromEntries(
      Object.values(widget.nodes)
        .filter((n) => n.type === "category")
        .map((n) => [n.name, n.statistic.total]),
    );
    expect(totals).toEqual({
      "Contract violations": 1,
      "Target unreachable or timing out": 1,
      Blocked: 1,
      "Rate-limited / inconclusive": 1,
    });
  });

  it("keeps history across runs, the second built from the same files in memory", async () => {
    const files = readdirSync(results).map((name) => ({ name, data: readFileSync(join(results, name), "utf8") }));
    const second = await generateAllureReport({ results: { files }, outputDir: output, historyPath: history, verdict: fixtureVerdict() });
    expect(second.ok).toBe(true);
    expect(readFileSync(history, "utf8").trim().split("\n")).toHaveLength(2);
    const h = html("index.html");
    const ids = [...h.matchAll(/d\("(data\/test-results\/[^"]+)"/g)].map((m) => m[1]);
    const withHistory = ids.map((id) => embeddedJson<{ history: unknown[] }>(h, id)!).filter((t) => t.history.length === 1);
    expect(withHistory).toHaveLength(FIXTURE_TESTS.length);
  }, 120_000);
});
