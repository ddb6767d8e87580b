/**
 * Defines `RunFacts`: what a certifier needs to tell one run from another — which suite (version, commit),
 * which contract (spec SHA-256), which target (and, for the embedded mock, its faults), which profile (and
 * its SHA-256), the seed, "today", Node's version. Recorded in the certification summary and the manifest.
 */
import { packageRoot } from "../lib/paths.js";
import { specSha256 } from "../lib/spec.js";
import type { RunPlan } from "../run/plan.js";
import type { RunResult } from "../run/results.js";
import type { SuiteFacts } from "../run/suite-facts.js";
import { reportedPath } from "./reported-path.js";

export interface RunFacts {
  suite: SuiteFacts;
  specSha256: string;
  /** the base URL, or "embedded mock" */
  target: string;
  embeddedMock: boolean;
  /** faults the embedded mock ran with: a run against a faulty mock is never a real certification */
  mockFaults: string[];
  /** path: as reportedPath names it (never a path of the machine that ran it) */
  profile: { name: string; path: string; sha256: string };
  seed: number;
  today: string;
  node: string;
  startedAt: string;
  durationMs: number;
  /** requests sent to the target, pre-flight included */
  requests: number;
  selection: { areas: string[]; requirements: string[] } | null;
  shard: { index: number; count: number } | null;
}

export function runFacts(plan: RunPlan, result: RunResult): RunFacts {
  return {
    suite: plan.suite,
    specSha256: specSha256(),
    target: result.embeddedMock ? "embedded mock" : result.baseUrl,
    embeddedMock: result.embeddedMock,
    mockFaults: result.mockFaults,
    profile: {
      name: plan.profile.profile.name,
      path: reportedPath(plan.profile.path, { suiteRoot: packageRoot, workDir: plan.workDir }),
      sha256: plan.profile.sha256,
    },
    seed: plan.seed,
    today: plan.today,
    node: process.version,
    startedAt: result.startedAt,
    durationMs: result.durationMs,
    requests: result.requests,
    selection: plan.selection ? { areas: plan.selection.areas, requirements: plan.selection.requirements } : null,
    shard: plan.shard ?? null,
  };
}
