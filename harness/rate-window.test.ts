import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { burst, freshWindow, WINDOW_MARGIN_MS } from "./rate-window.js";
import { RunStoppedError } from "./stop.js";
import { loadProfile, mockProfilePath } from "../run/profile.js";
import { Exchange } from "../lib/exchange.js";

const profile = loadProfile(mockProfilePath).profile;
const dir = mkdtempSync(join(tmpdir(), "idme-rate-window-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** A stop file that is never created. */
const noStop = join(dir, "never.stop");
const fake = (status: number) =>
  new Exchange({
    operationId: null,
    request: { method: "GET", url: "u", path: "/", headers: {}, bodyPreview: "", curl: "" },
    response: { status, headers: {}, text: "", bytes: 0, truncated: false },
    durationMs: 0,
    startedAt: "2026-01-01T00:00:00.000Z",
  });

describe("rate-window helpers", () => {
  it("freshWindow waits the window plus the margin, no less and not much more", async () => {
    const started = performance.now();
    await freshWindow({ ...profile, rateLimits: { perProduct: 1, perAccount: 1, windowMs: 100 } }, noStop);
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(100 + WINDOW_MARGIN_MS - 5);
    expect(waited).toBeLessThan(100 + WINDOW_MARGIN_MS + 500);
  });

  it("freshWindow refuses a profile without a window", async () => {
    await expect(freshWindow({ ...profile, rateLimits: undefined }, noStop)).rejects.toThrow(/rateLimits.windowMs/);
  });

  it("freshWindow ends within a moment of the run's stop (a live target's window may be a minute)", async () => {
    const stopFile = join(dir, "run.stop");
    setTimeout(() => writeFileSync(stopFile, ""), 100);
    const started = performance.now();
    await expect(freshWindow({ ...profile, rateLimits: { perProduct: 1, perAccount: 1, windowMs: 60_000 } }, stopFile)).rejects.toThrow(
      RunStoppedError,
    );
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it("burst sends n requests in order", async () => {
    let n = 0;
    const xs = await burst(3, async () => fake(200 + n++));
    expect(xs.map((x) => x.status)).toEqual([200, 201, 202]);
  });
});
