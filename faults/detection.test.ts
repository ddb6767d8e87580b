// The suite's fault-detection score as part of `npm test`: the conformant mock must pass, every catalogued fault
// must be caught by a failing test of a requirement it breaks (faults/README.md). Takes a few minutes on 2 cores.
import { beforeAll, describe, expect, test } from "vitest";
import { requirements } from "../generated/requirements.js";
import { faults } from "./catalogue.js";
import { detect, type Detection } from "./runner.js";
import { baselineProblems } from "./score.js";

describe("the fault catalogue", () => {
  test("holds at least 30 faults with unique kebab-case ids", () => {
    const ids = faults.map((f) => f.id);
    expect(ids.length).toBeGreaterThanOrEqual(30);
    expect(
      ids.filter((id, i) => ids.indexOf(id) !== i),
      "duplicate ids",
    ).toEqual([]);
    expect(
      ids.filter((id) => !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)),
      "ids not in kebab case",
    ).toEqual([]);
  });

  test("every fault breaks at least one requirement, and each is in the registry", () => {
    const bad = faults.flatMap((f) =>
      f.breaks.length === 0
        ? [`${f.id}: declares no requirement`]
        : f.breaks.filter((id) => !(id in requirements)).map((id) => `${f.id}: unknown requirement ${id}`),
    );
    expect(bad).toEqual([]);
  });

  test("no fault claims to break an OPEN requirement (those are observed, never failed)", () => {
    const open = faults.flatMap((f) => f.breaks.filter((id) => requirements[id]?.basis === "OPEN").map((id) => `${f.id}: ${id}`));
    expect(open).toEqual([]);
  });
});

describe("fault detection over the whole catalogue", () => {
  let detection: Detection;
  beforeAll(async () => {
    detection = await detect();
    console.log(detection.table);
  }, 20 * 60_000);

  test("the conformant mock passes the suite with zero failures", () => {
    expect(baselineProblems(detection.baseline)).toEqual([]);
  });

  test("every fault is caught by a failing test of a requirement it breaks", () => {
    const notCaught = detection.scores
      .filter((s) => s.verdict !== "caught")
      .map(
        (s) =>
          `${s.fault.id} (${s.verdict}): breaks ${s.fault.breaks.join(", ")}; failing ${s.failingIds.join(", ") || "nothing"}${s.run.error ? `; ${s.run.error.split("\n")[0]}` : ""}`,
      );
    expect(notCaught, `fault detection: ${detection.caught}/${detection.total} faults caught`).toEqual([]);
  });
});
