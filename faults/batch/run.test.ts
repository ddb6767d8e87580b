// A batch keeps its faults apart: two faults whose tests live in the same file, run in one vitest process, each
// fail only on their own requirement (each project reached its own mock), in the shape a single run reports.
import { describe, expect, it } from "vitest";
import { runBatch } from "./run.js";

const FILE = "suites/input/birth-date.test.ts";

describe("runBatch", () => {
  it("runs each fault against its own mock, with the tests of the batch's requirements only", async () => {
    const [accepted, late] = await runBatch([
      { fault: "minor-accepted", files: [FILE], requirements: ["INPUT-BIRTHDATE-03"] },
      { fault: "minor-edge-day-late", files: [FILE], requirements: ["INPUT-BIRTHDATE-04"] },
    ]);
    const failing = (r: typeof accepted) => [...new Set(r.failed.map((f) => f.requirement))];
    expect([accepted.completed, late.completed], accepted.error ?? late.error).toEqual([true, true]);
    expect(failing(accepted)).toEqual(["INPUT-BIRTHDATE-03"]);
    expect(failing(late)).toEqual(["INPUT-BIRTHDATE-04"]);
    // Only the tests of INPUT-BIRTHDATE-03/04 ran (the other requirements of the file are skipped by -t).
    expect(accepted.passed + accepted.failed.length).toBe(late.passed + late.failed.length);
    expect(accepted.skipped).toBeGreaterThan(0);
    expect(accepted.filesByRequirement["INPUT-BIRTHDATE-03"]).toEqual([FILE]);
  }, 120_000);
});
