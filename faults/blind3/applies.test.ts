// Every blind3 fault is in effect: its probe (probes.ts) observes something else on the mock with the fault than on
// the conformant mock, and the conformant observation is stable (two fresh conformant mocks agree). Also the
// catalogue's own shape: enough faults, unique prefixed ids, and `breaks` naming real, non-OPEN requirements.
import { describe, expect, it } from "vitest";
import { requirements } from "../../generated/requirements.js";
import type { Fault } from "../../mock/faults-api.js";
import type { MockOptions } from "../../mock/server.js";
import { startMock } from "../../mock/server.js";
import { blind3Faults } from "./index.js";
import type { Probe } from "./probes.js";
import { probes } from "./probes.js";

async function observe(probe: Probe, faults: Fault[] = []): Promise<unknown> {
  const options: MockOptions = { ...probe.options, port: 0, faults };
  const mock = await startMock(options);
  try {
    return await probe.run(mock);
  } finally {
    await mock.close();
  }
}

describe("blind3 catalogue", () => {
  it("has at least 24 faults with unique kebab-case ids prefixed blind3-", () => {
    const ids = blind3Faults.map((f) => f.id);
    expect(ids.length).toBeGreaterThanOrEqual(24);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^blind3-[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("every fault has a title, a one-line description and breaks only registered, non-OPEN requirements", () => {
    for (const f of blind3Faults) {
      expect(f.title.length, f.id).toBeGreaterThan(0);
      expect(f.description, f.id).not.toMatch(/\n/);
      expect(f.breaks.length, f.id).toBeGreaterThan(0);
      expect(new Set(f.breaks).size, f.id).toBe(f.breaks.length);
      for (const id of f.breaks) {
        const req = requirements[id];
        expect(req, `${f.id}: ${id}`).toBeDefined();
        expect(req.basis, `${f.id}: ${id}`).not.toBe("OPEN");
      }
    }
  });

  it("every fault has exactly one probe", () => {
    expect(Object.keys(probes).sort()).toEqual(blind3Faults.map((f) => f.id).sort());
  });

  // At once (each probe has mocks of its own): most probes wait on the mock's clock — webhook retries, a rate
  // window, document processing — and one after another they held a worker ~6 s.
  describe.concurrent("each fault changes what the mock answers", () => {
    for (const fault of blind3Faults) {
      it(fault.id, async () => {
        const probe = probes[fault.id];
        const [normal, again, faulty] = await Promise.all([observe(probe), observe(probe), observe(probe, [fault])]);
        expect(again, "the conformant observation is stable").toEqual(normal);
        expect(faulty, `conformant: ${JSON.stringify(normal)}`).not.toEqual(normal);
      });
    }
  });
});
