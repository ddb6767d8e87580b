import { describe, expect, it } from "vitest";
import type { ReqId } from "../generated/requirements.js";
import { arrangeShared, attempt, replayShared, type SharedState, sharedState } from "./shared.js";

class Broken extends Error {}

/** A test's own arrange, recording the requirements it was asked for: blocked (by ≠ own) or its own failure. */
function arrangeOf(own: ReqId, seen: ReqId[]) {
  return async <T>(by: ReqId, step: () => Promise<T>): Promise<T> => {
    seen.push(by);
    try {
      return await step();
    } catch (e) {
      throw by === own || !(e instanceof Broken) ? e : new Error(`blocked by ${by}`);
    }
  };
}

describe("shared arranged state", () => {
  it("is built once per key, by the first test that asks; later tests get the same state", async () => {
    const states = new Map<string, SharedState>();
    const build = async () => ({ n: Math.random() });
    let builds = 0;
    const start = () => (builds++, build());
    const a = sharedState(states, "run\0plan\0file#s", build, "test A", start);
    const b = sharedState(states, "run\0plan\0file#s", build, "test B", start);
    expect(builds).toBe(1);
    expect(b).toBe(a);
    expect(b.arrangedBy).toBe("test A");
    expect(await b.result).toBe(await a.result);
    sharedState(states, "run\0other plan\0file#s", build, "test B", start);
    expect(builds).toBe(2);
    expect(() => sharedState(states, "run\0plan\0file#s", async () => 1, "test C", start)).toThrow(/two different arrangements/);
  });

  it("a failed step blocks each sharer by its requirement, and fails the sharer whose requirement it is", async () => {
    const failing = arrangeShared("VERIFICATION-01", async () => {
      throw new Broken("no verification_id");
    });
    const e = await failing.catch((x: unknown) => x);
    const seen: ReqId[] = [];
    await expect(replayShared(arrangeOf("VERIFICATION-05", seen), e)).rejects.toThrow("blocked by VERIFICATION-01");
    await expect(replayShared(arrangeOf("VERIFICATION-01", seen), e)).rejects.toThrow("no verification_id");
    expect(seen).toEqual(["VERIFICATION-01", "VERIFICATION-01"]);
  });

  it("nested steps are replayed outermost first, as the test would have run them", async () => {
    const e = await arrangeShared("DOCUMENT-02", () =>
      arrangeShared("DOCUMENT-01", async () => {
        throw new Broken("no transaction_id");
      }),
    ).catch((x: unknown) => x);
    const seen: ReqId[] = [];
    // Its own requirement inside another's step: blocked by the outer one, as a test's nested arrange would be.
    await expect(replayShared(arrangeOf("DOCUMENT-01", seen), e)).rejects.toThrow("blocked by DOCUMENT-02");
    expect(seen).toEqual(["DOCUMENT-02", "DOCUMENT-01"]);
  });

  it("anything but a failed step (budget spent, unreachable) reaches each sharer as it is", async () => {
    const spent = new Error("the request budget is spent");
    await expect(replayShared(arrangeOf("VERIFICATION-05", []), spent)).rejects.toBe(spent);
  });

  it("an attempted part keeps its failure for the tests that need it", async () => {
    const ok = await attempt(async () => 1);
    const bad = await attempt(() => arrangeShared("DOCUMENT-11", async () => Promise.reject(new Broken("refused"))));
    expect(ok).toEqual({ ok: true, value: 1 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) await expect(replayShared(arrangeOf("VERIFICATION-03", []), bad.failure)).rejects.toThrow("blocked by DOCUMENT-11");
  });
});
