/**
 * `by-requirement.html`: the run as a certifier reads it — the verdict, then every requirement under its level
 * (MUST, SHOULD, MAY) with its result and reason, its tests with their verdicts, and the text of each test that
 * did not pass (the same text as the console and JUnit: expected, received, hint, the redacted exchange and
 * curl). Each test links to its page in index.html, Allure's tree.
 *
 * Plain static markup: no script, a CSP that lets the page load nothing, so it opens from disk at once; and it
 * is rendered from the certification in milliseconds, where a second Allure view of the same results cost ~2 s
 * of every run (BENCHMARKS.md, "Where a full run's time goes").
 */
import type { ReportView } from "./allure-banner.js";
import { bannerHtml } from "./allure-banner.js";
import { REPORT_CSP } from "./allure-offline.js";
import { verdictHeadline } from "./allure-verdict.js";
import type { Certification, ReqResult, RequirementEntry } from "./certification.js";
import { testText } from "./failure-text.js";
import type { TestResult } from "../run/results.js";
import type { Verdict } from "../run/outcome.js";
import { DECISIONS_URL, decisionUrl } from "../harness/links.js";

export interface RequirementsPageInput {
  certification: Certification;
  tests: readonly TestResult[];
  /** a test's title → its test-result id in index.html (from Allure's tree); a test without one gets no link */
  allureIds: ReadonlyMap<string, string>;
  /** the pages the banner links (this one among them) */
  views: ReportView[];
  /** this page's file name */
  file: string;
  /** the front page, where the tests' links point */
  frontPage: string;
}

const LEVELS = ["MUST", "SHOULD", "MAY"] as const;

const RESULT_LABEL: Record<ReqResult, string> = {
  fail: "failed",
  "not-verified": "not verified",
  pass: "passed",
  observed: "observed",
  "out-of-scope": "out of scope",
  "not-selected": "not selected",
};
/** The order within a level: what needs attention first. */
const RESULT_ORDER: ReqResult[] = ["fail", "not-verified", "pass", "observed", "out-of-scope", "not-selected"];

const VERDICT_LABEL: Record<Verdict, string> = {
  pass: "passed",
  fail: "failed",
  blocked: "blocked",
  skipped: "skipped",
  observed: "observed",
  error: "could not judge",
};

const COLOUR: Record<ReqResult | Verdict, string> = {
  pass: "#15803d",
  fail: "#b91c1c",
  "not-verified": "#b45309",
  blocked: "#b45309",
  skipped: "#64748b",
  error: "#6b21a8",
  observed: "#0369a1",
  "out-of-scope": "#64748b",
  "not-selected": "#94a3b8",
};

export function renderRequirementsPage(i: RequirementsPageInput): string {
  const c = i.certification;
  const headline = verdictHeadline(c);
  const byId = new Map(i.tests.map((t) => [t.id, t]));
  const t = c.totals.tests;
  const testCount = Object.values(t).reduce((n, v) => n + v, 0);
  const sections = LEVELS.map((level) =>
    section(
      level,
      c.requirements.filter((r) => r.level === level),
      byId,
      i,
    ),
  ).join("\n");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(`${headline.line} — by requirement`)}</title>
<style>${STYLE}</style>
</head>
<body>
${bannerHtml(headline, i.views, i.file)}
<main>
<h1>${esc(headline.verdict)}</h1>
<p class="summary">${esc(c.summary)}</p>
<p>Tests: ${testCount} — ${t.pass} passed, ${t.fail} failed, ${t.blocked} blocked, ${t.skipped} skipped, ${t.observed} observed, ${t.error} could not judge.
Requirements: ${c.scope.inScope} of ${c.scope.selected} selected in scope; MUST in scope ${c.scope.must.inScope} — ${c.scope.must.passed} passed, ${c.scope.must.failed} failed, ${c.scope.must.notVerified} not verified.</p>
${totalsTable(c)}
${sections}
<p class="rules">A requirement fails when a finding is charged to it (by its own test, or by a standard check on any answer); OPEN requirements are observed, never failed; a requirement in scope passes only when every one of its tests in scope passed. Decisions: <a href="${esc(DECISIONS_URL)}">decisions.md</a>.</p>
</main>
</body>
</html>
`;
}

function totalsTable(c: Certification): string {
  const rows = LEVELS.map((level) => {
    const of = c.requirements.filter((r) => r.level === level);
    const cells = RESULT_ORDER.map((res) => `<td>${of.filter((r) => r.result === res).length || ""}</td>`).join("");
    return `<tr><th scope="row"><a href="#level-${level}">${level}</a></th><td>${of.length}</td>${cells}</tr>`;
  }).join("");
  const head = RESULT_ORDER.map((r) => `<th scope="col">${RESULT_LABEL[r]}</th>`).join("");
  return `<table class="totals" data-testid="requirement-totals"><thead><tr><th></th><th scope="col">requirements</th>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

