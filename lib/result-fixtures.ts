/** Test fixtures: TestResult and RunResult values for the reporting and fault-scoring tests. */
import type { ReqId } from "../generated/requirements.js";
import type { Failure } from "./failure.js";
import type { Finding, TestOutcome } from "../run/outcome.js";
import type { RunResult, TestResult } from "../run/results.js";
import type { RunFacts } from "../reporting/run-facts.js";

let n = 0;

export function failure(check = "error_answer", title = "HTTP 422 with 3101 in the errors list expected"): Failure {
  return { check, title, expected: "HTTP 422", received: "HTTP 200" };
}

export function testResult(requirement: ReqId, outcome: Partial<TestOutcome> = {}, extra: Partial<TestResult> = {}): TestResult {
  const id = `suites/x/t${++n}.test#[${requirement}] does something`;
  const verdict = outcome.verdict ?? "pass";
  return {
    id,
    file: `suites/x/t${n}.test`,
    title: `[${requirement}] does something`,
    requirement,
    observeOnly: false,
    state: verdict === "fail" || verdict === "error" ? "failed" : verdict === "pass" || verdict === "observed" ? "passed" : "skipped",
    outcome: { verdict, findings: [], observations: [], exchanges: [], checked: {}, seed: 1, ...outcome },
    durationMs: 3,
    ...extra,
  };
}

export const finding = (requirement: ReqId, f: Failure = failure()): Finding => ({ requirement, failure: f });

export function runResult(tests: TestResult[], extra: Partial<RunResult> = {}): RunResult {
  return {
    planId: "run",
    baseUrl: "http://127.0.0.1:1",
    embeddedMock: true,
    mockFaults: [],
    startedAt: "2026-01-01T00:00:00.000Z",
    durationMs: 1000,
    tests,
    runErrors: [],
    interrupted: false,
    requests: 10,
    ...extra,
  };
}

export const facts: RunFacts = {
  suite: { name: "s", version: "0.1.0", commit: null },
  specSha256: "abc",
  target: "embedded mock",
  embeddedMock: true,
  mockFaults: [],
  profile: { name: "mock", path: "profiles/mock.yaml", sha256: "def" },
  seed: 1,
  today: "2026-01-01",
  node: "v20",
  startedAt: "2026-01-01T00:00:00.000Z",
  durationMs: 1000,
  requests: 10,
  selection: null,
  shard: null,
};
