/**
 * Turns --area / --requirement into the set of selected requirement ids and the vitest
 * test-name pattern on the `[REQ-ID] ` title prefix. Both flags add up (union).
 */
import { CannotRunError } from "./errors.js";
import type { Requirement } from "../reporting/registry.js";

export function selectRequirements(registry: readonly Requirement[], areas: string[], ids: string[]): Set<string> | undefined {
  if (areas.length === 0 && ids.length === 0) return undefined;
  const known = new Set(registry.map((r) => r.id));
  const knownAreas = new Set(registry.map((r) => r.area));
  const badIds = ids.filter((id) => !known.has(id));
  if (badIds.length) throw new CannotRunError(`unknown requirement id(s): ${badIds.join(", ")}`);
  const badAreas = areas.filter((a) => !knownAreas.has(a));
  if (badAreas.length) throw new CannotRunError(`unknown area(s): ${badAreas.join(", ")} (known: ${[...knownAreas].sort().join(", ")})`);
  const selected = new Set(ids);
  for (const r of registry) if (areas.includes(r.area)) selected.add(r.id);
  return selected;
}

/** Matches a test whose own title starts with one of the ids (vitest matches the full name: suites + title). */
export function testNamePattern(selected: ReadonlySet<string>): RegExp {
  const alternatives = [...selected].sort().map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`(?:^| )\\[(?:${alternatives.join("|")})\\] `);
}
