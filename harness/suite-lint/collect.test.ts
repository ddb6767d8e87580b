import { describe, expect, it } from "vitest";
import { scanSource } from "./collect.js";

describe("the lint's collector", () => {
  it("reads literal ids and titles of conformance() and observe()", () => {
    const s = scanSource(
      `conformance("AUTH-01", "answers x", async () => {});\nobserve('AUTH-08', \`records y\`, async () => {});`,
      "f.test.ts",
    );
    expect(s.declarations.map((d) => [d.kind, d.id, d.title, d.line])).toEqual([
      ["conformance", "AUTH-01", "answers x", 1],
      ["observe", "AUTH-08", "records y", 2],
    ]);
    expect(s.problems).toEqual([]);
  });

  it("reads a table's title template and its rows' ids", () => {
    const s = scanSource(
      `const rows = [{ req: "AUTH-02", a: 1 }, { ...r, req: 'AUTH-03' as const }];\nconformance.for(rows.map((r) => ({ ...r })))("answers $op", async (row) => {});`,
      "f.test.ts",
    );
    expect(s.declarations).toEqual([{ file: "f.test.ts", kind: "conformance.for", title: "answers $op", line: 2 }]);
    expect(s.rowIds).toEqual(["AUTH-02", "AUTH-03"]);
  });

  it("refuses a computed id, a computed title and tables without a literal id", () => {
    const s = scanSource(
      `conformance(id, "t", f);\nobserve("AUTH-08", \`x \${y}\`, f);\nconformance.for(rows)(title, f);\nconst r = { req: pick() };`,
      "f.test.ts",
    );
    expect(s.problems).toEqual([
      "f.test.ts:1: conformance() needs a literal requirement id",
      'f.test.ts:2: observe("AUTH-08", …) needs a literal title',
      "f.test.ts:3: conformance.for(...) needs a literal title",
    ]);
    expect(scanSource('conformance.for(rows)("t", f);', "g.test.ts").problems).toEqual([
      "g.test.ts: conformance.for(...) rows name no literal requirement id",
    ]);
  });

  it("takes table ids passed to a row helper", () => {
    const s = scanSource(
      `const rowsFor = <R extends ReqId>(req: R) => [{ req }];\nconformance.for(rowsFor("INPUT-METADATA-01"))("answers $op", f);`,
      "f.test.ts",
    );
    expect(s.rowIds).toEqual(["INPUT-METADATA-01"]);
    expect(s.problems).toEqual([]);
  });

  it("ignores imports, type annotations and methods that share a name", () => {
    const s = scanSource(`import { conformance, observe } from "x";\ninterface Case { req: ReqId }\nio.observe(target);`, "f.test.ts");
    expect(s).toEqual({ file: "f.test.ts", declarations: [], rowIds: [], problems: [] });
  });
});
