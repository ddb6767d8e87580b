import type { Category } from "allure-js-commons/sdk";
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
