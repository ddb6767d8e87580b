// Vitest config of a batch run (faults/batch/run.ts): one project per fault, each holding only the test files of
// the fault's requirements and pointed (through its env) at the fault's own mock, started by the parent process.
// One vitest start-up serves the whole catalogue instead of one per fault.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import type { BatchPlan } from "./run.js";

const projectRoot = fileURLToPath(new URL("../..", import.meta.url));

const plan = JSON.parse(readFileSync(process.env.IDME_BATCH_PLAN as string, "utf8")) as BatchPlan;

export default defineConfig({
  test: {
    root: projectRoot,
    pool: "threads",
    testTimeout: 30_000,
    hookTimeout: 30_000,
    maxWorkers: plan.workers,
    projects: plan.jobs.map((job) => ({
      test: {
        name: job.fault,
        root: projectRoot,
        include: job.files,
        // Each file gets fresh modules: harness/config.ts reads this project's env once per module graph.
        isolate: true,
        env: { IDME_BASE_URL: job.baseUrl, IDME_RUN_DIR: job.runDir },
      },
    })),
  },
});
