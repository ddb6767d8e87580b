import { describe, expect, it } from "vitest";
import { burst, freshWindow, WINDOW_MARGIN_MS } from "./rate-window.js";
import { loadProfile, mockProfilePath } from "../run/profile.js";
import { Exchange } from "../lib/exchange.js";

const profile = loadProfile(mockProfilePath).profile;
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
    await freshWindow({ ...profile, rateLimits: { perProduct: 1, perAccount: 1, windowMs: 100 } });
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(100 + WINDOW_MARGIN_MS - 5);
    expect(waited).toBeLessThan(100 + WINDOW_MARGIN_MS + 500);
  });

  it("freshWindow refuses a profile without a window", async () => {
    await expect(freshWindow({ ...profile, rateLimits: undefined })).rejects.toThrow(/rateLimits.windowMs/);
  });

  it("burst sends n requests in order", async () => {
    let n = 0;
    const xs = await burst(3, async () => fake(200 + n++));
    expect(xs.map((x) => x.status)).toEqual([200, 201, 202]);
  });
});
