/** `--list`: the areas, every requirement (id, level, basis, text) and the embedded mock's faults, as plain text. */
import { faults } from "../faults/catalogue.js";
import { requirements } from "../generated/requirements.js";
import { compareIds } from "../reporting/registry.js";

export function listing(): string {
  const reqs = Object.values(requirements).sort((a, b) => compareIds(a.id, b.id));
  const areas = [...new Set(reqs.map((r) => r.area))].sort();
  const lines = [`areas: ${areas.join(", ")}`, "", "requirements:"];
  for (const r of reqs) lines.push(`  ${r.id.padEnd(20)} ${r.level.padEnd(6)} ${r.basis.padEnd(8)} ${r.text.replace(/\s+/g, " ")}`);
  lines.push("", "embedded-mock faults (--mock-faults):");
  for (const f of faults) lines.push(`  ${f.id.padEnd(44)} ${f.title}`);
  return `${lines.join("\n")}\n`;
}
