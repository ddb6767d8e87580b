/**
 * Defines `WaitsFirstSequencer`: the order vitest starts a launch's suite files in. The files whose tests mostly
 * wait on the target's clock — rate-limit windows, webhook retries and quiet periods — go first, so their waits
 * overlap the other files' work; started last (vitest's own order: earlier durations, then file size), the
 * rate-limit file alone was the last 1.8 s of a run (BENCHMARKS.md, "Where a full run's time goes").
 */
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** Areas whose files wait on the clock, longest waits first. */
export const WAITING_AREAS: readonly string[] = ["rate-limit", "webhook"];

/** Where a file goes: its area's place in WAITING_AREAS, or after them all. */
export function waitRank(moduleId: string): number {
  const i = WAITING_AREAS.findIndex((a) => moduleId.includes(`/suites/${a}/`));
  return i === -1 ? WAITING_AREAS.length : i;
}

export class WaitsFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    // Array.prototype.sort is stable: within a rank, vitest's order stays.
    return sorted.sort((a, b) => waitRank(a.moduleId) - waitRank(b.moduleId));
  }
}
