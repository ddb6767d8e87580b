/**
 * JUnit XML from a run's results: one <testsuite> per area, one <testcase> per test named `[REQ-ID] title`.
 * A test that found a violation is a <failure> whose text names the requirement each finding is charged
 * to, whatever its own verdict (a standard check charges other requirements); blocked, skipped and
 * out-of-scope tests are <skipped> with the reason; a test that could not judge (unreachable, timeout,
 * suite defect) is an <error>. The run's verdict line is a property of the root.
 */
import { create } from "xmlbuilder2";
import { requirements } from "../generated/requirements.js";
import type { RunResult, TestResult } from "../run/results.js";
import type { Certification } from "./certification.js";
import { findingsText, foundViolation, testText } from "./failure-text.js";

const seconds = (ms: number) => (ms / 1000).toFixed(3);

export function renderJunit(result: RunResult, certification: Certification, suiteName = "ID.me Services API v2 conformance"): string {
  const byArea = new Map<string, TestResult[]>();
  for (const t of result.tests) {
    const area = requirements[t.requirement]?.area ?? "unknown";
    byArea.set(area, [...(byArea.get(area) ?? []), t]);
  }
  const element = (t: TestResult): "failure" | "error" | "skipped" | undefined =>
    foundViolation(t)
      ? "failure"
      : t.outcome.verdict === "error"
        ? "error"
        : t.outcome.verdict === "blocked" || t.outcome.verdict === "skipped"
          ? "skipped"
          : undefined;
  const count = (ts: readonly TestResult[], kind: ReturnType<typeof element>) => ts.filter((t) => element(t) === kind).length;
  const root = create({ version: "1.0", encoding: "UTF-8" }).ele("testsuites", {
    name: suiteName,
    tests: result.tests.length,
    failures: count(result.tests, "failure"),
    errors: count(result.tests, "error"),
    skipped: count(result.tests, "skipped"),
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
      failures: count(tests, "failure"),
      errors: count(tests, "error"),
      skipped: count(tests, "skipped"),
      time: seconds(tests.reduce((s, t) => s + t.durationMs, 0)),
    });
    for (const t of tests) {
      const tc = suite.ele("testcase", { classname: t.file, name: t.title, time: seconds(t.durationMs) });
      const text = testText(t);
      const first = text.split("\n")[0] ?? "";
      const kind = element(t);
      // A failure's message is the violation it found, also when the test's own verdict says blocked or passed.
      if (kind === "failure") tc.ele("failure", { message: findingsText(t).split("\n")[0] || first, type: "ContractViolation" }).txt(text);
      else if (kind === "error") tc.ele("error", { message: first, type: t.outcome.unverified ?? "error" }).txt(text);
      else if (kind === "skipped") tc.ele("skipped", { message: first });
      if (t.outcome.verdict === "observed") tc.ele("system-out").txt(text);
    }
  }
  return root.end({ prettyPrint: true });
}
