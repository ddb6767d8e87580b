/**
 * Every message of the error catalogue is ID.me's published text byte for byte (issue 9 item 3): the spec
 * is compared with the project's copy of the overview page, not with a retyped table. The exact-message
 * check (D40) must accept the page's own bytes, including its examples' variants.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sameMessage } from "../../checks/error-message-matches.js";
import { catalogue, httpError, transactionError } from "../spec.js";
import { seedExampleMessages, seedPath, seedRows } from "./seed-tables.js";

// docs/sources/README.md records the same hash: a changed copy is a new capture, not an edit.
const seedSha256 = "a0abb5eb1e18df0a1d8f8789070b6e7f96f400d1145fdea44418db631640ef7a";

const rows = seedRows();
const bytes = (s: string) => Buffer.from(s, "utf8").toString("hex");

describe("the error catalogue is the overview page's text", () => {
  it("the copy of the page is the captured one", () => {
    expect(createHash("sha256").update(readFileSync(seedPath)).digest("hex")).toBe(seedSha256);
  });

  it("the page's tables hold 23 HTTP-level and 19 transaction codes, the catalogue's codes", () => {
    expect(rows.filter((r) => typeof r.table === "number")).toHaveLength(23);
    expect(rows.filter((r) => typeof r.table === "string")).toHaveLength(19);
    const cat = [...catalogue().http, ...catalogue().transaction].map((e) => e.code).sort();
    expect(rows.map((r) => r.code).sort()).toEqual(cat);
  });

  it.each(rows.map((r) => [r.code, r] as const))("%s: status or family and message, byte for byte", (_code, r) => {
    const entry = typeof r.table === "number" ? httpError(r.code) : transactionError(r.code);
    expect(entry, `${r.code} is in the catalogue`).toBeDefined();
    if (typeof r.table === "number") expect(httpError(r.code)?.status).toBe(r.table);
    else expect(transactionError(r.code)?.family).toBe(r.table);
    // Compared as bytes: a straight apostrophe for U+2019 (2004) is a difference here, whatever D40 folds.
    expect(bytes(entry?.message ?? ""), JSON.stringify(entry?.message)).toBe(bytes(r.message));
  });

  it("2004 keeps the page's typographic apostrophe (U+2019)", () => {
    expect(transactionError(2004)?.message).toContain("document\u2019s");
  });
});

describe("the exact-message check accepts the page's published bytes (D40)", () => {
  const examples = seedExampleMessages().filter((e) => e.code >= 1000);

  it("finds the page's three example errors", () => {
    expect(examples.map((e) => e.code)).toEqual([2200, 2006, 1014]);
  });

  it("each table message matches its catalogue text", () => {
    for (const r of rows) {
      const expected = (typeof r.table === "number" ? httpError(r.code) : transactionError(r.code))?.message ?? "";
      expect(sameMessage(r.message, expected), String(r.code)).toBe(true);
    }
  });

  it("the examples' messages match: 2200 as written, 2006's text (final period) as 3109's (none)", () => {
    expect(sameMessage(examples[0].message, httpError(2200)?.message ?? "")).toBe(true);
    expect(examples[1].message.endsWith(".")).toBe(true);
    expect(httpError(3109)?.message.endsWith(".")).toBe(false);
    expect(sameMessage(examples[1].message, httpError(3109)?.message ?? "")).toBe(true);
    expect(sameMessage(examples[2].message, transactionError(1014)?.message ?? "")).toBe(true);
  });

  it("a straight apostrophe for 2004's U+2019 still matches, another word does not", () => {
    const published = transactionError(2004)?.message ?? "";
    expect(sameMessage(published.replace("\u2019", "'"), published)).toBe(true);
    expect(sameMessage(published.replace("document\u2019s", "documents"), published)).toBe(false);
  });
});
