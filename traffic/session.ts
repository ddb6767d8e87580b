/**
 * The proxy and judge modes as the CLI (and a test, in process) run them: start, judge, write the reports,
 * print the counts and one verdict line, return the exit code. A proxy session lasts until its signal
 * aborts (Ctrl-C, SIGTERM), then writes the reports of everything it saw.
 */
import { relative } from "node:path";
import { type Certification, exitCodeOf } from "../reporting/certification.js";
import type { ArtifactPaths } from "../reporting/paths.js";
import { type Grouping, judgeTraffic, type TrafficResult } from "./judge.js";
import { judgeHarFiles } from "./judge-har.js";
import { type ProxyCapture, type ProxyEvent, type ProxyLimits, startProxy } from "./proxy.js";
import { type TrafficReports, writeTrafficReports } from "./reports.js";
import type { TrafficMode } from "./verdict.js";

export interface SessionIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  quiet?: boolean;
}

export interface SessionOutcome {
  code: 0 | 1 | 2 | 3;
  certification: Certification;
  paths: ArtifactPaths;
  reports: TrafficReports;
}

interface Common {
  reportsDir: string;
  html: boolean;
  group?: Grouping;
  exactMessages?: boolean;
}

const rel = (p: string) => (relative(process.cwd(), p).startsWith("..") ? p : relative(process.cwd(), p) || ".");

function printSummary(r: TrafficReports, io: SessionIo, extra: readonly string[], html: boolean): void {
  const out = (s: string) => io.out(`${s}\n`);
  const c = r.certification;
  const s = r.summary;
  const skipped = s.skipped.byReason.map((g) => `${g.reason}: ${g.count}`).join("; ");
  out("");
  out(
    `exchanges: ${s.judged} judged, ${s.withViolations} with violations; ${s.noAnswer} without an answer; ${s.skipped.total} skipped${skipped ? ` (${skipped})` : ""}`,
  );
  out(
    `requirements: ${c.scope.must.inScope} MUST the traffic exercised — ${c.scope.must.passed} passed, ${c.scope.must.failed} failed, ${c.scope.must.notVerified} not verified; ` +
      `${c.totals.requirements["not-selected"]} not judged from this traffic`,
  );
  for (const id of c.failedMust) out(`  failed ${id} — ${c.requirements.find((e) => e.id === id)?.reason ?? ""}`);
  for (const w of c.warnings) out(`warning ${w.id} (${w.level}): ${w.reason}`);
  for (const l of extra) out(l);
  if (r.htmlProblem) out(`HTML report not written: ${r.htmlProblem}`);
  out(
    r.manifest.signature
      ? `manifest signed (${r.manifest.signature.algorithm})`
      : "manifest unsigned: integrity only (set IDME_SIGNING_KEY to sign it)",
  );
  out(
    `reports in ${rel(r.paths.reportsDir)}/ (certification.md, junit.xml, coverage.md${html && !r.htmlProblem ? ", allure-report/index.html" : ""}, manifest.json)`,
  );
  out(`verdict: ${c.summary}`);
}

async function finish(traffic: TrafficResult, mode: TrafficMode, o: Common, io: SessionIo, extra: string[] = []): Promise<SessionOutcome> {
  const reports = await writeTrafficReports(traffic, {
    mode,
    reportsDir: o.reportsDir,
    html: o.html,
    signingKey: io.env.IDME_SIGNING_KEY || undefined,
  });
  printSummary(reports, io, extra, o.html);
  return { code: exitCodeOf(reports.certification.verdict), certification: reports.certification, paths: reports.paths, reports };
}

export interface JudgeSession extends Common {
  files: readonly string[];
  baseUrl?: string;
}

export async function runJudge(o: JudgeSession, io: SessionIo): Promise<SessionOutcome> {
  const traffic = judgeHarFiles(o.files, { baseUrl: o.baseUrl, group: o.group, exactMessages: o.exactMessages, env: io.env });
  if (!io.quiet) {
    const failed = traffic.result.tests.filter((t) => t.outcome.verdict === "fail");
    for (const t of failed.slice(0, 50)) {
      const f = t.outcome.findings[0];
      io.err(`  ✗ ${t.title}\n      [${f.requirement}] ${f.failure.check}: ${f.failure.title}\n`);
    }
    if (failed.length > 50) io.err(`  … ${failed.length - 50} more in junit.xml and certification.md\n`);
  }
  return finish(traffic, "judge", o, io);
}

export interface ProxySession extends Common {
  upstream: string;
  host: string;
  port: number;
  failFastHeader?: boolean;
  limits?: Partial<ProxyLimits>;
  /** aborted: stop, judge and write the reports */
  signal: AbortSignal;
  /** called once listening, with the proxy's URL */
  onListening?: (url: string) => void;
}

export function judgeCapture(c: ProxyCapture, o: Pick<Common, "group" | "exactMessages">): TrafficResult {
  return judgeTraffic({
    exchanges: c.exchanges,
    skipped: c.skipped,
    failures: c.failures,
    group: o.group,
    exactMessages: o.exactMessages,
    target: c.upstream,
    startedAt: c.startedAt,
    durationMs: c.durationMs,
  });
}

export async function runProxy(o: ProxySession, io: SessionIo): Promise<SessionOutcome> {
  const onEvent = (e: ProxyEvent) => {
    if (e.violation) io.err(`  ✗ #${e.index} ${e.line}: ${e.violation}\n`);
    else if (e.kind === "no-answer") io.err(`  ! #${e.index} ${e.line}: ${e.reason}\n`);
    else if (!io.quiet) io.err(`  ${e.kind === "skipped" ? "↓" : "✓"} #${e.index} ${e.line}${e.reason ? ` — skipped: ${e.reason}` : ""}\n`);
  };
  const proxy = await startProxy({
    upstream: o.upstream,
    host: o.host,
    port: o.port,
    failFastHeader: o.failFastHeader,
    exactMessages: o.exactMessages,
    env: io.env,
    limits: o.limits,
    onEvent,
  });
  io.out(`proxy    ${proxy.url} → ${proxy.upstream}\n`);
  io.out(
    `reports  ${rel(o.reportsDir)}/ when stopped (Ctrl-C or SIGTERM)${o.failFastHeader ? " · answers with a violation carry x-idme-conformance-violation" : ""}\n`,
  );
  o.onListening?.(proxy.url);
  await new Promise<void>((resolve) => {
    if (o.signal.aborted) return resolve();
    o.signal.addEventListener("abort", () => resolve(), { once: true });
  });
  const capture = await proxy.close();
  const extra = capture.dropped ? [`${capture.dropped} exchange(s) past the limit of kept exchanges were forwarded, not judged`] : [];
  return finish(judgeCapture(capture, o), "proxy", o, io, extra);
}
