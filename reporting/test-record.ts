/**
 * The per-test facts the certification needs, and how a finished test is classified.
 * Kept free of vitest types so the verdict logic is testable with plain objects.
 */
export interface TestRecord {
  /** The test's own title, `[REQ-ID] …`. */
  title: string;
  /** Suite path and title, as vitest prints it. */
  fullName: string;
  /** Test file relative to the project root (posix). */
  file: string;
  requirement?: string;
  state: "passed" | "failed" | "skipped";
  /** The reason given to `ctx.skip(reason)`, if any. */
  note?: string;
  errorName?: string;
  message?: string;
  durationMs?: number;
}

export type Outcome = "pass" | "contract" | "unreachable" | "defect" | "skipped" | "not-run";

const reqPrefix = /^\[([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)\]\s/;

/** The requirement id a title starts with (`[AUTH-01] …`), or undefined. */
export function requirementOf(title: string): string | undefined {
  return reqPrefix.exec(title)?.[1];
}

const timeout = /Test timed out|Hook timed out|ETIMEDOUT|ECONNREFUSED|ECONNRESET|ENOTFOUND|fetch failed/i;

export function classify(t: TestRecord): Outcome {
  if (t.state === "passed") return "pass";
  if (t.state === "skipped") return t.note ? "skipped" : "not-run";
  // Allure's rule, kept the same here: only *Assert* errors are verdicts on the target.
  if (t.errorName === "TargetUnreachableError" || timeout.test(t.message ?? "")) return "unreachable";
  if (/assert/i.test(t.errorName ?? "")) return "contract";
  return "defect";
}

/** First line of a message, trimmed to a readable length. */
export function firstLine(s: string | undefined, max = 300): string {
  const line =
    (s ?? "")
      .split("\n")
      .find((l) => l.trim() !== "")
      ?.trim() ?? "";
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
