/** Renders the certification summary as Markdown for a human reader (certification.md). */
import { verdictLine, type Certification, type ReqResult } from "./certification.js";

const mark: Record<ReqResult, string> = { pass: "✅ pass", fail: "❌ fail", skip: "⏭ skip", observed: "👁 observed" };

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

export function renderCertificationMd(c: Certification): string {
  const lines = [
    `# Certification summary — ${verdictLine(c).toUpperCase()}`,
    "",
    `| | |`,
    `|---|---|`,
    `| suite | ${c.suite.name} ${c.suite.version} |`,
    `| spec SHA-256 | \`${c.specSha256}\` |`,
    `| target | ${c.target} |`,
    `| profile | ${c.profile} |`,
    `| seed | ${c.seed ?? "—"} |`,
    `| today (injected) | ${c.today} |`,
    `| date | ${c.date} |`,
    `| filter | ${c.filter ? [...c.filter.areas.map((a) => `area ${a}`), ...c.filter.requirements].join(", ") : "none (full run)"} |`,
    "",
    `**Requirements:** ${c.totals.passed} passed, ${c.totals.failed} failed, ${c.totals.skipped} skipped, ${c.totals.observed} observed. ` +
      `**Tests:** ${c.tests.passed} passed, ${c.tests.failed} failed, ${c.tests.skipped} skipped.`,
    "",
    "The verdict is non-conformant iff a MUST requirement failed (otherwise inconclusive when a test could not judge or none ran). SHOULD/MAY failures are warnings; OPEN questions are observed, never failed. A conformant verdict is partial when MUST requirements were skipped (listed as skip with the reason): it certifies only what ran.",
    "",
  ];
  if (c.errors.length) {
    lines.push("## Run problems (the run is inconclusive: exit code 2)", "");
    for (const e of c.errors) lines.push(`- **${e.kind}** ${cell(e.source)}: ${cell(e.message)}`);
    lines.push("");
  }
  if (c.warnings.length) {
    lines.push("## Warnings", "");
    for (const w of c.warnings) lines.push(`- ${w.id} (${w.level}): ${cell(w.reason)}`);
    lines.push("");
  }
  lines.push("## Requirements", "", "| id | level | basis | result | reason |", "|---|---|---|---|---|");
  for (const r of c.requirements) lines.push(`| ${r.id} | ${r.level} | ${r.basis} | ${mark[r.result]} | ${cell(r.reason)} |`);
  return `${lines.join("\n")}\n`;
}
