/**
 * Live progress on stderr: one line per finished test (or, when quiet, only failures), and a
 * closing `N passed, N failed, N skipped` line that CI log parsers recognise.
 * Tests the name filter left out are not printed.
 */
import type { Reporter, TestCase } from "vitest/node";
import { firstLine } from "./test-record.js";

export class ProgressReporter implements Reporter {
  private passed = 0;
  private failed = 0;
  private skipped = 0;

  constructor(private readonly opts: { quiet?: boolean; write?: (line: string) => void } = {}) {}

  private write(line: string): void {
    (this.opts.write ?? ((l: string) => process.stderr.write(`${l}\n`)))(line);
  }

  onTestCaseResult(t: TestCase): void {
    const r = t.result();
    if (r.state === "passed") {
      this.passed++;
      if (!this.opts.quiet) this.write(`  ✓ ${t.fullName} (${Math.round(t.diagnostic()?.duration ?? 0)} ms)`);
    } else if (r.state === "failed") {
      this.failed++;
      this.write(`  ✗ ${t.fullName}\n      ${r.errors[0]?.name ?? "Error"}: ${firstLine(r.errors[0]?.message, 500)}`);
    } else if (r.state === "skipped" && r.note) {
      this.skipped++;
      if (!this.opts.quiet) this.write(`  ↓ ${t.fullName} — skipped: ${firstLine(r.note)}`);
    }
  }

  onTestRunEnd(): void {
    this.write(`${this.passed} passed, ${this.failed} failed, ${this.skipped} skipped`);
  }
}
