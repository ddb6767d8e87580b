import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../spec.js";
import { packageRoot } from "../paths.js";

const text = readFileSync(join(packageRoot, "docs", "decisions.md"), "utf8");
const anchors = [...text.matchAll(/<a id="d(\d+)"><\/a>\n## D(\d+) — \S/g)].map((m) => {
  expect(m[1]).toBe(m[2]);
  return Number(m[1]);
});

function decisionsInSpec(node: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(node)) for (const v of node) decisionsInSpec(v, into);
  else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k === "x-decision") for (const d of [v].flat()) into.add(String(d));
      decisionsInSpec(v, into);
    }
  }
  return into;
}

describe("docs/decisions.md", () => {
  it("has one anchored heading per decision, D1 upwards with no gap", () => {
    expect(anchors.length).toBeGreaterThanOrEqual(34);
    expect(anchors).toEqual(anchors.map((_, i) => i + 1));
  });

  it("every x-decision in the spec names a recorded decision", () => {
    const used = [...decisionsInSpec(loadSpec(), new Set())];
    expect(used.length).toBeGreaterThan(20);
    for (const d of used) expect(d, d).toMatch(/^D\d+$/);
    for (const d of used) expect(anchors, d).toContain(Number(d.slice(1)));
  });

  it("lists the known contradictions", () => {
    const section = text.split("## Known contradictions in ID.me's docs")[1] ?? "";
    for (const topic of ["`result` vs `results`", "3106", "2006", "3200 vs 3300", "product names", "header form"]) {
      expect(section, topic).toContain(topic);
    }
  });
});
