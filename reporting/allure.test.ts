import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { facts, runResult, testResult } from "../lib/result-fixtures.js";
import { loadProfile, mockProfilePath } from "../run/profile.js";
import { environmentInfo, settleAllureResults } from "./allure.js";
import { buildCertification } from "./certification.js";

const dir = mkdtempSync(join(tmpdir(), "allure-settle-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("Allure results say what the run decided", () => {
  it("a blocked or skipped test becomes skipped with its reason, and every result carries its verdict", () => {
    const blocked = testResult("SCHEMA-01", { verdict: "blocked", reason: "blocked by INPUT-PHONE-02: HTTP status 422 expected" });
    const passed = testResult("AUTH-01");
    const file = (t: typeof blocked, status: string) => {
      const path = join(dir, `${t.title.length}-${status}-result.json`);
      writeFileSync(
        path,
        JSON.stringify({ name: t.title, fullName: `pkg:${t.file}.ts#${t.title}`, status, statusDetails: {}, labels: [] }),
      );
      return path;
    };
    const a = file(blocked, "failed");
    const b = file(passed, "passed");
    settleAllureResults(dir, [blocked, passed]);
    expect(JSON.parse(readFileSync(a, "utf8"))).toMatchObject({
      status: "skipped",
      statusDetails: { message: "blocked by INPUT-PHONE-02: HTTP status 422 expected" },
      labels: [{ name: "verdict", value: "blocked" }],
    });
    expect(JSON.parse(readFileSync(b, "utf8"))).toMatchObject({ status: "passed", labels: [{ name: "verdict", value: "pass" }] });
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
