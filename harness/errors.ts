/**
 * Defines the error classes a run can end a test with. Allure counts an error as "failed" only
 * when its name contains "Assert" (see toolchain notes), so a contract violation is a
 * ContractAssertionError; an unreachable target is "broken", and reports categorise by name.
 */
export class ContractAssertionError extends Error {
  override name = "ContractAssertionError";
}

/** The target could not be reached or did not answer in time: the run is inconclusive, not a verdict. */
export class TargetUnreachableError extends Error {
  override name = "TargetUnreachableError";
}

/** The request budget is spent: the test is skipped with this reason. */
export class BudgetExhaustedError extends Error {
  override name = "BudgetExhaustedError";
}
