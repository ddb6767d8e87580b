// The project's own tests (npm test). The conformance suites are not a vitest project here: the launcher
// (run/launcher.ts) runs them with a plan it builds (npm run conformance), never plain vitest.
import { defineConfig } from "vitest/config";
import { rankedFirst, rankIn } from "./run/file-order.js";

/**
 * Tests of how the suite is distributed rather than of what it verifies: the packed tarball installed in an
 * empty folder (~25–45 s) and the CI recipes run against a stub (~10–17 s). `npm run test:dist`; CI runs both.
 */
const DIST_TESTS = ["ci/package/**/*.test.ts", "ci/recipes.test.ts"];

/**
 * The longest files (a minute, then 10–30 s each), started first: a fresh clone has no vitest cache of
 * durations, and vitest then orders by file size, which started fault detection late.
 */
const LONG_FIRST = [
  "/faults/detection.test.ts",
  "/robustness/bad-targets.test.ts",
  "/cli/cli.test.ts",
  "/robustness/hostile-targets.test.ts",
  "/cli/merge.test.ts",
];

export default defineConfig({
  test: {
    pool: "threads",
    // Two cores here: most files wait on child processes, servers or the fault batch (its own workers).
    maxWorkers: 2,
    sequence: { sequencer: rankedFirst(rankIn(LONG_FIRST)) },
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: "self",
          include: [
            "{api,lib,run,mock,faults,harness,checks,flows,generators,reporting,cli,bench,scripts,robustness,ci,traffic}/**/*.test.ts",
          ],
          // The distribution's own tests (`npm run test:dist`): the package as installed, the CI recipes.
          exclude: DIST_TESTS,
          isolate: false,
        },
      },
      {
        extends: true,
        test: { name: "dist", include: DIST_TESTS, isolate: true },
      },
    ],
  },
});
