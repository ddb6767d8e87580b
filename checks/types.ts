/**
 * Defines `Failure` and `Check`. A check is a pure function of one exchange: no I/O, no
 * `expect`; it returns what went wrong as data, and the harness turns failures into one
 * readable ContractAssertionError (with the curl line).
 */
import type { Exchange } from "../harness/exchange.js";

export interface Failure {
  /** snake_case id, stable: used in reports and in the fault catalogue. */
  check: string;
  title: string;
  expected: string;
  received: string;
  /** What to change, with the decision id when one applies. */
  hint?: string;
}

export type Check = (x: Exchange) => Failure | undefined;

/** A check that collects several issues of one body reports them as one Failure (first as title, up to five shown). */
export function failureFromIssues(check: string, issues: readonly string[], expected: string, hint: string): Failure | undefined {
  if (issues.length === 0) return undefined;
  return { check, title: issues[0], expected, received: issues.slice(0, 5).join("; "), hint };
}
