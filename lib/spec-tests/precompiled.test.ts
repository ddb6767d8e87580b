// The validators compiled ahead (generated/spec-validators.ts) stand for Ajv compiling at run time: they cover
// every schema the suite validates, were made from this spec, and give the same verdict and the same errors on
// the spec's examples, on those examples broken one property at a time, and on arbitrary JSON.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as ahead from "../../generated/spec-validators.js";
import { operations, requestSchemas, responseFor } from "../spec.js";
import { compiledHere, type Validator } from "../spec-ajv.js";
import { precompiledPointers } from "../spec-ajv-instance.js";
import { escapePointer, loadSpec, specSha256 } from "../spec-document.js";

const precompiled = ahead.validators as unknown as Record<string, Validator>;

/** The pointers lib/spec.ts hands to Ajv: each documented answer's schema, each request body's, each named one. */
function pointersInUse(): string[] {
  const out = new Set<string>();
  for (const op of operations()) {
    for (const status of op.statuses) {
      const found = responseFor(op.id, status);
      for (const mediaType of Object.keys(found?.response.content ?? {}))
        if (found?.response.content?.[mediaType]?.schema !== undefined)
          out.add(`${found.pointer}/content/${escapePointer(mediaType)}/schema`);
    }
    for (const r of requestSchemas(op.id)) out.add(r.pointer);
  }
  for (const name of Object.keys(loadSpec().components?.schemas ?? {})) out.add(`#/components/schemas/${escapePointer(name)}`);
  return [...out];
}

/** What a validator says of a value: its verdict and its errors (as JSON: read before the next call replaces them). */
function judged(v: Validator, value: unknown): string {
  const valid = v(value);
  return JSON.stringify({ valid, errors: valid ? null : v.errors });
}

/** Every example the spec holds (schemas' `examples` and `example`, media types' examples), wherever it stands. */
function everyExample(): unknown[] {
  const out: unknown[] = [];
  const walk = (node: unknown, parentKey: string): void => {
    if (!node || typeof node !== "object") return;
    if (Array.isArray(node)) {
      for (const v of node) walk(v, parentKey);
      return;
    }
    const obj = node as Record<string, unknown>;
    if ("example" in obj) out.push(obj.example);
    // `examples`: a list on a schema, a map of Example objects on a media type.
    if (Array.isArray(obj.examples)) out.push(...obj.examples);
    else if (obj.examples && typeof obj.examples === "object")
      for (const ex of Object.values(obj.examples as Record<string, { value?: unknown }>)) if (ex && "value" in ex) out.push(ex.value);
    for (const [k, v] of Object.entries(obj)) if (k !== "examples" && k !== "example") walk(v, k);
  };
  walk(loadSpec(), "");
  return out;
}

/** The examples, and each of them with one property removed or replaced by a value of another kind. */
function variantsOf(examples: readonly unknown[]): unknown[] {
  const out: unknown[] = [...examples];
  const replacements = [null, -1, "x".repeat(600), [{}]];
  for (const ex of examples) {
    if (!ex || typeof ex !== "object" || Array.isArray(ex)) continue;
    for (const key of Object.keys(ex)) {
      const { [key]: _removed, ...rest } = ex as Record<string, unknown>;
      out.push(rest);
      for (const r of replacements) out.push({ ...ex, [key]: r });
    }
  }
  return out;
}

describe("generated/spec-validators.ts", () => {
  it("was compiled from this spec (npm run generate)", () => {
    expect(ahead.specSha256).toBe(specSha256());
  });

  it("holds every schema the suite validates, so none is compiled at run time", () => {
    const missing = pointersInUse().filter((p) => !Object.hasOwn(precompiled, p));
    expect(missing).toEqual([]);
    expect(Object.keys(precompiled)).toEqual(precompiledPointers(loadSpec()));
  });

  it("judges every example of the spec and its one-property variants as Ajv does at run time, errors and all", () => {
    const values = variantsOf(everyExample());
    const differ: string[] = [];
    let valid = 0;
    for (const pointer of Object.keys(precompiled)) {
      const here = compiledHere(pointer);
      for (const value of values) {
        const got = judged(precompiled[pointer], value);
        if (got !== judged(here, value)) differ.push(`${pointer} on ${JSON.stringify(value).slice(0, 120)}`);
        if (got.startsWith('{"valid":true')) valid++;
      }
    }
    expect(differ).toEqual([]);
    // Both verdicts occur: the values are not all rejected at the first keyword.
    expect(values.length).toBeGreaterThan(400);
    expect(valid).toBeGreaterThan(100);
  });

  it("judges arbitrary JSON as Ajv does at run time", () => {
    const pointers = Object.keys(precompiled);
    fc.assert(
      fc.property(fc.constantFrom(...pointers), fc.jsonValue({ maxDepth: 4 }), (pointer, value) => {
        expect(judged(precompiled[pointer], value)).toBe(judged(compiledHere(pointer), value));
      }),
      { numRuns: 400, seed: 20261202 },
    );
  });
});
