import { describe, expect, it } from "vitest";
import { requirements } from "../generated/requirements.js";
import { buildPlan, PlanError } from "./plan.js";
import { maxShards, SERIAL_AREAS, scopeOf, shardAreas } from "./shards.js";

const allAreas = [...new Set(Object.values(requirements).map((r) => r.area))].sort();

describe("shards", () => {
  it.each([1, 2, 3, 4, maxShards])("%i shards: every area on exactly one, the serial areas together, none empty", (n) => {
    const shards = shardAreas(n);
    expect(shards).toHaveLength(n);
    expect(shards.flat().sort()).toEqual(allAreas);
    for (const s of shards) expect(s.length).toBeGreaterThan(0);
    expect(shards.filter((s) => SERIAL_AREAS.some((a) => s.includes(a)))).toHaveLength(1);
    expect(shardAreas(n)).toEqual(shards);
  });

  it("scopeOf: the selection within the shard's areas; no shard, the selection", () => {
    const [first] = shardAreas(2);
    const all = scopeOf({ selection: null, shard: { index: 1, count: 2 } }) ?? [];
    expect(new Set(all.map((id) => requirements[id].area))).toEqual(new Set(first));
    expect(scopeOf({ selection: { ids: ["HEALTH-01", "AUTH-01"] }, shard: undefined })).toEqual(["HEALTH-01", "AUTH-01"]);
    expect(scopeOf({ selection: null })).toBeUndefined();
  });

  it("the plan divides the budget and refuses more shards than units", () => {
    const plan = buildPlan({ reportsDir: "/tmp/r", budget: 300, shard: { index: 2, count: 3 } }, {});
    expect([plan.budget, plan.shard]).toEqual([100, { index: 2, count: 3 }]);
    expect(() => buildPlan({ reportsDir: "/tmp/r", shard: { index: 1, count: maxShards + 1 } }, {})).toThrow(PlanError);
  });
});
