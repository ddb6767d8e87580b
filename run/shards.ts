/**
 * Defines the shards of a run: part i of n runs the tests of some areas (suites/<area>/ holds exactly the
 * tests of that area's requirements), so a shard is a selection and its verdict covers its areas. Not
 * vitest's `--shard` (files by hash): the areas whose tests share one live account's state — rate-limit
 * windows, webhook deliveries — must never run at once on two runners, so they stay on one shard.
 */
import { type ReqId, requirements } from "../generated/requirements.js";

/** Areas kept together on one shard: their tests must not overlap against one live account. */
export const SERIAL_AREAS: readonly string[] = ["rate-limit", "webhook"];

export interface Shard {
  index: number;
  count: number;
}

const registry = Object.values(requirements);
const allAreas = [...new Set(registry.map((r) => r.area))].sort();

/** The units dealt to shards: the serial areas as one, every other area alone. */
function units(): string[][] {
  const serial = allAreas.filter((a) => SERIAL_AREAS.includes(a));
  return [...(serial.length ? [serial] : []), ...allAreas.filter((a) => !SERIAL_AREAS.includes(a)).map((a) => [a])];
}

/** The most shards a run can have (each needs at least one unit). */
export const maxShards = units().length;

const weight = (unit: readonly string[]) => registry.filter((r) => unit.includes(r.area)).length;

/**
 * The areas of each of `count` shards: heaviest unit first (by requirement count) to the lightest shard,
 * ties to the lower index. Deterministic, the same from the sources and the compiled package.
 */
export function shardAreas(count: number): string[][] {
  if (!Number.isInteger(count) || count < 1 || count > maxShards) throw new RangeError(`a run has 1 to ${maxShards} shards, not ${count}`);
  const shards = Array.from({ length: count }, () => ({ areas: [] as string[], load: 0 }));
  const sorted = units().sort((a, b) => weight(b) - weight(a) || a[0].localeCompare(b[0]));
  for (const unit of sorted) {
    const lightest = shards.reduce((min, s) => (s.load < min.load ? s : min), shards[0]);
    lightest.areas.push(...unit);
    lightest.load += weight(unit);
  }
  return shards.map((s) => s.areas.sort());
}

/** The requirement ids a plan runs: its selection (all when null) within its shard's areas; undefined = every one. */
export function scopeOf(plan: { selection: { ids: readonly ReqId[] } | null; shard?: Shard }): ReqId[] | undefined {
  if (!plan.shard) return plan.selection ? [...plan.selection.ids] : undefined;
  const areas = shardAreas(plan.shard.count)[plan.shard.index - 1];
  const ids = plan.selection ? plan.selection.ids : (registry.map((r) => r.id) as ReqId[]);
  return ids.filter((id) => areas.includes(requirements[id].area));
}
