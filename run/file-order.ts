/**
 * Defines `rankedFirst` and the two orders vitest starts files in. A launch's suite files: those whose tests
 * mostly wait on the target's clock — rate-limit windows, webhook retries and quiet periods — go first, so their
 * waits overlap the other files' work; started last (vitest's own order: earlier durations, then file size), the
 * rate-limit file alone was the last 1.8 s of a run (BENCHMARKS.md, "Where a full run's time goes"). The
 * project's own tests use `rankedFirst` too (vitest.config.ts: their longest files first).
 */
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** A sequencer that starts files by `rank` (lower first), vitest's own order within a rank. */
export function rankedFirst(
  rank: (moduleId: string) => number,
): new (
  ...args: ConstructorParameters<typeof BaseSequencer>
) => BaseSequencer {
  return class extends BaseSequencer {
    override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
      const sorted = await super.sort(files);
      // Array.prototype.sort is stable: within a rank, vitest's order stays.
      return sorted.sort((a, b) => rank(a.moduleId) - rank(b.moduleId));
    }
  };
}

/** Where `moduleId` is in `first` (a path fragment each), or after them all. */
export const rankIn =
  (first: readonly string[]) =>
  (moduleId: string): number => {
    const i = first.findIndex((f) => moduleId.includes(f));
    return i === -1 ? first.length : i;
  };

/** Suite areas whose files wait on the clock, longest waits first. */
export const WAITING_AREAS: readonly string[] = ["rate-limit", "webhook"];
export const WaitsFirstSequencer = rankedFirst(rankIn(WAITING_AREAS.map((a) => `/suites/${a}/`)));
