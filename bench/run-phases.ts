/**
 * The phases of one CLI run, read from its output as it arrives (the bench times the child from outside):
 * the banner (`target   …`, printed once the plan is built), the first and last test lines, the summary
 * (`tests: …`, printed after the reports are written) and the HTML report's own time (`… in X s`).
 * Pure: lines and clock readings in, marks out.
 */
export interface PhaseMarks {
  banner?: number;
  firstTest?: number;
  lastTest?: number;
  summary?: number;
  /** the CLI's own measure of the HTML report, `allure-report/index.html in X s` */
  htmlMs?: number;
  tests?: { total: number; passed: number; failed: number; blocked: number; skipped: number; observed: number };
  /** the summary's failed and not-verified MUST requirements (`  ID — reason`), why a run did not exit 0 */
  problems: string[];
}

// A finished test's console line: two spaces, its mark (reporting/console.ts).
const TEST_LINE = /^ {2}(✓|✗|!|⊘|↓|👁) /u;
const SUMMARY = /^tests: (\d+) — (\d+) passed, (\d+) failed, (\d+) blocked, (\d+) skipped, (\d+) observed/;

/** Feeds output chunks (stdout and stderr alike); splits them into lines, keeping a partial line for later. */
export class PhaseClock {
  readonly marks: PhaseMarks = { problems: [] };
  private rest = "";
  private inList = false;

  chunk(text: string, now: number): void {
    const lines = (this.rest + text).split("\n");
    this.rest = lines.pop() ?? "";
    for (const l of lines) this.line(l, now);
  }

  /** The last line, if the output ended without a newline. */
  end(now: number): void {
    if (this.rest) this.line(this.rest, now);
    this.rest = "";
  }

  line(raw: string, now: number): void {
    const l = raw.replace(/\r/g, "");
    const m = this.marks;
    if (m.banner === undefined && l.startsWith("target ")) m.banner = now;
    if (TEST_LINE.test(l)) {
      m.firstTest ??= now;
      m.lastTest = now;
    }
    const s = SUMMARY.exec(l);
    if (s && m.summary === undefined) {
      m.summary = now;
      const [total, passed, failed, blocked, skipped, observed] = s.slice(1).map(Number);
      m.tests = { total, passed, failed, blocked, skipped, observed };
    }
    // The summary lists them under these headers, one per line, indented (reporting/console.ts).
    if (/^(failed MUST requirements|MUST requirements not verified):$/.test(l)) this.inList = true;
    else if (this.inList && /^ {2}\S/.test(l)) m.problems.push(l.trim());
    else this.inList = false;
    const h = /allure-report\/index\.html in ([\d.]+) s/.exec(l);
    if (h) m.htmlMs = Math.round(Number(h[1]) * 1000);
  }
}

export interface Phases {
  /** process start until the banner: node loading the CLI (dist/, or the sources through tsx), building the plan */
  startupMs: number;
  /** banner until the first test finished: the embedded mock, vitest, collecting the suite files */
  vitestStartMs: number;
  /** first to last finished test */
  testsMs: number;
  /** last test until the launcher returned: vitest closing its workers (0 when the launcher's end is unknown) */
  closeMs: number;
  /** launcher's end until the summary: every report, HTML included */
  reportsMs: number;
  /** summary until the process is gone */
  exitMs: number;
}

/**
 * Phases from the marks (all in epoch ms), `started` and `ended` being the spawn and the close, and
 * `launcherEnd` the launcher's end as results.json states it (startedAt + durationMs, the child's clock:
 * the same machine). A missing mark takes the next one's time.
 */
export function phasesOf(
  m: Pick<PhaseMarks, "banner" | "firstTest" | "lastTest" | "summary">,
  started: number,
  ended: number,
  launcherEnd?: number,
): Phases {
  const summary = m.summary ?? ended;
  const last = m.lastTest ?? summary;
  const first = m.firstTest ?? last;
  const banner = m.banner ?? first;
  const close = launcherEnd === undefined ? last : Math.min(Math.max(launcherEnd, last), summary);
  const r = (n: number) => Math.round(n);
  return {
    startupMs: r(banner - started),
    vitestStartMs: r(first - banner),
    testsMs: r(last - first),
    closeMs: r(close - last),
    reportsMs: r(summary - close),
    exitMs: r(ended - summary),
  };
}
