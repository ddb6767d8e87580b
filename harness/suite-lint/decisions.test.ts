// Every decision the spec rests on (x-decision) is written down in docs/decisions.md, where links point.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { requirements } from "../../generated/requirements.js";
import { loadSpec } from "../../lib/spec.js";
import { packageRoot as projectRoot } from "../../lib/paths.js";

/** Every D<n> named by an `x-decision` anywhere in the spec (a string or a list). */
export function specDecisions(node: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const v of node) specDecisions(v, out);
  else if (node !== null && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k === "x-decision") for (const d of [v].flat()) out.add(String(d));
      else specDecisions(v, out);
    }
  }
  return out;
}

/** Decisions recorded in the markdown: a heading or an anchor that names D<n>. */
export function recordedDecisions(markdown: string): Set<string> {
  const out = new Set<string>();
  for (const m of markdown.matchAll(/^#{1,6}[^\n]*?\b(D\d+)\b|<a (?:id|name)="(d\d+)"/gim)) out.add((m[1] ?? m[2]).toUpperCase());
  return out;
}

describe("decisions", () => {
  it("the collectors find what they should", () => {
    expect([...specDecisions({ a: { "x-decision": "D1" }, b: [{ "x-decision": ["D2", "D3"] }] })]).toEqual(["D1", "D2", "D3"]);
    expect([...recordedDecisions('# Decisions\n## D1 — auth\ntext about D9\n### D12: codes\n<a id="d40"></a>')]).toEqual([
      "D1",
      "D12",
      "D40",
    ]);
  });

  it("every x-decision of the spec is recorded in docs/decisions.md", () => {
    const path = join(projectRoot, "docs", "decisions.md");
    expect(existsSync(path), "docs/decisions.md is missing").toBe(true);
    const recorded = recordedDecisions(readFileSync(path, "utf8"));
    const missing = [...specDecisions(loadSpec())].filter((d) => !recorded.has(d)).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
    expect(missing, "decisions the spec cites but docs/decisions.md does not record (as a heading)").toEqual([]);
  });

  it("the evidence table lists every DECISION requirement with its current level and decision", () => {
    const markdown = readFileSync(join(projectRoot, "docs", "decisions.md"), "utf8");
    const rows = new Map(
      [...markdown.matchAll(/^\| ([A-Z]+(?:-[A-Z0-9]+)+) \| (MUST|SHOULD|MAY)[^|]*\| \[(D\d+)\]/gm)].map((m) => [m[1], `${m[2]} ${m[3]}`]),
    );
    const wanted = Object.values(requirements)
      .filter((r) => r.basis === "DECISION")
      .map((r) => [r.id, `${r.level} ${"decision" in r ? r.decision : "?"}`] as const);
    expect(wanted.length).toBeGreaterThan(50);
    expect(
      wanted.filter(([id, v]) => rows.get(id) !== v).map(([id, v]) => `${id}: table ${rows.get(id) ?? "(missing)"}, registry ${v}`),
    ).toEqual([]);
    expect([...rows.keys()].filter((id) => requirements[id as keyof typeof requirements]?.basis !== "DECISION")).toEqual([]);
  });
});
