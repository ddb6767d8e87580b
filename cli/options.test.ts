import { describe, expect, it } from "vitest";
import { CannotRunError } from "./errors.js";
import { flagValue, listValue, value } from "./flag-value.js";
import { isIsoDate, parseRunOptions } from "./options.js";

const bad = (raw: Parameters<typeof parseRunOptions>[0]) => () => parseRunOptions(raw, "/w");

describe("run options", () => {
  it("accepts a full set of valid flags and resolves paths against the working folder", () => {
    const { request, output } = parseRunOptions(
      {
        target: "https://x.test/",
        profile: "p.yaml",
        area: "auth, input",
        requirement: "auth-01",
        budget: "50",
        seed: "0",
        today: "2024-02-29",
        reports: "out",
        shard: "2/4",
      },
      "/w",
    );
    expect(request).toMatchObject({
      target: "https://x.test",
      profile: "/w/p.yaml",
      areas: ["auth", "input"],
      requirements: ["AUTH-01"],
      budget: 50,
      seed: 0,
      today: "2024-02-29",
      reportsDir: "/w/out",
      shard: { index: 2, count: 4 },
    });
    expect(output).toEqual({ html: true, allureResults: false, quiet: false });
  });

  it("writes Allure's raw results only with --allure-results", () => {
    expect(parseRunOptions({ allureResults: true }, "/w").output.allureResults).toBe(true);
    expect(parseRunOptions({}, "/w").output.allureResults).toBe(false);
  });

  it("reads the profile from standard input for -", () => {
    expect(parseRunOptions({ profile: "-" }, "/w").request.profile).toBe("-");
  });

  it.each([
    [{ target: "not a url" }, /--target is not a URL/],
    [{ target: "ftp://x.test" }, /must be http/],
    [{ target: "https://user:pw@x.test" }, /must not carry credentials/],
    [{ budget: "0" }, /--budget must be at least 1/],
    [{ budget: "1e3" }, /--budget must be a whole number/],
    [{ seed: "-1" }, /--seed must be a whole number/],
    [{ today: "2023-02-29" }, /--today must be a calendar date/],
    [{ target: "http://x.test", mockFaults: "phone-lenient" }, /embedded mock only/],
    [{ mockFaults: "nosuch" }, /unknown fault\(s\) for --mock-faults: nosuch; known: .*phone-lenient/],
    [{ mockFaults: "phone-lenent" }, /unknown fault\(s\) for --mock-faults: phone-lenent \(did you mean phone-lenient\?\); known: /],
    [{ mockFaults: " , " }, /^--mock-faults needs at least one fault id/],
    [{ shard: "3/2" }, /--shard must be i\/n/],
  ])("rejects %o", (raw, message) => {
    expect(bad(raw)).toThrow(CannotRunError);
    expect(bad(raw)).toThrow(message);
  });

  it("refuses a flag where a value belongs", () => {
    expect(() => flagValue("--target", "--profile")).toThrow("--target needs a value, but the next argument is the flag --profile");
    expect(flagValue("--profile", "-")).toBe("-");
  });

  it("adds a list flag given twice to its list, and refuses a single-value flag given twice (commander kept the last)", () => {
    const area = listValue("--area");
    expect(area("auth", area("health", undefined))).toBe("health,auth");
    const seed = value("--seed");
    expect(seed("1")).toBe("1");
    expect(() => seed("2")).toThrow("--seed is given twice; give it once");
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
