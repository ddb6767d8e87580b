import { describe, expect, it } from "vitest";
import { faker, withInputs } from "./random.js";

const draw = () => [faker.string.uuid(), faker.number.int({ min: 0, max: 1e9 }), faker.person.firstName()];

describe("withInputs", () => {
  it("gives a seed the same inputs whether its faker is new or reused from an earlier test", async () => {
    const first = withInputs(42, draw);
    await withInputs(7, async () => draw()); // leaves its faker for reuse
    expect(withInputs(42, draw)).toEqual(first);
    expect(await withInputs(42, async () => draw())).toEqual(first);
  });

  it("keeps tests that interleave apart: each draws from its own seed", async () => {
    const alone = withInputs(1, draw);
    const [a, b] = await Promise.all([
      withInputs(1, async () => {
        await new Promise((r) => setTimeout(r, 5));
        return draw();
      }),
      withInputs(2, async () => draw()),
    ]);
    expect(a).toEqual(alone);
    expect(b).not.toEqual(alone);
  });

  it("refuses to generate outside a test", () => {
    expect(() => faker.string.uuid()).toThrow(/generators run inside a test/);
  });
});
