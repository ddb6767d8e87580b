/**
 * Options for allure-vitest's reporter: environment, categories, and a listener that adds the
 * run parameters to every result and gives skipped results their reason (allure-vitest drops
 * the `ctx.skip(reason)` note, and the "Rate-limited / inconclusive" category matches on it).
 */
import type { TestResult } from "allure-js-commons";
import type { Category } from "allure-js-commons/sdk";
import { Status } from "allure-js-commons";
import categoryList from "./categories.json";

// One list for both readers: allure-vitest writes it into the results, Allure Report 3 reads it
// through allurerc.mjs. Order matters: a result goes to the first category that matches.
export const categories = categoryList as Category[];

export interface AllureRunInfo {
  baseUrl: string;
  profile: string;
  seed: string;
  suiteVersion: string;
  specSha256: string;
}

export function environmentInfo(info: AllureRunInfo): Record<string, string> {
  return {
    "Base URL": info.baseUrl,
    Profile: info.profile,
    Seed: info.seed,
    "Suite version": info.suiteVersion,
    "Spec SHA-256": info.specSha256,
    Node: process.version,
  };
}

/**
 * Listener run by the Allure runtime before each result is written. `info()` is read late:
 * the target URL of the embedded mock is only known after the global setup.
 */
export function runListener(info: () => AllureRunInfo, skipNotes: ReadonlyMap<string, string>) {
  return {
    beforeTestResultStop(result: TestResult): void {
      const i = info();
      for (const [name, value] of [
        ["target", i.baseUrl],
        ["profile", i.profile],
        ["seed", i.seed],
      ] as const) {
        if (!result.parameters.some((p) => p.name === name)) result.parameters.push({ name, value, excluded: true });
      }
      if (result.status === Status.SKIPPED && !result.statusDetails?.message) {
        const note = [...skipNotes].find(([key]) => result.fullName?.endsWith(key))?.[1];
        if (note) result.statusDetails = { ...result.statusDetails, message: note };
      }
    },
  };
}
