/**
 * Defines `testText`: the one text of a test's outcome that the console, JUnit and Allure show — each
 * finding with the requirement it is charged to, expected / received / hint, the exchange and its redacted
 * curl line; or why it was blocked, skipped or could not judge.
 */
import { Exchange } from "../lib/exchange.js";
import { formatExchange, formatFailure } from "../lib/failure.js";
import { printable } from "../lib/printable.js";
import type { TestResult } from "../run/results.js";

/** The findings of a test, with the answers they were found on (printable: lib/printable.ts). */
export function findingsText(t: TestResult): string {
  const { findings, exchanges } = t.outcome;
  const block = (f: (typeof findings)[number]) => `[${f.requirement}] ${formatFailure(f.failure)}`;
  // A test's own check may charge a failure without naming the answer that a standard check names: shown with the answer only.
  const onAnAnswer = new Set(findings.filter((f) => f.exchange !== undefined).map(block));
  const byExchange = new Map<number | undefined, typeof findings>();
  for (const f of findings) {
    if (f.exchange === undefined && onAnAnswer.has(block(f))) continue;
    byExchange.set(f.exchange, [...(byExchange.get(f.exchange) ?? []), f]);
  }
  const text = [...byExchange]
    .map(([i, list]) => {
      // The same failure found twice on one answer (a test's own check and the standard check of that rule) is shown once.
      const blocks = [...new Set(list.map(block))];
      const record = i === undefined ? undefined : exchanges[i];
      return [...blocks, ...(record ? ["", formatExchange(new Exchange(record))] : [])].join("\n");
    })
    .join("\n\n");
  return printable(text);
}

/** Where the requests of arranged state this test shared are, when another test of its file sent them. */
function sharedText(t: TestResult): string {
  const elsewhere = (t.outcome.shared ?? []).filter((u) => u.arrangedBy !== t.id);
  return elsewhere
    .map((u) => `(arranged once for its file: the requests of "${u.state}" are in the exchanges of ${u.arrangedBy})`)
    .join("\n");
}

/**
 * The test found a violation: of its own requirement (verdict fail) or, by a standard check, of another one
 * while its own passed, was blocked or could not judge. Either way JUnit and the console show it as a failure:
 * a NON-CONFORMANT run always has one.
 */
export const foundViolation = (t: TestResult): boolean => t.outcome.verdict === "fail" || t.outcome.findings.length > 0;

/** What a reader needs about one test, by its verdict: printable, whatever the target sent (lib/printable.ts). */
export function testText(t: TestResult): string {
  return printable(verdictText(t));
}

function verdictText(t: TestResult): string {
  const o = t.outcome;
  const why = o.reason ?? "";
  const findings = o.findings.length ? [findingsText(t), sharedText(t)].filter(Boolean).join("\n\n") : "";
  switch (o.verdict) {
    case "fail":
      return findings;
    case "blocked":
      return [why, findings ? `\nMeanwhile it found:\n${findings}` : sharedText(t)].filter(Boolean).join("\n");
    case "skipped":
      return why;
    case "error":
      return [`${o.unverified ?? "error"}: ${why}`, findings].filter(Boolean).join("\n\n");
    default:
      return [findings, ...o.observations.map((ob) => `observed ${ob.what}: ${JSON.stringify(ob.value)}`)].filter(Boolean).join("\n");
  }
}
