/**
 * Defines `withAllure`: runs Allure calls only when the allure-vitest reporter is active (the
 * conformance command); in other runs allure-js-commons would print a warning per call.
 */
import * as allure from "allure-js-commons";

export function allureActive(): boolean {
  return typeof (globalThis as { allureTestRuntime?: unknown }).allureTestRuntime === "function";
}

export async function withAllure(fn: (a: typeof allure) => PromiseLike<void>): Promise<void> {
  if (allureActive()) await fn(allure);
}
