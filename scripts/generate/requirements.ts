/**
 * Generates generated/requirements.ts from openapi/requirements/*.yaml: the `ReqId` union (a
 * typo in a test's id is a compile error) and the registry the harness and reports read.
 */
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const AREAS = [
  "auth",
  "access",
  "not-found",
  "input",
  "rate-limit",
  "server-error",
  "transaction",
  "telecom",
  "document",
  "verification",
  "webhook",
  "health",
  "schema",
];

export interface RequirementEntry {
  id: string;
  area: string;
  level: "MUST" | "SHOULD" | "MAY";
  basis: "DOC" | "DECISION" | "OPEN";
  decision?: string;
  operations: string[];
  text: string;
  sources: string[];
  /** the requirement is a MUST when the profile turns this strict switch on (the profile declares it required) */
  mustWhen?: "strict.exactMessages" | "strict.exactEdges" | "strict.requireRetryAfter";
}

export function readRequirements(): RequirementEntry[] {
  const dir = join(root, "openapi", "requirements");
  const all: RequirementEntry[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()) {
    const entries = parse(readFileSync(join(dir, file), "utf8")) as RequirementEntry[];
    for (const e of entries ?? []) {
      const where = `${file}: ${e.id}`;
      if (!/^[A-Z]+(-[A-Z0-9]+)*-\d{2}$/.test(e.id)) throw new Error(`${where}: id must look like AREA-NN or AREA-OP-NN`);
      if (!AREAS.includes(e.area)) throw new Error(`${where}: unknown area ${e.area}`);
      if (!["MUST", "SHOULD", "MAY"].includes(e.level)) throw new Error(`${where}: level must be MUST/SHOULD/MAY`);
      if (!["DOC", "DECISION", "OPEN"].includes(e.basis)) throw new Error(`${where}: basis must be DOC/DECISION/OPEN`);
      if (e.basis === "DECISION" && !/^D\d+$/.test(e.decision ?? "")) throw new Error(`${where}: a DECISION needs decision: D<n>`);
      if (!Array.isArray(e.operations) || e.operations.length === 0) throw new Error(`${where}: operations required`);
      if (!e.text || !Array.isArray(e.sources)) throw new Error(`${where}: text and sources required`);
      if (all.some((a) => a.id === e.id)) throw new Error(`${where}: duplicate id`);
      if (e.mustWhen !== undefined && !/^strict\.(exactMessages|exactEdges|requireRetryAfter)$/.test(e.mustWhen))
        throw new Error(`${where}: mustWhen names a strict switch`);
      all.push({
        id: e.id,
        area: e.area,
        level: e.level,
        basis: e.basis,
        ...(e.decision ? { decision: e.decision } : {}),
        operations: e.operations,
        text: e.text.trim(),
        sources: e.sources,
        ...(e.mustWhen ? { mustWhen: e.mustWhen } : {}),
      });
    }
  }
  return all.sort((a, b) => a.id.localeCompare(b.id));
}

export async function generate(): Promise<{ path: string; content: string }[]> {
  const reqs = readRequirements();
  const content = [
    "// generated from openapi/requirements/*.yaml by scripts/generate/requirements.ts; do not edit",
    "",
    "export interface Requirement {",
    '  id: ReqId; area: string; level: "MUST" | "SHOULD" | "MAY"; basis: "DOC" | "DECISION" | "OPEN";',
    "  decision?: string; operations: readonly string[]; text: string; sources: readonly string[];",
    "  /** a MUST when the profile turns this strict switch on */",
    '  mustWhen?: "strict.exactMessages" | "strict.exactEdges" | "strict.requireRetryAfter";',
    "}",
    "",
    `export type ReqId =\n${reqs.map((r) => `  | ${JSON.stringify(r.id)}`).join("\n") || "  never"};`,
    "",
    `export const requirements: Readonly<Record<ReqId, Requirement>> = ${JSON.stringify(Object.fromEntries(reqs.map((r) => [r.id, r])), null, 2)} as Record<ReqId, Requirement>;`,
    "",
  ].join("\n");
  return [{ path: "generated/requirements.ts", content }];
}
