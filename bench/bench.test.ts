// The benchmark's own arithmetic: the local-only guard, bodies, the tables. Run parsing: runs.test.ts.
import { describe, expect, it } from "vitest";
import { jpeg, multipart } from "./bodies.js";
import { runLoad } from "./load.js";
import { renderMarkdown, renderReportOpen, type BenchResults } from "./report.js";
import { median } from "./report-open.js";

describe("bench", () => {
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

  it("renders the load and memory tables with the machine line", () => {
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
      notes: ["a note"],
    };
    const md = renderMarkdown(r);
    expect(md).toContain("2 CPU (CPU X), 4 GB RAM, Node v20.20.2");
    expect(md).toContain("| GET /health | mock | 12,345 | 1 | 9 | 61,725 | 200×61,725 | 0/0 |");
    expect(md).toContain("| 8 | 100 | 200 | 90 MB | 140 MB |");
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
