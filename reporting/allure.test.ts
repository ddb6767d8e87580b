import { Status, type TestResult } from "allure-js-commons";
import { describe, expect, it } from "vitest";
import { runListener } from "./allure.js";
import { VitestLog } from "./vitest-log.js";

const info = () => ({ baseUrl: "http://127.0.0.1:1234", profile: "mock", seed: "7", suiteVersion: "0.1.0", specSha256: "abc" });
const result = (over: Partial<TestResult>): TestResult =>
  ({ parameters: [], statusDetails: {}, fullName: "pkg:suites/a.test.ts#[AUTH-01] x", ...over }) as unknown as TestResult;

describe("Allure run listener", () => {
  it("adds target/profile/seed as parameters excluded from the history id, without duplicating the harness's", () => {
    const r = result({ parameters: [{ name: "seed", value: "7" }] });
    runListener(info, new Map()).beforeTestResultStop(r);
    expect(r.parameters).toEqual([
      { name: "seed", value: "7" },
      { name: "target", value: "http://127.0.0.1:1234", excluded: true },
      { name: "profile", value: "mock", excluded: true },
    ]);
  });

  it("gives a skipped result the reason passed to ctx.skip, matched by file and title", () => {
    const notes = new Map([
      ["suites/a.test.ts#[AUTH-01] x", "the request budget of 5 requests is spent"],
      ["suites/b.test.ts#[AUTH-01] x", "other"],
    ]);
    const skipped = result({ status: Status.SKIPPED });
    runListener(info, notes).beforeTestResultStop(skipped);
    expect(skipped.statusDetails.message).toBe("the request budget of 5 requests is spent");
    const passed = result({ status: Status.PASSED });
    runListener(info, notes).beforeTestResultStop(passed);
    expect(passed.statusDetails.message).toBeUndefined();
  });
});

describe("vitest log", () => {
  it("keeps vitest's output without colours and finds the first error line", () => {
    const log = new VitestLog();
    log.stream.write(
      "\u001b[31m⎯⎯ Unhandled Error ⎯⎯\u001b[39m\n\u001b[1mError\u001b[22m: ENOENT: no such file or directory, open '/x.yaml'\n ❯ readFileSync\n",
    );
    expect(log.content).toContain("⎯⎯ Unhandled Error ⎯⎯");
    expect(log.firstError()).toBe("Error: ENOENT: no such file or directory, open '/x.yaml'");
    expect(new VitestLog().firstError()).toBeUndefined();
  });
});
