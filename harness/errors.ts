/**
 * Defines the error classes a test can end with. Each carries data, so conformance() records what
 * happened without parsing messages. Allure counts an error as "failed" only when its name contains
 * "Assert" (toolchain notes): a contract violation is a ContractAssertionError; the others are "broken"
 * or become skips.
 */
import type { ReqId } from "../generated/requirements.js";
import type { Exchange } from "../lib/exchange.js";
import { type Failure, formatExchange, formatFailure } from "../lib/failure.js";

export class ContractAssertionError extends Error {
  override name = "ContractAssertionError";
  constructor(
    readonly failures: readonly Failure[],
    readonly exchange?: Exchange,
    /** the text to show instead of the default layout (conformance() groups findings by requirement) */
    text?: string,
  ) {
    super(text ?? [...failures.map(formatFailure), ...(exchange ? ["", formatExchange(exchange)] : [])].join("\n"));
    // The failure says what broke and how to reproduce it; the harness's frames would only add local paths
    // to the reports (and cost the runner a source-mapped stack parse per failed test).
    this.stack = `${this.name}: ${this.message}`;
  }
}

/** The arrange step did not reach the state the test needs: `by` broke, so the test verified nothing. */
export class BlockedError extends Error {
  override name = "BlockedError";
  constructor(
    readonly by: ReqId,
    readonly cause: ContractAssertionError,
  ) {
    super(`blocked by ${by}: ${cause.failures[0]?.title ?? cause.message.split("\n")[0]}`);
  }
}

/** The target could not be reached or did not answer in time: the test could not judge. */
export class TargetUnreachableError extends Error {
  override name = "TargetUnreachableError";
}

/**
 * The test's requests took longer than the target's own window they had to fit in (a burst meant to reach
 * a rate limit, on a busy machine): nothing can be concluded, the test could not judge.
 */
export class TooSlowToJudgeError extends Error {
  override name = "TooSlowToJudgeError";
}

/** The request budget is spent: the test is skipped with this reason. */
export class BudgetExhaustedError extends Error {
  override name = "BudgetExhaustedError";
}

/** The profile names no credential for a role the test uses. */
export class MissingCredentialError extends Error {
  override name = "MissingCredentialError";
}
