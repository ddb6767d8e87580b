/**
 * Allure glue: the categories (one list for allure-vitest and Allure Report 3), the environment block
 * (the run's facts and its verdict, on the report's front page), and `settleAllureResults`, which makes
 * each result say what the run decided: allure-vitest drops the reason of a skip, and a test blocked after
 * the run (run/premises.ts) was written as failed.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Category } from "allure-js-commons/sdk";
import { type ReqId, requirements } from "../generated/requirements.js";
import type { TestResult } from "../run/results.js";
import type { Certification } from "./certification.js";
import categoryList from "./categories.json" with { type: "json" };

// Order matters: a result goes to the first category that matches.
export const categories = categoryList as Category[];

export function environmentInfo(c: Certification): Record<string, string> {
  const f = c.facts;
  return {
    Verdict: c.summary,
    Target: f.mockFaults.length ? `${f.target} with faults ${f.mockFaults.join(", ")}` : f.target,
    Profile: `${f.profile.name} (${f.profile.path}, SHA-256 ${f.profile.sha256.slice(0, 16)}…)`,
    Seed: String(f.seed),
    Today: f.today,
    "Suite version": `${f.suite.version}${f.suite.commit ? ` (${f.suite.commit})` : ""}`,
    "Spec SHA-256": f.specSha256,
    Node: f.node,
  };
}

/**
 * Labels of one result for the report's trees. Allure's tree puts a result under every value of every
 * grouping label, so a test labelled with two tags and three operations (one that sent a request no
 * operation matched) was counted six times: 392 rows for 382 tests. Several values become one joined
 * value. The requirement view's labels come from the registry.
 */
export function treeLabels(
  labels: { name: string; value: string }[],
  requirementOf: (id: string) => { level: string; basis: string; text: string } | undefined,
): { name: string; value: string }[] {
  let out = labels;
  for (const name of ["epic", "feature", "story"]) {
    const values = [...new Set(out.filter((l) => l.name === name).map((l) => l.value))];
    if (values.length < 2) continue;
    out = [...out.filter((l) => l.name !== name), { name, value: values.join(", ") }];
  }
  const id = out.find((l) => l.name === "requirement")?.value;
  const req = id ? requirementOf(id) : undefined;
  if (!id || !req) return out;
  return [
    ...out.filter((l) => l.name !== "obligation" && l.name !== "requirementTitle"),
    { name: "obligation", value: req.basis === "OPEN" ? `OPEN ${req.level} (observed, never judged)` : req.level },
    { name: "requirementTitle", value: `${id}: ${req.text}` },
  ];
}

interface AllureResultFile {
  name?: string;
  fullName?: string;
  status?: string;
  statusDetails?: { message?: string; trace?: string };
  labels?: { name: string; value: string }[];
}

/** `pkg:suites/a/b.test.ts#[ID] title` → `suites/a/b.test#[ID] title`: the TestResult id. */
const testIdOf = (fullName: string | undefined) => (fullName ?? "").replace(/^[^:]*:/, "").replace(/\.test\.[tj]s#/, ".test#");

export function settleAllureResults(resultsDir: string, tests: readonly TestResult[]): void {
  const byId = new Map(tests.map((t) => [t.id, t]));
  let files: string[];
  try {
    files = readdirSync(resultsDir).filter((f) => f.endsWith("-result.json"));
  } catch {
    return; // no Allure results (the reporter was not part of this run)
  }
  for (const f of files) {
    const path = join(resultsDir, f);
    const r = JSON.parse(readFileSync(path, "utf8")) as AllureResultFile;
    const t = byId.get(testIdOf(r.fullName));
    if (!t) continue;
    const v = t.outcome.verdict;
    r.labels = [
      ...treeLabels(r.labels ?? [], (id) => requirements[id as ReqId]).filter((l) => l.name !== "verdict"),
      { name: "verdict", value: v },
    ];
    if (v === "blocked" || v === "skipped") {
      r.status = "skipped";
      r.statusDetails = { ...r.statusDetails, message: t.outcome.reason ?? v };
    }
    writeFileSync(path, JSON.stringify(r));
  }
}
