/**
 * The requirement registry as the reports see it: generated/requirements.ts, built from
 * openapi/requirements/*.yaml (`npm test` runs `scripts/generate.ts --check` to keep it fresh).
 */
import { requirements } from "../generated/requirements.js";

export type Level = "MUST" | "SHOULD" | "MAY";
export type Basis = "DOC" | "DECISION" | "OPEN";

export interface Requirement {
  id: string;
  area: string;
  level: Level;
  basis: Basis;
  decision?: string;
  operations: readonly string[];
  text: string;
}

export function loadRegistry(): Requirement[] {
  return Object.values(requirements)
    .map((r) => ({ ...r }))
    .sort((a, b) => compareIds(a.id, b.id));
}

/** AUTH-2 before AUTH-10: numeric parts compare as numbers. */
export function compareIds(a: string, b: string): number {
  return a.localeCompare(b, "en", { numeric: true });
}
