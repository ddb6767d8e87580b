// The project's own tests (npm test). The conformance suites are not a vitest project here: the launcher
// (run/launcher.ts) runs them with a plan it builds (npm run conformance), never plain vitest.
import { defineConfig } from "vitest/config";
import { LongFirstSequencer } from "./run/file-order.js";

export default defineConfig({
  test: {
    pool: "threads",
    // Two cores here: most files wait on child processes, servers or the fault batch (its own workers).
    maxWorkers: 2,
    sequence: { sequencer: LongFirstSequencer },
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: "self",
          include: ["{lib,run,mock,faults,harness,checks,flows,generators,reporting,cli,bench,scripts,robustness,ci,traffic}/**/*.test.ts"],
          isolate: true,
        },
      },
    ],
  },
});
