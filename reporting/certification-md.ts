/** Renders the certification summary as Markdown for a human reader (certification.md). */
import { specUrl } from "../harness/links.js";
import { printable } from "../lib/printable.js";
import { type Certification, observedSummary, type RequirementEntry, type ReqResult } from "./certification.js";

const mark: Record<ReqResult, string> = {
  pass: "✅ pass",
  fail: "❌ fail",
  observed: "👁 observed",
  "not-verified": "⚠ not verified",
  "out-of-scope": "⏭ out of scope",
  "not-selected": "· not selected",
};

const cell = (s: string) => printable(s).replace(/\|/g, "\\|").replace(/\n/g, " ");
/** Text a target sent, as a code span: nothing in it is read as Markdown or HTML (its fence outlasts its own backticks). */
const code = (s: string) => {
  const fence = "`".repeat(Math.max(0, ...(s.match(/`+/g) ?? []).map((b) => b.length)) + 1);
  return `${fence} ${s} ${fence}`;
};

/** A row's reason; an observed requirement's shows what was seen, the target's values as code. */
function reasonOf(r: RequirementEntry): string {
  if (r.result !== "observed" || r.observations.length === 0) return cell(r.reason);
  return observedSummary(r.observations, (what, value) => `${cell(what)}: ${cell(code(value))}`);
}
/** Text in a link's label: its brackets escaped too. */
const label = (s: string) => cell(s).replace(/[[\]]/g, "\\$&");

/**
 * Where a requirement rests, linked: each source on ID.me's pages, and its decision in decisions.md, which every run
 * copies beside this file (a relative link: it resolves wherever the reports folder is opened).
 */
function basisOf(r: RequirementEntry): string {
  const sources = r.sources.map((ref) => {
    const url = specUrl(ref);
    return url ? `[${label(ref)}](${url})` : cell(ref);
  });
  const decision = r.decision ? [`[${label(r.decision)}](decisions.md#${r.decision.toLowerCase()})`] : [];
  return [r.basis, ...decision, ...sources].join(" ");
}

export function renderCertificationMd(c: Certification): string {
  const f = c.facts;
  const lines = [
    `# Certification summary — ${c.verdict.toUpperCase()}`,
    "",
    `**${c.summary}**`,
    "",
    "| | |",
    "|---|---|",
    `| suite | ${f.suite.name} ${f.suite.version}${f.suite.commit ? ` (commit ${f.suite.commit})` : ""} |`,
    `| spec SHA-256 | \`${f.specSha256}\` |`,
    `| target | ${f.target}${f.mockFaults.length ? ` **with faults: ${f.mockFaults.join(", ")}**` : ""} |`,
    `| profile | ${f.profile.name} — \`${f.profile.path}\` (SHA-256 \`${f.profile.sha256}\`) |`,
    `| seed | ${f.seed} (replay with \`--seed ${f.seed}\`) |`,
    `| today (injected) | ${f.today} |`,
    `| started | ${f.startedAt} (${(f.durationMs / 1000).toFixed(1)} s, ${f.requests} requests) |`,
    `| Node | ${f.node} |`,
    `| selection | ${f.selection ? [...f.selection.areas.map((a) => `area ${a}`), ...f.selection.requirements].join(", ") : "none (every requirement)"} |`,
    ...(f.shard ? [`| shard | ${f.shard.index}/${f.shard.count} |`] : []),
    "",
    `**Scope:** ${c.scope.inScope} of ${c.scope.selected} selected requirements; MUST in scope: ${c.scope.must.inScope} — ${c.scope.must.passed} passed, ${c.scope.must.failed} failed, ${c.scope.must.notVerified} not verified.`,
    "",
    `**Tests:** ${Object.entries(c.totals.tests)
      .map(([k, n]) => `${n} ${k}`)
      .join(", ")}.`,
    "",
    "Rules: a requirement fails when a finding is charged to it (by its own test, or by a standard check on any answer); OPEN requirements are observed, never failed; a requirement in scope passes only when every one of its tests in scope passed (a blocked, budget-skipped, timed-out test leaves it not verified). Exit codes: 0 conformant within scope, 1 non-conformant, 2 could not run, 3 incomplete.",
    "",
  ];
  if (c.failedMust.length) lines.push("## Failed MUST requirements", "", ...c.failedMust.map((id) => `- ${id}`), "");
  if (c.notVerifiedMust.length)
    lines.push("## MUST requirements not verified", "", ...c.notVerifiedMust.map((n) => `- ${n.id}: ${cell(n.reason)}`), "");
  if (c.errors.length) {
    lines.push("## Run problems", "");
    for (const e of c.errors) lines.push(`- **${e.kind}** ${cell(e.source)}: ${cell(e.message)}`);
    lines.push("");
  }
  if (c.warnings.length)
    lines.push("## Warnings (SHOULD / MAY)", "", ...c.warnings.map((w) => `- ${w.id} (${w.level}): ${cell(w.reason)}`), "");
  if (c.scope.outOfScope.length)
    lines.push(
      "## Out of scope (the profile says the target cannot)",
      "",
      ...c.scope.outOfScope.map((o) => `- ${o.id}: ${cell(o.reason)}`),
      "",
    );
  lines.push("## Requirements", "", "| id | requirement | level | basis | result | reason |", "|---|---|---|---|---|---|");
  for (const r of c.requirements) {
    const level = r.level === r.declaredLevel ? r.level : `${r.level} (declared ${r.declaredLevel})`;
    lines.push(`| ${r.id} | ${cell(r.text)} | ${level} | ${basisOf(r)} | ${mark[r.result]} | ${reasonOf(r)} |`);
  }
  return `${lines.join("\n")}\n`;
}
