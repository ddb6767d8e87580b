/**
 * Options for allure-vitest's reporter: environment, categories, and a listener that adds the
 * run parameters to every result, gives skipped results their reason (allure-vitest drops
 * the `ctx.skip(reason)` note, and the "Rate-limited / inconclusive" category matches on it)
 * and gives each result one place in each of the report's trees.
 */
import type { TestResult } from "allure-js-commons";
import type { Category } from "allure-js-commons/sdk";
import { Status } from "allure-js-commons";
import categoryList from "./categories.json";
import { loadRegistry, type Requirement } from "./registry.js";

// One list for both readers: allure-vitest writes it into the results, Allure Report 3 reads it
// through the config reporting/allure-generate.ts writes. Order matters: a result goes to the
// first category that matches.
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

type RequirementFacts = Pick<Requirement, "level" | "basis" | "text">;

/**
 * Labels of one result for the report's trees. Allure's tree puts a result under every value of
 * every grouping label, so a test labelled with two tags and three operations (one that sent a
 * request no operation matched) was counted six times: 392 rows for 382 tests. Several values
 * become one joined value. The requirement view's labels come from the registry.
 */
export function treeLabels(result: Pick<TestResult, "labels">, registry: ReadonlyMap<string, RequirementFacts>): void {
  for (const name of ["epic", "feature", "story"]) {
    const values = [...new Set(result.labels.filter((l) => l.name === name).map((l) => l.value))];
    if (values.length < 2) continue;
    result.labels = result.labels.filter((l) => l.name !== name);
    result.labels.push({ name, value: values.join(", ") });
  }
  const id = result.labels.find((l) => l.name === "requirement")?.value;
  const req = id ? registry.get(id) : undefined;
  if (!id || !req) return;
  result.labels = result.labels.filter((l) => l.name !== "obligation" && l.name !== "requirementTitle");
  result.labels.push(
    { name: "obligation", value: req.basis === "OPEN" ? `OPEN ${req.level} (observed, never judged)` : req.level },
    { name: "requirementTitle", value: `${id}: ${req.text}` },
  );
}

const registryFacts = (): ReadonlyMap<string, RequirementFacts> => new Map(loadRegistry().map((r) => [r.id, r]));

/**
 * Listener run by the Allure runtime before each result is written. `info()` is read late:
 * the target URL of the embedded mock is only known after the global setup.
 */
export function runListener(
  info: () => AllureRunInfo,
  skipNotes: ReadonlyMap<string, string>,
  registry: ReadonlyMap<string, RequirementFacts> = registryFacts(),
) {
  return {
    // The last hook before the file is written: every label of the test is there by now.
    beforeTestResultWrite(result: TestResult): void {
      treeLabels(result, registry);
    },
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
