// Opt-in: opens the generated report from file:// in Debian's headless Chromium (skipped, with
// its reason, where /usr/bin/chromium is absent) and records every request the page makes,
// behind a network that drops packets (a request there hangs instead of failing at once).
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { REPORT_PAGES } from "./allure-config.js";
import { fixtureRun, fixtureVerdict, writeFixtureResults } from "./allure-fixture.js";
import { generateAllureReport } from "./allure-generate.js";
import { chromiumPath, DEFAULT_CHROMIUM, measureReportOpen, READY_SELECTOR } from "./allure-open.js";

const chromium = chromiumPath();
const dir = mkdtempSync(join(tmpdir(), "idme-allure-browser-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let generated: Promise<string> | undefined;
/** The fixture report, generated once for every test that needs it. */
function report(): Promise<string> {
  generated ??= (async () => {
    writeFixtureResults(join(dir, "results"));
    writeFileSync(join(dir, "certification.md"), "# Certification summary — NON-CONFORMANT\n");
    const r = await generateAllureReport({
      results: { dir: join(dir, "results") },
      outputDir: join(dir, "report"),
      historyPath: join(dir, "history.jsonl"),
      verdict: fixtureVerdict(),
      requirementsPage: fixtureRun(),
      globalAttachments: [join(dir, "certification.md")],
    });
    if (!r.ok) throw new Error(r.message);
    return join(dir, "report");
  })();
  return generated;
}

describe("the HTML report in headless Chromium", () => {
  it.for(REPORT_PAGES.map((v) => v.file))(
    "%s opens from disk without a single network request, its content on screen, nothing holding its load event",
    { timeout: 90_000 },
    async (file, ctx) => {
      if (!chromium) return ctx.skip(`${DEFAULT_CHROMIUM} is absent (apt-get install -y chromium)`);
      const screenshot = join(dir, `${file}.png`);
      const m = await measureReportOpen(join(await report(), file), {
        chromium,
        network: "blackhole",
        timeoutMs: 30_000,
        screenshot,
        selector: READY_SELECTOR[file],
      });
      expect(m.external).toEqual([]);
      expect(m.blocked).toEqual([]);
      expect(m.requests.every((u) => /^(file|data|blob):/.test(u))).toBe(true);
      // How fast it opens is the bench's to measure (`npm run bench`, report-open: issue 11's 5 s); here a bound
      // four times that only tells a page that hangs — as the tab's spinner did for 30–60 s before the data was put
      // before the code (reporting/allure-load-order.ts) — from a slow machine (it took 4.5 s under a loaded npm test).
      expect(m.treeVisibleMs).not.toBeNull();
      expect(m.treeVisibleMs).toBeLessThan(20_000);
      // Nothing holds the load event (and the tab's spinner) once the page is drawn.
      expect(m.loadEventMs).not.toBeNull();
      expect(m.loadEventMs).toBeLessThan(20_000);
      expect(statSync(screenshot).size).toBeGreaterThan(10_000);
    },
  );
});
