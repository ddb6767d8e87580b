/**
 * The traffic modes on the suite's own runs (area schema, in this process): a run's exchanges written as
 * HAR (--har) and judged again, and the diff of a conformant and a faulty run — exactly the fault's
 * requirements newly failing, exit 1 — then the same diff over two judged HARs.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseRunOptions } from "../cli/options.js";
import { runConformance } from "../cli/run.js";
import { faultsById } from "../faults/catalogue.js";
import { exitCodeOf } from "../reporting/certification.js";
import { diffLine, diffRuns, readRun, renderDiffMd } from "./diff.js";
import { judgeHarFiles } from "./judge-har.js";
import { writeTrafficReports } from "./reports.js";
import { writeRunHar } from "./run-har.js";

const work = mkdtempSync(join(tmpdir(), "idme-suite-traffic-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const FAULT = "errors-as-object";

async function run(name: string, faults: string[]) {
  const reports = join(work, name);
  const { request, output } = parseRunOptions({
    area: "schema",
    seed: "3",
    reports,
    html: false,
    quiet: true,
    ...(faults.length ? { mockFaults: faults.join(",") } : {}),
  });
  const r = await runConformance(request, output, { out: () => {}, err: () => {}, env: {}, isTTY: false });
  const har = join(work, `${name}.har`);
  const line = writeRunHar(r.paths.results, har, {});
  return { ...r, har, line };
}

let good: Awaited<ReturnType<typeof run>>;
let bad: Awaited<ReturnType<typeof run>>;
beforeAll(async () => {
  [good, bad] = await Promise.all([run("conformant", []), run("faulty", [FAULT])]);
}, 120_000);

describe("--har FILE: a run's exchanges, judged again", () => {
  it("writes every exchange of the run, each entry naming its test", () => {
    const har = JSON.parse(readFileSync(good.har, "utf8"));
    const exchanges = JSON.parse(readFileSync(good.paths.results, "utf8")).tests.flatMap(
      (t: { outcome: { exchanges: unknown[] } }) => t.outcome.exchanges,
    );
    expect(har.log.entries).toHaveLength(exchanges.length);
    expect(har.log.entries[0].comment).toMatch(/^\[SCHEMA-\d+\] /);
    expect(har.log.entries[0]._idmeConformance.test).toMatch(/^suites\/schema\//);
    expect(good.line).toBe(
      `HAR of the run's ${exchanges.length} exchanges in ${good.har} (judge it again: idme-conformance judge ${good.har})`,
    );
  });

  it("the conformant run's HAR judges conformant; the faulty run's fails on the fault's requirement", () => {
    expect(good.code).toBe(0);
    const ok = judgeHarFiles([good.har]);
    const nok = judgeHarFiles([bad.har]);
    return Promise.all([
      writeTrafficReports(ok, { mode: "judge", reportsDir: join(work, "judged-conformant"), html: false }),
      writeTrafficReports(nok, { mode: "judge", reportsDir: join(work, "judged-faulty"), html: false }),
    ]).then(([a, b]) => {
      expect(a.certification.verdict, a.certification.summary).toBe("conformant");
      expect(b.certification.failedMust).toEqual(["SCHEMA-01"]);
      expect(exitCodeOf(b.certification.verdict)).toBe(1);
    });
  });
});

describe("diff OLD_DIR NEW_DIR", () => {
  it("a conformant then a faulty run: exactly the fault's requirements newly failing — a regression", () => {
    const d = diffRuns(readRun(good.paths.reportsDir), readRun(bad.paths.reportsDir));
    const breaks = faultsById([FAULT])[0].breaks;
    expect(d.requirements.newlyFailing.map((c) => c.id)).toEqual([...breaks]);
    expect(d.requirements.newlyPassing).toEqual([]);
    expect(d.requirements.newlySkipped).toEqual([]);
    expect(d.regressed).toBe(true);
    expect(d.verdict).toEqual({ from: "conformant", to: "non-conformant", changed: true });
    expect(diffLine(d)).toMatch(/^REGRESSED: SCHEMA-01 newly failing \(1 newly failing, 0 newly passing, /);
    const md = renderDiffMd(d);
    expect(md).toContain("## Newly failing (1)");
    expect(md).toMatch(/\| SCHEMA-01 \| MUST \| DECISION \| pass \| fail \| error_envelope: errors is an object, expected a list \|/);
    expect(md).toContain("## Requests and latency per area");
    // The other way round: the fault's requirement passes again, nothing regressed.
    const back = diffRuns(readRun(bad.paths.reportsDir), readRun(good.paths.reportsDir));
    expect(back.requirements.newlyPassing.map((c) => c.id)).toEqual(["SCHEMA-01"]);
    expect(back.regressed).toBe(false);
  });

  it("the same over two judged HARs, and a run against itself changes nothing", () => {
    const d = diffRuns(readRun(join(work, "judged-conformant")), readRun(join(work, "judged-faulty")));
    expect(d.requirements.newlyFailing.map((c) => c.id)).toEqual(["SCHEMA-01"]);
    const same = diffRuns(readRun(good.paths.reportsDir), readRun(good.paths.reportsDir));
    expect(same.regressed).toBe(false);
    expect(diffLine(same)).toBe(
      "NO REGRESSION: 0 newly failing, 0 newly passing, 0 newly not verified, 0 observed value(s) changed, 0 new undocumented answer(s)",
    );
  });

  it("names OPEN values observed differently and undocumented answers that appeared", () => {
    const dir = (name: string, observed: unknown, undocumented: boolean) => {
      const d = join(work, name);
      const base = readRun(good.paths.reportsDir);
      const results = structuredClone(base.results!);
      results.tests[0].outcome.observations = [{ what: "legacy scheme", value: observed }];
      const coverage = structuredClone(base.coverage!);
      if (undocumented)
        coverage.undocumented.http.push({ operationId: "sendSmsCode", status: 400, code: 3101, documented: false, count: 2 });
      mkdirSync(d, { recursive: true });
      writeFileSync(join(d, "certification.json"), JSON.stringify(base.certification));
      writeFileSync(join(d, "results.json"), JSON.stringify(results));
      writeFileSync(join(d, "coverage.json"), JSON.stringify(coverage));
      return d;
    };
    const before = dir("open-before", { status: 200, accepted: true, at: "2026-01-01T00:00:00.000Z" }, false);
    const after = dir("open-after", { status: 401, accepted: false, at: "2026-01-02T00:00:00.000Z" }, true);
    const d = diffRuns(readRun(before), readRun(after));
    expect(d.observed).toEqual([
      {
        test: expect.any(String),
        what: "legacy scheme",
        before: '{"status":200,"accepted":true,"at":"<instant>"}',
        now: '{"status":401,"accepted":false,"at":"<instant>"}',
      },
    ]);
    expect(d.undocumented.appeared).toEqual(["sendSmsCode → HTTP 400 / code 3101"]);
    expect(d.regressed).toBe(false);
  });
});
