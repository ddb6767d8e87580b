import { describe, expect, it } from "vitest";
import { STDIN_HINT, stdinProfileReader } from "./stdin-profile.js";

describe("--profile - reads standard input", () => {
  it("says what it waits for on a terminal, before it waits", () => {
    const seen: string[] = [];
    const read = stdinProfileReader(
      true,
      (t) => seen.push(t),
      () => {
        seen.push("read");
        return "name: x";
      },
    );
    expect(read()).toBe("name: x");
    expect(seen).toEqual([STDIN_HINT, "read"]);
  });

  it("says nothing when the profile is piped", () => {
    const seen: string[] = [];
    expect(
      stdinProfileReader(
        false,
        (t) => seen.push(t),
        () => "name: x",
      )(),
    ).toBe("name: x");
    expect(seen).toEqual([]);
  });
});
