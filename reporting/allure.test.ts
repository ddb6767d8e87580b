import { describe, expect, it } from "vitest";
import { facts, finding, runResult, testResult } from "../lib/result-fixtures.js";
import { loadProfile, mockProfilePath } from "../run/profile.js";
import { environmentInfo } from "./allure.js";
import { allureResultOf } from "./allure-results.js";
import { buildCertification } from "./certification.js";

describe("Allure results say what the run decided", () => {
  it("a blocked or skipped test becomes skipped with its reason, and every result carries its verdict", () => {
    const blocked = testResult("SCHEMA-01", { verdict: "blocked", reason: "blocked by INPUT-PHONE-02: HTTP status 422 expected" });
    const passed = testResult("AUTH-01");
    expect(allureResultOf(blocked, 0).result).toMatchObject({
      status: "skipped",
      statusDetails: { message: "blocked by INPUT-PHONE-02: HTTP status 422 expected" },
    });
    expect(allureResultOf(blocked, 0).result.labels).toContainEqual({ name: "verdict", value: "blocked" });
    expect(allureResultOf(passed, 0).result).toMatchObject({ status: "passed" });
    expect(allureResultOf(passed, 0).result.labels).toContainEqual({ name: "verdict", value: "pass" });
  });

  it("a test that found a violation is failed, also when its own verdict is blocked or pass (as in JUnit)", () => {
    const blocked = testResult("NOTFOUND-04", { verdict: "blocked", reason: "blocked by SCHEMA-08", findings: [finding("SCHEMA-08")] });
    const passed = testResult("AUTH-01", { verdict: "pass", findings: [finding("SCHEMA-06")] });
    expect(allureResultOf(blocked, 0).result.status).toBe("failed");
    expect(allureResultOf(passed, 0).result.status).toBe("failed");
    expect(allureResultOf(blocked, 0).result.labels).toContainEqual({ name: "verdict", value: "blocked" });
  });

  it("puts the verdict and the run's facts on the front page (environment)", () => {
    const c = buildCertification({
      result: runResult([testResult("AUTH-01")]),
      facts: { ...facts, mockFaults: ["phone-lenient"] },
      profile: loadProfile(mockProfilePath).profile,
      selected: ["AUTH-01"],
    });
    const env = environmentInfo(c);
    expect(env.Verdict).toMatch(/^CONFORMANT within scope/);
    expect(env.Target).toBe("embedded mock with faults phone-lenient");
  });
});
