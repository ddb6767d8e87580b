// The benchmark's own arithmetic: record counting, JUnit time sums, the local-only guard, the table.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { jpeg, multipart } from "./bodies.js";
import { junitTimeMs, requestStats } from "./conformance-run.js";
import { runLoad } from "./load.js";
import { renderMarkdown, renderReportOpen, type BenchResults } from "./report.js";
import { median } from "./report-open.js";

const dir = mkdtempSync(join(tmpdir(), "idme-bench-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("bench", () => {
  it("counts exchanges by area (through the requirement) and sums their durations", () => {
    const rec = (requirement: string | null, operationId: string | null, durationMs: number) =>
      JSON.stringify({ requirement, operationId, status: 200, durationMs });
    writeFileSync(join(dir, "exchanges-1-1.jsonl"), `${rec("HEALTH-01", "getHealth", 5)}\n${rec("HEALTH-02", "getHealth", 7)}\n`);
    writeFileSync(join(dir, "exchanges-1-2.jsonl"), `${rec(null, null, 3)}\n\n`);
    writeFileSync(join(dir, "run.json"), "{}");
    const s = requestStats(dir);
    expect(s.count).toBe(3);
    expect(s.totalDurationMs).toBe(15);
    expect(s.byArea).toEqual({ health: 2, "(no requirement)": 1 });
    expect(s.byOperation).toEqual({ getHealth: 2, "(other path)": 1 });
  });

  it("sums the testcase times of a JUnit file in ms", () => {
    const xml = `<testsuites time="9"><testsuite time="9"><testcase classname="a" name="x" time="0.25"></testcase><testcase name="y" time="1.5"/></testsuite></testsuites>`;
    expect(junitTimeMs(xml)).toBe(1750);
  });

  it("refuses to send load anywhere but 127.0.0.1", async () => {
    await expect(runLoad({ name: "x", url: "http://example.com/health" }, "x")).rejects.toThrow(/only sent to 127\.0\.0\.1/);
  });

  it("builds a multipart body whose parts carry the bytes given", () => {
    const image = jpeg(1000);
    const m = multipart([{ field: "front_image", filename: "success.jpg", data: image }], { callback_url: "http://127.0.0.1:9/x" });
    const boundary = /boundary=(.+)$/.exec(m.contentType)![1];
    const text = m.body.toString("latin1");
    expect(text.startsWith(`--${boundary}\r\n`)).toBe(true);
    expect(text.endsWith(`--${boundary}--\r\n`)).toBe(true);
    expect(m.body.indexOf(image)).toBeGreaterThan(0);
    expect(image.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
  });

  it("renders the load, memory and run tables with the machine line", () => {
    const r: BenchResults = {
      date: "2026-01-01T00:00:00Z",
      command: "npm run bench",
      machine: { cpus: 2, cpuModel: "CPU X", memoryGb: 4, node: "v20.20.2", loadAvg1m: 0.5 },
      load: [
        {
          name: "GET /health",
          target: "mock",
          reqPerSec: 12345,
          latencyP50Ms: 1,
          latencyP99Ms: 9,
          total: 61725,
          statuses: { "200": 61725 },
          errors: 0,
          timeouts: 0,
        },
      ],
      uploads: { count: 8, bytesEach: 100, statuses: [200, 200], rssBeforeMb: 90, peakRssMb: 140 },
      runs: [
        {
          label: "full",
          exitCode: 0,
          wallMs: 30000,
          startupMs: 4000,
          testPhaseMs: 24000,
          reportsMs: 2000,
          testTimeSumMs: 20000,
          tests: { passed: 3, failed: 0, skipped: 1 },
          requests: { count: 7, totalDurationMs: 700, byArea: { auth: 4, health: 3 }, byOperation: {} },
        },
      ],
      notes: ["a note"],
    };
    const md = renderMarkdown(r);
    expect(md).toContain("2 CPU (CPU X), 4 GB RAM, Node v20.20.2");
    expect(md).toContain("| GET /health | mock | 12,345 | 1 | 9 | 61,725 | 200×61,725 | 0/0 |");
    expect(md).toContain("| 8 | 100 | 200 | 90 MB | 140 MB |");
    expect(md).toContain("| full | 0 | 30.0 s | 4.0 s | 24.0 s | 2.0 s | 3/0/1 | 7 | 0.7 s | 20.0 s |");
    expect(md).toContain("| auth | 4 |");
    expect(md).toContain("- a note");
  });

  it("takes the median of report openings, an opening that never showed counting as the slowest", () => {
    expect(median([1200, null, 900])).toBe(1200);
    expect(median([null, null, 900])).toBeNull();
    expect(median([])).toBeNull();
  });

  it("renders the report-open table, or why it was not measured", () => {
    const machine = { cpus: 2, cpuModel: "CPU X", memoryGb: 4, node: "v20.20.2", loadAvg1m: 0.5 };
    const row = { report: "index.html (this suite)", mb: 9.1, bundleMb: 3.4, dataMb: 5.5, repeats: 3, failures: 0 };
    const md = renderReportOpen("2026-01-01T00:00:00Z", "npm run bench -- --report-open", machine, {
      rows: [
        { ...row, network: "blackhole", cpuThrottle: 1, treeVisibleMs: 1500, loadEventMs: 900, externalRequests: [] },
        {
          ...row,
          network: "closed",
          cpuThrottle: 4,
          treeVisibleMs: null,
          loadEventMs: null,
          failures: 2,
          externalRequests: ["https://x.example/a"],
        },
      ],
    });
    expect(md).toContain("| index.html (this suite) | 9.1 MB | 3.4 MB | 5.5 MB | drops packets | ÷1 | 1.5 s | 0.9 s | 0/3 | none |");
    expect(md).toContain("| closed | ÷4 | never | never | 2/3 | `https://x.example/a` |");
    expect(renderReportOpen("d", "c", machine, { error: "/usr/bin/chromium is absent" })).toContain(
      "Not measured: /usr/bin/chromium is absent",
    );
  });
});