function section(level: string, reqs: RequirementEntry[], byId: Map<string, TestResult>, i: RequirementsPageInput): string {
  if (!reqs.length) return "";
  const sorted = [...reqs].sort((a, b) => RESULT_ORDER.indexOf(a.result) - RESULT_ORDER.indexOf(b.result));
  return `<section id="level-${level}"><h2>${level} (${reqs.length})</h2>\n${sorted.map((r) => requirement(r, byId, i)).join("\n")}</section>`;
}

function requirement(r: RequirementEntry, byId: Map<string, TestResult>, i: RequirementsPageInput): string {
  const open = r.result === "fail" || r.result === "not-verified" ? " open" : "";
  const basis = r.decision ? `${esc(r.basis)} <a href="${esc(decisionUrl(r.decision))}">${esc(r.decision)}</a>` : esc(r.basis);
  const tests = r.tests.map((t) => testItem(t, byId.get(t.id), i)).join("");
  const charged = r.chargedBy.length
    ? `<p>Charged by standard checks on other tests' answers:</p><ul>${r.chargedBy
        .map((c) => `<li>${esc(c.check)} on ${testLink(c.title, i)}</li>`)
        .join("")}</ul>`
    : "";
  return `<details id="${esc(r.id)}" data-testid="requirement" data-result="${r.result}"${open}>
<summary>${badge(r.result, RESULT_LABEL[r.result])} <strong>${esc(r.id)}</strong> ${esc(r.text)}</summary>
<p class="meta">level ${esc(r.level)}${r.level !== r.declaredLevel ? ` (declared ${esc(r.declaredLevel)})` : ""} · basis ${basis} · area ${esc(r.area)} · ${r.tests.length} test(s)${r.reason ? ` · ${esc(r.reason)}` : ""}</p>
${tests ? `<ul class="tests">${tests}</ul>` : ""}${charged}
</details>`;
}

function testItem(entry: RequirementEntry["tests"][number], test: TestResult | undefined, i: RequirementsPageInput): string {
  const text = test && entry.verdict !== "pass" ? testText(test) : "";
  return `<li>${badge(entry.verdict, VERDICT_LABEL[entry.verdict])} ${testLink(entry.title, i)}${text ? `<pre>${esc(text)}</pre>` : ""}</li>`;
}

function testLink(title: string, i: RequirementsPageInput): string {
  const id = i.allureIds.get(title);
  return id ? `<a href="${esc(`${i.frontPage}#/${id}`)}">${esc(title)}</a>` : esc(title);
}

function badge(kind: ReqResult | Verdict, label: string): string {
  return `<span class="badge" style="background:${COLOUR[kind]}">${esc(label)}</span>`;
}

/** Everything a target sent back passes through here: no markup of theirs reaches the page. */
function esc(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

const STYLE = [
  "body{margin:0;font:14px/1.45 system-ui,sans-serif;color:#0f172a;background:#fff}",
  "main{max-width:1100px;margin:0 auto;padding:8px 16px 32px}",
  "h1{font-size:22px;margin:12px 0 4px}h2{font-size:18px;margin:20px 0 8px;border-bottom:1px solid #e2e8f0}",
  ".summary{font-weight:600}.meta{color:#475569;margin:4px 0}",
  "details{border:1px solid #e2e8f0;border-radius:6px;margin:6px 0;padding:4px 10px}",
  "summary{cursor:pointer}ul.tests{margin:4px 0;padding-left:18px}",
  "pre{white-space:pre-wrap;word-break:break-word;background:#f8fafc;border:1px solid #e2e8f0;padding:6px;font-size:12px}",
  ".badge{color:#fff;border-radius:4px;padding:0 6px;font-size:12px;white-space:nowrap}",
  "table.totals{border-collapse:collapse;margin:8px 0}table.totals td,table.totals th{border:1px solid #e2e8f0;padding:2px 8px;text-align:right}",
  ".rules{color:#475569;font-size:12px;margin-top:24px}",
].join("");
