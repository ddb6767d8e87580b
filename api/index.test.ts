import { describe, expect, it } from "vitest";
import { FixturesError, ProfileError, startMock } from "./index.js";

describe("the public API's errors", () => {
  it("startMock rejects fixtures that break their schema with a FixturesError a caller can catch by class", async () => {
    const bad = { accounts: { primary: { secret: 42 } } } as unknown as NonNullable<Parameters<typeof startMock>[0]>["fixtures"];
    const e = await startMock({ fixtures: bad }).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(e).toBeInstanceOf(FixturesError);
    expect(e).not.toBeInstanceOf(ProfileError);
    expect(String((e as Error).message)).toMatch(/secret/);
  });
});
