/**
 * The report writers that are slow to load, loaded when first asked for instead of with the CLI: JUnit's
 * (xmlbuilder2, ~60–75 ms) and the HTML report's (allure-js-commons' reporter SDK, ~35–40 ms). A run asks for
 * them at its first test result (cli/run.ts), while the tests leave the main thread time to spare; a run without
 * the HTML report never loads Allure's. The runtime loads a module once: a later ask gets the same one.
 */
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
