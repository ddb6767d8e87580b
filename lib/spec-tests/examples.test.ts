import { describe, expect, it } from "vitest";
import { loadSpec, validateAtPointer } from "../spec.js";
import { deref, escapePointer } from "../spec-document.js";

interface Case {
  where: string;
  schema: string;
  value: unknown;
}

/** Every example in the document with the pointer of the schema it illustrates. */
function collectExamples(): Case[] {
  const cases: Case[] = [];
  const walk = (node: unknown, pointer: string): void => {
    if (!node || typeof node !== "object") return;
    if (Array.isArray(node)) {
      for (const [i, v] of node.entries()) walk(v, `${pointer}/${i}`);
      return;
    }
    const obj = node as Record<string, unknown>;
    // A media type object or a parameter: `schema` beside `example` / `examples` (a map).
    if (obj.schema !== undefined && !pointer.includes("/schemas/")) {
      if ("example" in obj) cases.push({ where: `${pointer}/example`, schema: `${pointer}/schema`, value: obj.example });
      for (const [name, ex] of Object.entries((obj.examples ?? {}) as Record<string, unknown>)) {
        const { node: resolved } = deref<{ value: unknown }>(ex, `${pointer}/examples/${name}`);
        cases.push({ where: `${pointer}/examples/${name}`, schema: `${pointer}/schema`, value: resolved.value });
      }
    }
    for (const [k, v] of Object.entries(obj)) if (k !== "x-error-catalogue") walk(v, `${pointer}/${escapePointer(k)}`);
  };
  const doc = loadSpec();
  walk(doc, "#");
  // Schema-level `examples` (an array) in components/schemas.
  for (const [name, schema] of Object.entries<Record<string, unknown>>(doc.components.schemas)) {
    for (const [i, value] of ((schema.examples ?? []) as unknown[]).entries()) {
      cases.push({ where: `#/components/schemas/${name}/examples/${i}`, schema: `#/components/schemas/${name}`, value });
    }
  }
  return cases;
}

const cases = collectExamples();

describe("every example in the spec validates against its schema", () => {
  it("finds the spec's examples (media types, parameters, schemas)", () => {
    expect(cases.length).toBeGreaterThan(50);
    expect(cases.some((c) => c.where.startsWith("#/webhooks/"))).toBe(true);
    expect(cases.some((c) => c.where.startsWith("#/components/parameters/"))).toBe(true);
  });

  it.each(cases.map((c) => [c.where, c] as const))("%s", (_where, c) => {
    expect(c.value, "example has a value").not.toBeUndefined();
    expect(validateAtPointer(c.schema, c.value)).toEqual([]);
  });
});
