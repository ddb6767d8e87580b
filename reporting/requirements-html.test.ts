// The requirements page: every requirement of the certification under its level, failures first, each
// test's text as JUnit shows it, links into Allure's tree, and nothing a target sent rendered as markup.
import { describe, expect, it } from "vitest";
import { facts, failure, finding, runResult, testResult } from "../lib/result-fixtures.js";
import { loadProfile, mockProfilePath } from "../run/profile.js";
import { REPORT_PAGES } from "./allure-config.js";
import { buildCertification } from "./certification.js";
import { testText } from "./failure-text.js";
import { renderRequirementsPage } from "./requirements-html.js";

const hostile = failure("error_answer", "HTTP 422 expected");
hostile.received = `HTTP 200 <script>alert(1)</script><img src=x onerror=alert(2)>`;
const tests = [
  testResult("HEALTH-01", { verdict: "fail", findings: [finding("HEALTH-01", hostile)] }),
  testResult("AUTH-05"),
  testResult("AUTH-02", {
    verdict: "blocked",
    unverified: "blocked",
    blockedBy: "AUTH-01",
    reason: "blocked by AUTH-01: the target did not answer",
  }),
  testResult("AUTH-08", { verdict: "observed", observations: [{ what: "header", value: "x" }] }),
];
const certification = buildCertification({
  result: runResult(tests),
  facts,
  profile: loadProfile(mockProfilePath).profile,
  selected: ["HEALTH-01", "AUTH-05", "AUTH-02", "AUTH-08"],
});
const page = renderRequirementsPage({
  certification,
  tests,
  allureIds: new Map([[tests[0].title, "abc123"]]),
  views: [...REPORT_PAGES],
  file: "by-requirement.html",
  frontPage: "index.html",
});
const block = (id: string) => page.match(new RegExp(`<details id="${id}"[\\s\\S]*?</details>`))?.[0] ?? "";

describe("by-requirement.html", () => {
  it("heads with the verdict and counts the run's tests once", () => {
    expect(page).toContain(certification.summary);
    expect(page).toContain('data-testid="idme-verdict"');
    expect(page).toContain(`Tests: ${tests.length} — 1 passed, 1 failed, 1 blocked, 0 skipped, 1 observed`);
  });

  it("lists every requirement under its level, failed and not verified first and open", () => {
    expect(page.match(/data-testid="requirement"/g)).toHaveLength(certification.requirements.length);
    const must = page.slice(page.indexOf('id="level-MUST"'), page.indexOf('id="level-SHOULD"'));
    expect(must.indexOf('id="HEALTH-01"')).toBeLessThan(must.indexOf('id="AUTH-05"'));
    expect(block("HEALTH-01")).toMatch(/data-result="fail" open>/);
    expect(block("AUTH-02")).toMatch(/data-result="not-verified" open>/);
    expect(block("AUTH-05")).toMatch(/data-result="pass">/);
  });

  it("shows each test that did not pass with the text JUnit shows, and links it into Allure's tree", () => {
    const text = testText(tests[0]).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    expect(block("HEALTH-01")).toContain(`<pre>${text}</pre>`);
    expect(block("HEALTH-01")).toContain('<a href="index.html#/abc123">');
    expect(block("AUTH-02")).toContain("blocked by AUTH-01: the target did not answer");
    // A test Allure has no id for is named, not linked to a wrong page.
    expect(block("AUTH-05")).not.toContain("index.html#/");
  });

  it("renders nothing a target sent as markup, and allows no script", () => {
    expect(page).not.toMatch(/<script|<img/i);
    expect(page).toContain("&#60;script&#62;alert(1)&#60;/script&#62;");
    expect(page).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
  });

  it("links the decision behind a requirement by a relative path", () => {
    const withDecision = certification.requirements.find((r) => r.decision && r.result !== "not-selected");
    expect(withDecision).toBeDefined();
    expect(block(withDecision!.id)).toContain(`href="../decisions.md#${withDecision!.decision!.toLowerCase()}"`);
    expect(page).not.toMatch(/href="\/|file:\/\//);
  });
});
