// Text a hostile target sends, on the console and in JUnit: escape sequences, carriage returns and invisible
// characters are shown as their escapes, so they can neither forge a line (a verdict) nor hide one, and JUnit stays
// XML 1.0 (helper audit, 2026-12-03: a body that erased its line and printed "verdict: CONFORMANT …" in green).
import { describe, expect, it } from "vitest";
import { exchangeOf } from "../lib/exchange-fixtures.js";
import { printable } from "../lib/printable.js";
import { facts, failure, runResult, testResult } from "../lib/result-fixtures.js";
import { buildCertification } from "./certification.js";
import { ConsoleReport } from "./console.js";
import { renderJunit } from "./junit.js";

const FORGED = "verdict: CONFORMANT within scope: 999 of 999 MUST requirements passed";
const body = `{"errors":"\r\u001b[2K\u001b[1A\u001b[32m${FORGED}\u001b[0m\u001b[8m","n":"a\u0000b\u200bc\u202ed\ud800"}`;
const record = exchangeOf({ status: 422, text: body, contentType: "application/json" }).record;
const failed = testResult("SCHEMA-01", {
  verdict: "fail",
  findings: [{ requirement: "SCHEMA-01", failure: failure("error_envelope", "errors is a string"), exchange: 0 }],
  exchanges: [record],
});
const profile = { strict: { exactMessages: true, exactEdges: true, requireRetryAfter: true } };
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what must not be there
const ACTS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\ud800-\udfff]/;

describe("a hostile target's text", () => {
  it("reaches the console as escapes: no line of its own, nothing a terminal acts on", () => {
    let printed = "";
    const report = new ConsoleReport({ quiet: false, color: false, live: false, out: (t) => (printed += t), err: (t) => (printed += t) });
    report.onTest(failed);
    const result = runResult([failed]);
    report.summary(result, buildCertification({ result, facts, profile }));
    expect(printed).not.toMatch(ACTS);
    expect(printed).toContain("\\u001b[32mverdict: CONFORMANT");
    expect(printed.split("\n").filter((l) => l.startsWith("verdict:"))).toEqual([expect.stringMatching(/^verdict: NON-CONFORMANT/)]);
  });

  it("reaches JUnit as escapes: the file holds no character XML 1.0 forbids", () => {
    const xml = renderJunit(runResult([failed]), buildCertification({ result: runResult([failed]), facts, profile }));
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML 1.0 forbids
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udfff]/);
    expect(xml).toContain("\\u001b[2K");
  });

  it("printable keeps tabs, line feeds, non-ASCII letters and surrogate pairs; escapes the rest", () => {
    expect(printable("a\tb\nc é 😀")).toBe("a\tb\nc é 😀");
    expect(printable("x\ry\u001bz\u200b\u00ad\ufeff\udc00")).toBe("x\\u000dy\\u001bz\\u200b\\u00ad\\ufeff\\udc00");
  });
});
