/**
 * JUnit XML from a run's results: one <testsuite> per area, one <testcase> per test named `[REQ-ID] title`.
 * A test that found a violation is a <failure> whose text names the requirement each finding is charged
 * to; blocked, skipped and out-of-scope tests are <skipped> with the reason; a test that could not judge
 * (unreachable, timeout, suite defect) is an <error>. The run's verdict line is a property of the root.
 */
import { create } from "xmlbuilder2";
import { requirements } from "../generated/requirements.js";
import type { RunResult, TestResult } from "../run/results.js";
import type { Certification } from "./certification.js";
import { testText } from "./failure-text.js";

const seconds = (ms: number) => (ms / 1000).toFixed(3);

export function renderJunit(result: RunResult, certification: Certification, suiteName = "ID.me Services API v2 conformance"): string {
  const byArea = new Map<string, TestResult[]>();
  for (const t of result.tests) {
    const area = requirements[t.requirement]?.area ?? "unknown";
    byArea.set(area, [...(byArea.get(area) ?? []), t]);
  }
  const count = (ts: readonly TestResult[], ...verdicts: string[]) => ts.filter((t) => verdicts.includes(t.outcome.verdict)).length;
  const root = create({ version: "1.0", encoding: "UTF-8" }).ele("testsuites", {
    name: suiteName,
    tests: result.tests.length,
    failures: count(result.tests, "fail"),
    errors: count(result.tests, "error"),
    skipped: count(result.tests, "skipped", "blocked"),
    time: seconds(result.durationMs),
  });
  const props = root.ele("properties");
  for (const [name, value] of [
    ["verdict", certification.verdict],
    ["summary", certification.summary],
    ["target", certification.facts.target],
    ["profile", `${certification.facts.profile.name} (sha256 ${certification.facts.profile.sha256})`],
    ["seed", String(certification.facts.seed)],
    ["today", certification.facts.today],
    ...(certification.facts.mockFaults.length ? [["mockFaults", certification.facts.mockFaults.join(",")]] : []),
  ])
    props.ele("property", { name, value });
  for (const [area, tests] of [...byArea].sort(([a], [b]) => a.localeCompare(b))) {
    const suite = root.ele("testsuite", {
      name: area,
      tests: tests.length,
      failures: count(tests, "fail"),
      errors: count(tests, "error"),
      skipped: count(tests, "skipped", "blocked"),
      time: seconds(tests.reduce((s, t) => s + t.durationMs, 0)),
    });
    for (const t of tests) {
      const tc = suite.ele("testcase", { classname: t.file, name: t.title, time: seconds(t.durationMs) });
      const text = testText(t);
      const first = text.split("\n")[0] ?? "";
      if (t.outcome.verdict === "fail") tc.ele("failure", { message: first, type: "ContractViolation" }).txt(text);
      else if (t.outcome.verdict === "error") tc.ele("error", { message: first, type: t.outcome.unverified ?? "error" }).txt(text);
      else if (t.outcome.verdict === "blocked" || t.outcome.verdict === "skipped") tc.ele("skipped", { message: first });
      if ((t.outcome.verdict === "blocked" && t.outcome.findings.length) || t.outcome.verdict === "observed")
        tc.ele("system-out").txt(text);
    }
  }
  return root.end({ prettyPrint: true });
}
