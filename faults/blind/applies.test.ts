// Every blind fault is in effect: its probe answers differently with the fault than without it.
import { describe, expect, it } from "vitest";
import { requirements } from "../../generated/requirements.js";
import type { MockOptions, RunningMock } from "../../mock/server.js";
import { startMock } from "../../mock/server.js";
import { blindFaults } from "./index.js";
import { inputProbes } from "./probes-input.js";
import { accessProbes } from "./probes-access.js";
import { documentProbes } from "./probes-document.js";
import { orderProbes } from "./probes-order.js";
import { rateProbes } from "./probes-rate.js";
import { schemaProbes } from "./probes-schema.js";
import { telecomProbes } from "./probes-telecom.js";
import type { Probe } from "./testing.js";

const probes: Record<string, Probe> = {
  ...inputProbes,
  ...telecomProbes,
  ...accessProbes,
  ...orderProbes,
  ...rateProbes,
  ...documentProbes,
  ...schemaProbes,
};

async function withMock<T>(options: MockOptions, run: (m: RunningMock) => Promise<T>): Promise<T> {
  const m = await startMock({ port: 0, ...options });
  try {
    return await run(m);
  } finally {
    await m.close();
  }
}

describe("the blind catalogue", () => {
  it("has at least 40 faults with unique kebab-case ids prefixed blind-", () => {
    expect(blindFaults.length).toBeGreaterThanOrEqual(40);
    const ids = blindFaults.map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^blind-[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it("breaks only known, non-OPEN requirements, at least one each", () => {
    for (const f of blindFaults) {
      expect(f.breaks.length, f.id).toBeGreaterThan(0);
      expect(f.title, f.id).not.toBe("");
      expect(f.description, f.id).not.toBe("");
      for (const id of f.breaks) {
        expect(requirements[id], `${f.id}: ${id}`).toBeDefined();
        expect(requirements[id].basis, `${f.id}: ${id}`).not.toBe("OPEN");
      }
    }
  });

  it("has a probe for every fault and a fault for every probe", () => {
    expect(Object.keys(probes).sort()).toEqual(blindFaults.map((f) => f.id).sort());
  });
});

// Rate-window and order probes count requests inside a fixture's window: they run one at a time, their clean and
// faulty mocks one after the other. The others start mocks of their own and run at once.
const windowBound = new Set([...Object.keys(rateProbes), ...Object.keys(orderProbes)]);

function probeTest(fault: (typeof blindFaults)[number], together: boolean) {
  const probe = probes[fault.id];
  it.skipIf(!probe)(fault.id, { timeout: probe?.timeoutMs ?? 30_000 }, async () => {
    const clean = withMock(probe.options ?? {}, probe.run);
    // Window-bound probes: the faulty mock starts once the clean one is done.
    const faulty = together
      ? withMock({ ...probe.options, faults: [fault] }, probe.run)
      : clean.then(() => withMock({ ...probe.options, faults: [fault] }, probe.run));
    const [cleanSeen, faultySeen] = await Promise.all([clean, faulty]);
    expect(cleanSeen, "normal mock").toEqual(probe.clean);
    expect(faultySeen, "faulty mock").toEqual(probe.faulty);
    expect(faultySeen).not.toEqual(cleanSeen);
  });
}

describe.concurrent("each fault is absent from the normal mock and in effect with it", () => {
  for (const fault of blindFaults.filter((f) => !windowBound.has(f.id))) probeTest(fault, true);
});

describe("each window-bound fault is absent from the normal mock and in effect with it", () => {
  for (const fault of blindFaults.filter((f) => windowBound.has(f.id))) probeTest(fault, false);
});
