/**
 * The report writers that are slow to load, loaded when first asked for instead of with the CLI: JUnit's
 * (xmlbuilder2, ~60–75 ms) and the HTML report's (allure-js-commons' reporter SDK, ~35–40 ms). A run asks for
 * them at its first test result (cli/run.ts), while the tests leave the main thread time to spare; a run without
 * the HTML report never loads Allure's. The runtime loads a module once: a later ask gets the same one.
 */
import type { TestResult } from "../run/results.js";
import type { AllureEngine } from "./allure-engine.js";
import type { LiveAllureReport } from "./allure-live.js";

export const junitWriter = () => import("./junit.js");

export const htmlReportWriters = async () => {
  const [results, generate] = await Promise.all([import("./allure-results.js"), import("./allure-generate.js")]);
  return { ...results, ...generate };
};

/** Starts loading what a run's reports will need; a failure is reported where the module is used. */
export function preloadReportWriters(o: { html: boolean; allureResults?: boolean }): void {
  junitWriter().catch(() => {});
  if (o.html || o.allureResults) htmlReportWriters().catch(() => {});
}

/**
 * The run's HTML report fed while the run lasts (reporting/allure-live.ts), started at its first test result,
 * when its module loads; the tests are fed in the order they ended. Undefined if it could not be started: the
 * report is then built from scratch.
 */
export function feedHtmlReport(engine: AllureEngine, o: { outputDir: string; historyPath: string }) {
  let live: Promise<LiveAllureReport | undefined> | undefined;
  return {
    add(t: TestResult): void {
      live ??= import("./allure-live.js").then((m) => m.LiveAllureReport.start(engine, o)).catch(() => undefined);
      void live.then((r) => r?.add(t));
    },
    report: (): Promise<LiveAllureReport | undefined> => live ?? Promise.resolve(undefined),
  };
}
