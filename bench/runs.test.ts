// The runs section's pure parts: reading the CLI's output, the phases, results.json arithmetic, the table.
import { describe, expect, it } from "vitest";
import { bareFiles } from "./bare-vitest.js";
import { medianOf } from "./conformance-run.js";
import { parseMaxRssKb } from "./peak-rss.js";
import { requestStats, type RunTimes, slowestFiles, unionMs } from "./run-artifacts.js";
import { PhaseClock, phasesOf } from "./run-phases.js";
import { ratio, renderRuns, type RunsBench } from "./runs-report.js";

const at = (ms: number) => new Date(Date.UTC(2026, 0, 1) + ms).toISOString();
const test = (file: string, title: string, requirement: string, durationMs: number, xs: [number, number][]) => ({
  file,
  title,
  requirement,
  durationMs,
  outcome: {
    exchanges: xs.map(([s, d]) => ({
      operationId: requirement.startsWith("HEALTH") ? "getHealth" : null,
      startedAt: at(s),
      durationMs: d,
    })),
  },
});

describe("runs bench", () => {
  it("marks the banner, the first and last test lines, the summary and the HTML time, across split chunks", () => {
    const c = new PhaseClock();
    c.chunk("target   embedded mock\nprofile  mock — x\n", 100);
    c.chunk("  ✓ [A-1] one (3 ms)\n  👁 [A-2] tw", 200);
    c.chunk("o (4 ms)\r\n", 250);
    c.chunk("  ⊘ [A-3] three — blocked\nprogress 3/3\n", 300);
    c.chunk("\ntests: 3 — 1 passed, 0 failed, 1 blocked, 0 skipped, 1 observed, 0 could not judge\n", 400);
    c.chunk("MUST requirements not verified:\n  RATE-02 — could not judge: too slow\n  A-3 — blocked\nverdict: INCOMPLETE\n", 405);
    c.chunk("reports in r/ (certification.md, junit.xml, coverage.md, allure-report/index.html in 2.5 s, manifest.json)", 410);
    c.end(420);
    expect(c.marks).toEqual({
      banner: 100,
      firstTest: 200,
      lastTest: 300,
      summary: 400,
      htmlMs: 2500,
      tests: { total: 3, passed: 1, failed: 0, blocked: 1, skipped: 0, observed: 1 },
      problems: ["RATE-02 — could not judge: too slow", "A-3 — blocked"],
    });
  });

  it("splits a run into phases, the launcher's end separating vitest's close from the reports", () => {
    const m = { banner: 1000, firstTest: 3000, lastTest: 9000, summary: 12000 };
    expect(phasesOf(m, 0, 12100, 9500)).toEqual({
      startupMs: 1000,
      vitestStartMs: 2000,
      testsMs: 6000,
      closeMs: 500,
      reportsMs: 2500,
      exitMs: 100,
    });
    // No launcher end known: the close counts as reports. No marks at all: everything is start-up.
    expect(phasesOf(m, 0, 12100).closeMs).toBe(0);
    expect(phasesOf({}, 0, 500)).toEqual({ startupMs: 500, vitestStartMs: 0, testsMs: 0, closeMs: 0, reportsMs: 0, exitMs: 0 });
  });

  it("counts overlapping intervals once", () => {
    expect(unionMs([])).toBe(0);
    expect(
      unionMs([
        [10, 20],
        [0, 5],
        [15, 30],
        [30, 31],
        [40, 40],
      ]),
    ).toBe(26);
  });

  const run: RunTimes = {
    requests: 6,
    tests: [
      test("suites/health/a.test", "[HEALTH-01] up", "HEALTH-01", 60, [
        [0, 10],
        [5, 10],
      ]),
      test("suites/health/a.test", "[HEALTH-02] json", "HEALTH-02", 900, [[100, 20]]),
      test("suites/auth/b.test", "[AUTH-01] no token", "AUTH-01", 300, [[0, 400]]),
      test("suites/x/c.test", "[NOPE-1] ?", "NOPE-1", 10, []),
    ],
  };

  it("counts requests by area through the test's requirement, the rest as pre-flight, and the time in flight", () => {
    const s = requestStats(run);
    expect(s).toMatchObject({ count: 6, recorded: 4, inFlightMs: 400 });
    expect(s.byArea).toEqual({ health: 3, auth: 1, "(pre-flight)": 2 });
    expect(s.byOperation).toEqual({ getHealth: 3, "(other path)": 1 });
  });

  it("ranks files by a lower bound of their wall time: the longer of their request span and slowest test", () => {
    const [first, second, third] = slowestFiles(run, 3);
    expect(first).toMatchObject({ file: "suites/health/a.test", tests: 2, requests: 3, spanMs: 120, wallMs: 900, testSumMs: 960 });
    expect(first.slowest).toEqual({ title: "[HEALTH-02] json", durationMs: 900 });
    expect(second).toMatchObject({ file: "suites/auth/b.test", wallMs: 400 });
    expect(third).toMatchObject({ file: "suites/x/c.test", requests: 0, spanMs: 0, wallMs: 10 });
    expect(slowestFiles(run, 1)).toHaveLength(1);
  });

  it("reads GNU time's %M from its output file, and keeps the median repetition", () => {
    expect(parseMaxRssKb("Command exited with non-zero status 1\n625432\n")).toBe(625432);
    expect(parseMaxRssKb("")).toBeUndefined();
    expect(medianOf([{ wallMs: 30 }, { wallMs: 10 }, { wallMs: 20 }])).toEqual({ wallMs: 20 });
    expect(() => medianOf([])).toThrow(/no runs/);
  });

  it("generates 50 trivial tests in 5 files and a config needing no node_modules", () => {
    const files = bareFiles();
    const tests = Object.entries(files).filter(([n]) => n.endsWith(".test.mjs"));
    expect(tests).toHaveLength(5);
    expect(tests.reduce((n, [, text]) => n + (text.match(/\bit\(/g) ?? []).length, 0)).toBe(50);
    expect(files["vitest.config.mjs"]).toContain("globals: true");
    expect(Object.values(files).join("")).not.toMatch(/import/);
  });

  it("renders the runs, the ratio to the bare run against the target, the slow files and the requests", () => {
    expect(ratio(12000, 2400)).toBe(5);
    const phases = { startupMs: 1500, vitestStartMs: 2000, testsMs: 6000, closeMs: 100, reportsMs: 2500, exitMs: 50 };
    const requests = { count: 7, recorded: 7, inFlightMs: 2400, byArea: { auth: 4, health: 3 }, byOperation: {} };
    const slowest = slowestFiles(run, 10);
    const r: RunsBench = {
      date: "2026-01-01T00:00:00Z",
      command: "npm run bench -- --runs",
      machine: { cpus: 2, cpuModel: "CPU X", memoryGb: 4, node: "v20.20.2", loadAvg1m: 0.5 },
      loadAvgEnd: 1.5,
      runs: [
        {
          label: "html",
          exitCode: 0,
          wallMs: 12000,
          walls: [12000, 11000, 13000],
          phases,
          htmlMs: 2000,
          peakRssMb: 600,
          tests: { total: 3, passed: 3, failed: 0, blocked: 0, skipped: 0, observed: 0 },
          requests,
          slowest,
          problems: [],
        },
        {
          label: "sandbox",
          exitCode: 0,
          wallMs: 4000,
          phases,
          tests: undefined,
          requests: { ...requests, count: 5, byArea: { auth: 5 } },
          slowest: [],
          problems: [],
        },
      ],
      bare: { wallMs: 2400, exitCode: 0, walls: [2400, 2300, 2500] },
      waits: { rateWindowMs: 1500, windowMarginMs: 150, webhookQuietMs: 100, pollIntervalMs: 25, pollMaxWaitMs: 1000 },
      rssHow: "GNU time",
      unclean: ["html, run 2 of 3 (30.0 s): exit 3 — RATE-02 — could not judge"],
    };
    const md = renderRuns(r);
    expect(md).toContain("1-min load average 0.5 at start, 1.5 at the end");
    expect(md).toContain(
      "| html | 0 | 12.0 s; 12.0, 11.0, 13.0 | 1.5 s | 2.0 s | 6.0 s | 0.1 s | 2.5 s (2.0 s) | 0.1 s | 600 MB | 3 | 7 | 2.4 s |",
    );
    expect(md).toContain("| sandbox | 0 | 4.0 s | 1.5 s |");
    expect(md).toContain("- html, run 2 of 3 (30.0 s): exit 3 — RATE-02 — could not judge");
    expect(md).toContain("**2.4 s** (median of 3; 2.4, 2.3, 2.5)");
    expect(md).toContain("| html | 5.0× | not met |");
    expect(md).toContain("| suites/health/a.test | 2 | 3 | 0.9 s | 0.1 s | 1.0 s | [HEALTH-02] json (0.9 s) |");
    expect(md).toContain("a fresh rate-limit window 1,500 + 150 ms");
    expect(md).toContain("| auth | 4 | 5 |");
    expect(md).toContain("| health | 3 | 0 |");
    expect(md).toContain("| **total** | **7** | **5** |");
  });
});
