import { describe, expect, it } from "vitest";
import { CannotRunError } from "./errors.js";
import { selectRequirements, testNamePattern } from "./filter.js";
import { isIsoDate, parseRunOptions } from "./options.js";
import type { Requirement } from "../reporting/registry.js";

const bad = (raw: Parameters<typeof parseRunOptions>[0]) => () => parseRunOptions(raw, "/w");

describe("run options", () => {
  it("accepts a full set of valid flags and resolves paths against the working folder", () => {
    const o = parseRunOptions(
      {
        target: "https://x.test/",
        profile: "p.yaml",
        area: "auth, input",
        requirement: "auth-01",
        budget: "50",
        seed: "0",
        today: "2024-02-29",
        reports: "out",
      },
      "/w",
    );
    expect(o).toMatchObject({
      target: "https://x.test",
      profile: "/w/p.yaml",
      areas: ["auth", "input"],
      requirements: ["AUTH-01"],
      budget: 50,
      seed: 0,
      today: "2024-02-29",
      reportsDir: "/w/out",
      html: true,
      quiet: false,
    });
  });

  it.each([
    [{ target: "not a url" }, /--target is not a URL/],
    [{ target: "ftp://x.test" }, /must be http/],
    [{ target: "https://user:pw@x.test" }, /must not carry credentials/],
    [{ budget: "0" }, /--budget must be at least 1/],
    [{ budget: "1e3" }, /--budget must be a whole number/],
    [{ seed: "-1" }, /--seed must be a whole number/],
    [{ today: "2023-02-29" }, /--today must be a date/],
    [{ target: "http://x.test", mockFaults: "f1" }, /embedded mock only/],
  ])("rejects %o", (raw, message) => {
    expect(bad(raw)).toThrow(CannotRunError);
    expect(bad(raw)).toThrow(message);
  });

  it("knows real calendar dates", () => {
    expect([isIsoDate("2024-02-29"), isIsoDate("2023-02-29"), isIsoDate("2024-13-01"), isIsoDate("24-01-01")]).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });
});

describe("requirement filter", () => {
  const reg = ["AUTH-01", "AUTH-10", "INPUT-01"].map(
    (id) => ({ id, area: id.split("-")[0].toLowerCase(), level: "MUST", basis: "DOC", operations: ["*"], text: "" }) as Requirement,
  );

  it("is the union of --area and --requirement, undefined when neither is given", () => {
    expect(selectRequirements(reg, [], [])).toBeUndefined();
    expect([...selectRequirements(reg, ["input"], ["AUTH-01"])!].sort()).toEqual(["AUTH-01", "INPUT-01"]);
  });

  it("rejects unknown ids and areas", () => {
    expect(() => selectRequirements(reg, [], ["AUTH-99"])).toThrow(/unknown requirement id\(s\): AUTH-99/);
    expect(() => selectRequirements(reg, ["nope"], [])).toThrow(/unknown area\(s\): nope/);
  });

  it("builds a title pattern that matches the exact id prefix, also inside a describe block", () => {
    const p = testNamePattern(new Set(["AUTH-01"]));
    expect(p.test("[AUTH-01] answers 401")).toBe(true);
    expect(p.test("auth table [AUTH-01] answers 401")).toBe(true);
    expect(p.test("[AUTH-010] answers 401")).toBe(false);
    expect(p.test("[AUTH-10] answers 401")).toBe(false);
    expect(p.test("mentions AUTH-01 later")).toBe(false);
  });
});
