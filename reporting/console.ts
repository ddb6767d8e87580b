/**
 * The console of a run: a line per finished test (only the failed, blocked and errored ones with --quiet),
 * each failure with the same text JUnit carries (requirement, expected, received, hint, curl) — a failure
 * that rests on premises only at the end, once the run knows whether it stands or is blocked; a progress
 * line while the run lasts (a live line on a terminal, a plain line every few seconds in CI); and the end:
 * the counts, the failed and not-verified MUST requirements one per line, then the verdict.
 */
import { openPremises } from "../run/premises.js";
import type { RunResult, TestResult } from "../run/results.js";
import { type Certification, exitCodeOf } from "./certification.js";
import { foundViolation, testText } from "./failure-text.js";
import { printable } from "../lib/printable.js";

export interface ConsoleOptions {
  quiet: boolean;
  /** colours and a live progress line (a terminal without NO_COLOR / CI) */
  color: boolean;
  live: boolean;
  out: (text: string) => void;
  err: (text: string) => void;
  now?: () => number;
}

const paint = (on: boolean, code: number, s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);
const indent = (s: string) =>
  s
    .split("\n")
    .map((l) => `      ${l}`)
    .join("\n");

export class ConsoleReport {
  private done = 0;
  private failed = 0;
  /** suite files finished and planned (vitest knows the files before their tests) */
  private files?: { done: number; total: number };
  private readonly started: number;
  /** when the last plain progress line was printed: the first one comes 5 s into the run, not a "0 tests done" at its start */
  private lastPlain: number;
  private liveShown = false;
  /** failed tests that rest on premises (Needs.premises): the run's end says whether they stand or are blocked */
  private readonly judgedAtEnd = new Set<string>();

  constructor(private readonly o: ConsoleOptions) {
    this.started = (o.now ?? Date.now)();
    this.lastPlain = this.started;
  }

  private elapsed(): string {
    return `${(((this.o.now ?? Date.now)() - this.started) / 1000).toFixed(1)} s`;
  }

  private clearLive(): void {
    if (this.liveShown) this.o.err("\r\u001b[2K");
    this.liveShown = false;
  }

  private line(s: string): void {
    this.clearLive();
    this.o.err(`${s}\n`);
  }

  /** The banner: what runs against what, before any test. */
  banner(lines: readonly string[]): void {
    for (const l of lines) this.o.out(`${l}\n`);
  }

  onTest(t: TestResult): void {
    this.done++;
    if (openPremises(t).length) this.judgedAtEnd.add(t.id);
    else this.testLine(t);
    this.progress();
  }

  private testLine(t: TestResult): void {
    const v = t.outcome.verdict;
    const name = t.title;
    if (foundViolation(t)) {
      this.failed++;
      this.line(`  ${paint(this.o.color, 31, "✗")} ${name}\n${indent(testText(t))}`);
    } else if (v === "error") this.line(`  ${paint(this.o.color, 35, "!")} ${name} — ${indent(testText(t)).trim()}`);
    else if (v === "blocked") this.line(`  ${paint(this.o.color, 33, "⊘")} ${name} — ${printable(t.outcome.reason ?? "blocked")}`);
    else if (!this.o.quiet) {
      const mark = v === "skipped" ? "↓" : v === "observed" ? "👁" : paint(this.o.color, 32, "✓");
      this.line(`  ${mark} ${name}${v === "skipped" ? ` — skipped: ${printable(t.outcome.reason ?? "")}` : ` (${t.durationMs} ms)`}`);
    }
  }

  /** The suite files finished, of those the run has: the counter's total (a file's tests are known once it runs). */
  onFiles(done: number, total: number): void {
    this.files = { done, total };
    this.progress();
  }

  /** Where the run is: on a terminal a live line, in CI a plain line every 5 s. */
  progress(): void {
    const files = this.files ? ` · files ${this.files.done}/${this.files.total}` : "";
    const text = `  … ${this.done} tests done${this.failed ? `, ${this.failed} failed` : ""}${files} · ${this.elapsed()}`;
    if (this.o.live) {
      this.clearLive();
      this.o.err(paint(this.o.color, 2, text));
      this.liveShown = true;
      return;
    }
    const now = (this.o.now ?? Date.now)();
    if (now - this.lastPlain >= 5000) {
      this.lastPlain = now;
      if (this.o.quiet) this.line(text);
    }
  }

  summary(result: RunResult, c: Certification, extra: readonly string[] = []): void {
    for (const t of result.tests) if (this.judgedAtEnd.has(t.id)) this.testLine(t);
    this.clearLive();
    const t = c.totals.tests;
    const r = c.totals.requirements;
    // Every line of the end but the verdict's colour: printable, as reasons and run problems may quote the target.
    const out = (s = "") => this.o.out(`${printable(s)}\n`);
    out();
    // Counted by each test's own requirement; a standard check may charge another one (JUnit counts those as failures too).
    const chargedElsewhere = result.tests.filter((x) => foundViolation(x) && x.outcome.verdict !== "fail").length;
    out(
      `tests: ${result.tests.length} — ${t.pass} passed, ${t.fail} failed, ${t.blocked} blocked, ${t.skipped} skipped, ${t.observed} observed, ${t.error} could not judge` +
        (chargedElsewhere ? `; ${chargedElsewhere} of them found a violation of another requirement` : ""),
    );
    out(
      `requirements: ${c.scope.must.inScope} MUST in scope — ${c.scope.must.passed} passed, ${c.scope.must.failed} failed, ${c.scope.must.notVerified} not verified; ` +
        `${r.observed} observed (OPEN), ${r["out-of-scope"]} out of scope, ${r["not-selected"]} not selected`,
    );
    for (const w of c.warnings) out(`warning ${w.id} (${w.level}): ${w.reason}`);
    if (c.failedMust.length) {
      out("failed MUST requirements:");
      for (const id of c.failedMust) out(`  ${id}`);
    }
    if (c.notVerifiedMust.length) {
      out("MUST requirements not verified:");
      for (const n of c.notVerifiedMust) out(`  ${n.id} — ${n.reason}`);
    }
    for (const e of c.errors) out(`run problem (${e.kind}) ${e.source}: ${e.message}`);
    for (const l of extra) out(l);
    const colour = { 0: 32, 1: 31, 2: 35, 3: 33 }[exitCodeOf(c.verdict)];
    this.o.out(`verdict: ${paint(this.o.color, colour, printable(c.summary))}\n`);
  }
}
