// The one text of a test's outcome (console, JUnit, Allure, the requirements page): each failure once.
import { describe, expect, it } from "vitest";
import { failure, finding, testResult } from "../lib/result-fixtures.js";
import { findingsText } from "./failure-text.js";

describe("findingsText", () => {
  it("shows a failure found twice on one answer once, and two different failures both", () => {
    const same = failure("error_envelope", "errors is an object, expected a list");
    const other = failure("error_code", "code 1100 expected");
    const t = testResult("SCHEMA-01", {
      verdict: "fail",
      findings: [finding("SCHEMA-01", same), finding("SCHEMA-01", same), finding("SCHEMA-01", other)],
    });
    const text = findingsText(t);
    expect(text.match(/errors is an object, expected a list/g)).toHaveLength(1);
    expect(text).toContain("code 1100 expected");
  });

  it("shows a failure once when a test's own check charges it without the answer and a standard check with it", () => {
    const same = failure("error_envelope", "errors is an object, expected a list");
    const t = testResult("SCHEMA-01", {
      verdict: "fail",
      findings: [finding("SCHEMA-01", same), { ...finding("SCHEMA-01", same), exchange: 0 }],
    });
    const text = findingsText(t);
    expect(text.match(/errors is an object, expected a list/g)).toHaveLength(1);
  });
});
