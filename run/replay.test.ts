/**
 * Replay: a test's inputs derive from the run's seed and the test's id (run/worker-plan.ts `testSeed`), so
 * `--seed N` reproduces the same requests for the same tests whatever else the selection holds, and
 * another seed sends other inputs.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runSuites } from "./launcher.js";
import { buildPlan } from "./plan.js";
import type { RunResult } from "./results.js";

const work = mkdtempSync(join(tmpdir(), "idme-replay-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const TARGET = "TELECOM-IDENTITY-01"; // a persona from faker in every request
const OTHERS = ["AUTH-01", "INPUT-PHONE-01", "TELECOM-SMS-01", "VERIFICATION-01"];

const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** The requests each test of the target requirement sent: method, path and body, with server-made ids masked. */
function requestsOf(result: RunResult): Record<string, string[]> {
  return Object.fromEntries(
    result.tests
      .filter((t) => t.requirement === TARGET)
      .map((t) => [
        t.id,
        t.outcome.exchanges.map((x) => `${x.request.method} ${x.request.path} ${x.request.bodyPreview}`.replace(uuid, "<id>")),
      ]),
  );
}

describe("--seed replays a test's inputs", () => {
  it("the same seed sends the same requests alone and within a larger selection; another seed does not", async () => {
    const plan = (id: string, seed: number, requirements: string[]) =>
      buildPlan({ id, requirements, seed, reportsDir: join(work, id) }, {});
    // One launch, three plans (each with its own mock), as fault detection runs them.
    const [alone, within, other] = (
      await runSuites([plan("alone", 42, [TARGET]), plan("within", 42, [...OTHERS, TARGET]), plan("other", 43, [TARGET])])
    ).map(requestsOf);
    expect(Object.keys(alone).length).toBeGreaterThan(0);
    expect(within).toEqual(alone);
    expect(other).not.toEqual(alone);
  }, 180_000);
});
