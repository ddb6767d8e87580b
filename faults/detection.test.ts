// The suite's fault-detection score as part of `npm test`: the conformant mock must pass, every catalogued fault
// must be caught by a failing requirement it declares it breaks, with no undeclared MUST requirement red
// (precision), and every conformant variant must pass (faults/README.md).
import { beforeAll, describe, expect, test } from "vitest";
import { requirements } from "../generated/requirements.js";
import { faults } from "./catalogue.js";
import { type Detection, detectFaults } from "./detect.js";
import { catalogues } from "./runner.js";
import { formatTable } from "./score.js";
import { variants } from "./variants.js";

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

  test("every fault breaks at least one requirement, each in the registry and none OPEN", () => {
    const bad = catalogues.flatMap((c) =>
      c.faults.flatMap((f) =>
        f.breaks.length === 0
          ? [`${f.id}: declares no requirement`]
          : f.breaks
              .filter((id) => !(id in requirements) || requirements[id].basis === "OPEN")
              .map((id) => `${f.id}: ${id} unknown or OPEN`),
      ),
    );
    expect(bad).toEqual([]);
  });
});

describe("fault detection over the catalogues", () => {
  // The reached tests stand for the whole suite (faults/detect.ts): shown here on one fault of each way a fault
  // is made — a pure answer rewrite, a rewrite that learns from earlier answers, a switch, a rule function,
  // a getter with effects, a webhook rule, a clock rule — run against every test.
  const SAMPLE = [
    "errors-as-object",
    "phone-lenient",
    "transaction-ownership-leak",
    "webhook-no-retries",
    "updated-before-created",
    "blind-image-size-last-file-only",
    "blind-missing-image-3111",
    "blind-confirm-new-transaction-id",
  ];

  let detection: Detection;
  beforeAll(async () => {
    detection = await detectFaults({ catalogues, variants, crossCheck: SAMPLE, onProgress: (l) => process.stderr.write(`  ${l}\n`) });
    console.log(formatTable(detection.scores, detection.variants));
  }, 20 * 60_000);

  test("the conformant mock passes the suite", () => {
    const why = detection.baseline.notVerifiedMust.map((n) => `${n.id}: ${n.reason}`).join("\n");
    expect(detection.baseline.summary, why).toMatch(/^CONFORMANT/);
  });

  test("every fault is caught by a failing requirement it breaks", () => {
    const notCaught = detection.scores
      .filter((s) => s.verdict !== "caught")
      .map(
        (s) =>
          `${s.catalogue}:${s.fault.id} (${s.verdict}): breaks ${s.fault.breaks.join(", ")}; failing ${s.failing.join(", ") || "nothing"}`,
      );
    expect(notCaught).toEqual([]);
  });

  test("no fault reds a MUST requirement it does not declare (precision)", () => {
    const collateral = detection.scores
      .filter((s) => s.collateral.length)
      .map((s) => `${s.catalogue}:${s.fault.id}: ${s.collateral.join(", ")}`);
    expect(collateral).toEqual([]);
  });

  test("every conformant variant passes", () => {
    expect(detection.variants.filter((v) => !v.passes).map((v) => `${v.variant.id}: ${v.failing.join(", ")}`)).toEqual([]);
  });

  test("a fault run against only the tests it reaches gives the verdict of a run against every test", () => {
    expect(detection.crossChecked.map((s) => s.fault.id).sort()).toEqual([...SAMPLE].sort());
    const outcome = (s: { fault: { id: string }; verdict: string; failing: readonly string[] }) =>
      `${s.fault.id}: ${s.verdict} ${[...s.failing].sort().join(",")}`;
    const reached = detection.scores.filter((s) => SAMPLE.includes(s.fault.id)).map(outcome);
    expect(reached.sort()).toEqual(detection.crossChecked.map(outcome).sort());
  });
});
