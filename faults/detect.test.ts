import { describe, expect, it } from "vitest";
import type { TestOutcome } from "../run/outcome.js";
import { withSharers } from "./detect.js";

const test = (id: string, shared: string[] = []) => ({
  id,
  outcome: { shared: shared.map((state) => ({ state, arrangedBy: "x" })) } as unknown as TestOutcome,
});

describe("withSharers", () => {
  it("a reached test brings every test that shares arranged state with it, and no other", () => {
    const base = { tests: [test("a", ["f#s"]), test("b", ["f#s"]), test("c", ["f#s", "f#t"]), test("d", ["f#t"]), test("e")] } as never;
    expect(withSharers(["b"], base).sort()).toEqual(["a", "b", "c"]);
    expect(withSharers(["e"], base)).toEqual(["e"]);
    expect(withSharers([], base)).toEqual([]);
  });
});
