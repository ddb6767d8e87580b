// The suite lints itself: literal ids known to the registry, literal titles that are short, unique and modal-free.
import { describe, expect, it } from "vitest";
import { requirements } from "../../generated/requirements.js";
import { scanSuites } from "./collect.js";

const scans = scanSuites();
const declarations = scans.flatMap((s) => s.declarations);
const known = new Set(Object.keys(requirements));

describe("conformance declarations", () => {
  it("finds the suites", () => {
    expect(declarations.length).toBeGreaterThan(0);
  });

  it("use literal ids and titles", () => {
    expect(scans.flatMap((s) => s.problems)).toEqual([]);
  });

  it("name only requirements of the registry", () => {
    const ids = scans.flatMap((s) =>
      [...s.declarations.map((d) => d.id), ...s.rowIds].filter((id): id is string => id !== undefined).map((id) => `${s.file}: ${id}`),
    );
    expect(ids.filter((entry) => !known.has(entry.split(": ")[1]))).toEqual([]);
  });

  it("have titles of at most 100 characters", () => {
    expect(declarations.filter((d) => (d.title ?? "").length > 100).map((d) => `${d.file}:${d.line}: ${d.title}`)).toEqual([]);
  });

  it("have titles without 'should' or 'test that'", () => {
    expect(
      declarations.filter((d) => /\bshould\b|\btests? that\b/i.test(d.title ?? "")).map((d) => `${d.file}:${d.line}: ${d.title}`),
    ).toEqual([]);
  });

  it("have unique titles (a table's template counts once)", () => {
    const seen = new Map<string, string>();
    const dupes: string[] = [];
    for (const d of declarations) {
      const key = `${d.id ?? "table"} ${d.title}`;
      const where = `${d.file}:${d.line}`;
      if (seen.has(key)) dupes.push(`${where} repeats ${seen.get(key)}: ${d.title}`);
      else seen.set(key, where);
    }
    expect(dupes).toEqual([]);
  });

  it("declare OPEN requirements with observe() and the others with conformance()", () => {
    const wrong = declarations
      .filter((d) => d.id && known.has(d.id))
      .filter((d) => (requirements[d.id as keyof typeof requirements].basis === "OPEN") !== (d.kind === "observe"))
      .map((d) => `${d.file}:${d.line}: ${d.kind}("${d.id}") but ${d.id} is ${requirements[d.id as keyof typeof requirements].basis}`);
    expect(wrong).toEqual([]);
  });
});
