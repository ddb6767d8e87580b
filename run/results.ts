/**
 * Defines `RunResult`: what one plan's run found, as the launcher returns it to the CLI, fault detection,
 * the bench and the robustness tests. Reports are rendered from it (never from side files).
 */
import type { ReqId } from "../generated/requirements.js";
import type { Needs, TestOutcome } from "./outcome.js";

export interface TestResult {
  /** the file and the title path: stable across runs and selections */
  id: string;
  /** the test file, relative to the code root, without its .ts/.js ending */
  file: string;
  title: string;
  requirement: ReqId;
  needs?: Needs;
  observeOnly: boolean;
  /** vitest's own state: failed when a finding (or an error) was raised */
  state: "passed" | "failed" | "skipped";
  outcome: TestOutcome;
  durationMs: number;
  /** the text vitest reported for a failed test: the findings, the exchange and its curl line */
  message?: string;
}

/** A problem outside any test: a suite file that failed to import, an unhandled error. */
export interface RunError {
  kind: "suite-defect" | "unhandled" | "interrupted";
  source: string;
  message: string;
}

export interface RunResult {
  planId: string;
  baseUrl: string;
  embeddedMock: boolean;
  mockFaults: string[];
  startedAt: string;
  durationMs: number;
  tests: TestResult[];
  runErrors: RunError[];
  /** the run was stopped (Ctrl-C, SIGTERM) before every test ran */
  interrupted: boolean;
  /** requests sent to the target (pre-flight included) */
  requests: number;
  /** a run whose embedded mock followed fault shadows: per fault, the tests it could change (mock/shadows.ts) */
  shadows?: ShadowReach;
}

/** Per fault id, the ids of the tests whose answers the fault could change; `everywhere`: faults that reach any test. */
export interface ShadowReach {
  reached: Record<string, string[]>;
  everywhere: string[];
}
