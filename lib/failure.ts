/**
 * Defines `Failure`: what a check found wrong in one exchange, as data (expected, received, hint), and
 * the one text layout of a failure that the console, JUnit and Allure all show.
 */
import type { Exchange } from "./exchange.js";

export interface Failure {
  /** snake_case id of the check, registered in checks/registry.ts; stable: used in reports and the fault catalogue. */
  check: string;
  title: string;
  expected: string;
  received: string;
  /** What to change, with the decision id when one applies. */
  hint?: string;
  /** Set when the deviation sits where the contract leaves a choice open: it is observed, never failed. */
  open?: string;
  /**
   * Set by an assertion that could not judge because another requirement's precondition is broken (codes
   * cannot be read from a malformed envelope): the test is blocked by that requirement, not failed.
   */
  blockedBy?: string;
}

/** A check collects several issues of one body into one Failure (first as title, up to five shown). */
export function failureFromIssues(check: string, issues: readonly string[], expected: string, hint: string): Failure | undefined {
  if (issues.length === 0) return undefined;
  return { check, title: issues[0], expected, received: issues.slice(0, 5).join("; "), hint };
}

export function formatFailure(f: Failure): string {
  return [`✗ ${f.check}: ${f.title}`, `  Expected: ${f.expected}`, `  Received: ${f.received}`, f.hint ? `  Hint: ${f.hint}` : ""]
    .filter(Boolean)
    .join("\n");
}

/** The exchange lines under a failure: what was sent and received, and the curl line that reproduces it. */
export function formatExchange(x: Exchange): string {
  return [`Exchange: ${x.summary()}`, "Reproduce with:", `  ${x.request.curl}`].join("\n");
}
