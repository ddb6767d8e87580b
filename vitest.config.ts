// Wiring only: two projects. `self` = the project's own tests (npm test); `conformance` = the
// suite that judges a target (npm run conformance). Reporters for conformance runs are set by
// the CLI (cli/), which also prepares the environment harness/config.ts reads.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    pool: "threads",
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: "self",
          include: [
            "suites/_self/**/*.test.ts",
            "{lib,mock,faults,harness,checks,generators,reporting,cli,bench,scripts,robustness,ci}/**/*.test.ts",
          ],
          isolate: true,
        },
      },
      {
        extends: true,
        test: {
          name: "conformance",
          include: ["suites/**/*.test.ts"],
          exclude: ["suites/_self/**"],
          globalSetup: ["harness/global-setup.ts"],
          isolate: false,
          // vitest's default is cores - 1 (one worker here); the suite mostly waits on the network
          // (rate-limit windows, polling), so two workers halve the wall time.
          maxWorkers: 2,
        },
      },
    ],
  },
});
