// Judging runs: a fault is caught iff some test failed AND a failing test's requirement is one the fault breaks.
import type { CatalogueFault } from "./types.js";
import type { FailedTest, RunResult } from "./run-one.js";

export type Verdict = "caught" | "wrong-reason" | "missed" | "broken-run";

export interface FaultScore {
  fault: CatalogueFault;
  run: RunResult;
  verdict: Verdict;
  /** requirement ids of the failing tests (each once), leaving out tests that fail on the conformant mock too */
  failingIds: string[];
  /** failing ids that the fault declares it breaks */
  matched: string[];
}

/** Failures that the conformant mock also shows (a suite still being written) are not the fault's doing. */
export function newFailures(run: RunResult, baseline?: RunResult): FailedTest[] {
  const before = new Set(baseline?.failed.map((f) => f.title) ?? []);
  return run.failed.filter((f) => !before.has(f.title));
}

export function judge(fault: CatalogueFault, run: RunResult, baseline?: RunResult): FaultScore {
  const failed = newFailures(run, baseline);
  const failingIds = [...new Set(failed.map((f) => f.requirement).filter((r): r is string => r !== null))];
  const matched = failingIds.filter((id) => (fault.breaks as readonly string[]).includes(id));
  const verdict: Verdict = !run.completed
    ? "broken-run"
    : matched.length > 0
      ? "caught"
      : failed.length > 0 || run.fileErrors.length > 0
        ? "wrong-reason"
        : "missed";
  return { fault, run, verdict, failingIds, matched };
}

/** A baseline (no fault) is clean when it completed with no failed test and no failed file. */
export function baselineProblems(run: RunResult): string[] {
  if (!run.completed) return [`the run did not complete: ${run.error}`];
  return [...run.failed.map((f) => `failed: ${f.title} — ${f.message}`), ...run.fileErrors.map((e) => `file error: ${e}`)];
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + " ".repeat(n - s.length));

/** The printed table and the score line `fault detection: N/M faults caught`. */
export function formatTable(baseline: RunResult, scores: FaultScore[]): string {
  const lines: string[] = [];
  const problems = baselineProblems(baseline);
  lines.push(
    `conformant mock: ${problems.length === 0 ? "passes" : "FAILS"} (${baseline.passed} passed, ${baseline.failed.length} failed, ${baseline.skipped} skipped, ${(baseline.durationMs / 1000).toFixed(1)} s)`,
  );
  for (const p of problems) lines.push(`  ${p}`);
  const width = Math.max(5, ...scores.map((s) => s.fault.id.length));
  lines.push(
    "",
    `${pad("fault", width)}  ${pad("verdict", 12)}  ${pad("time", 6)}  ${pad("ran", 8)}  failing requirements (* = declared in breaks)`,
  );
  for (const s of scores) {
    const ids = s.failingIds.map((id) => (s.matched.includes(id) ? `${id}*` : id));
    const shown = ids.length > 8 ? [...ids.slice(0, 8), `… ${ids.length - 8} more`] : ids;
    const detail =
      s.verdict === "broken-run"
        ? (s.run.error ?? "").split("\n")[0]
        : s.verdict === "missed"
          ? `nothing failed; breaks ${s.fault.breaks.join(", ") || "(none declared)"}`
          : s.verdict === "wrong-reason"
            ? `${shown.join(" ") || s.run.fileErrors[0]}; breaks ${s.fault.breaks.join(", ") || "(none declared)"}`
            : shown.join(" ");
    lines.push(
      `${pad(s.fault.id, width)}  ${pad(s.verdict, 12)}  ${pad(`${(s.run.durationMs / 1000).toFixed(1)}s`, 6)}  ${pad(s.run.files ? `${s.run.files.length} files` : "all", 8)}  ${detail}`,
    );
  }
  const caught = scores.filter((s) => s.verdict === "caught").length;
  lines.push("", `fault detection: ${caught}/${scores.length} faults caught`);
  return lines.join("\n");
}
