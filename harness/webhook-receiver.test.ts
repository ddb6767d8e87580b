import { afterEach, describe, expect, it } from "vitest";
import { loadProfile, mockProfilePath } from "../run/profile.js";
import { scripts, startReceiver, type Receiver } from "./webhook-receiver.js";

const base = loadProfile(mockProfilePath).profile;
const profile = { ...base, timeouts: { ...base.timeouts, webhookWaitMs: 400 } };
let open: Receiver | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

const post = (url: string, body: unknown) =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-sig": "abc" },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(2000),
  });

describe("webhook receiver", () => {
  it("records deliveries and answers per the script (500 first, then 200)", async () => {
    open = await startReceiver({ script: scripts.failFirst(1), profile });
    const statuses = [(await post(open.url, { a: 1 })).status, (await post(open.url, { a: 2 })).status];
    const got = await open.waitForCount(2);
    expect(statuses).toEqual([500, 200]);
    expect(got.map((d) => [d.n, d.method, d.answered, JSON.parse(d.body).a])).toEqual([
      [1, "POST", 500, 1],
      [2, "POST", 200, 2],
    ]);
    expect(got[0]!.headers["x-sig"]).toBe("abc");
    expect(new URL(open.url).pathname).toMatch(/^\/hooks\//);
  });

  it("never answers 2xx with alwaysFail", async () => {
    open = await startReceiver({ script: scripts.alwaysFail(), profile });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(open.url, {})).status);
    expect(statuses).toEqual([500, 500, 500, 500, 500]);
  });

  it("bounds waitForCount by webhookWaitMs when fewer deliveries come", async () => {
    open = await startReceiver({ profile });
    const started = Date.now();
    const got = await open.waitForCount(1);
    expect(got).toHaveLength(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("settle waits out a quiet window so a late extra delivery is counted", async () => {
    open = await startReceiver({ profile });
    await post(open.url, {});
    await open.waitForCount(1);
    const late = new Promise((r) => setTimeout(r, 100)).then(() => post(open!.url, {}));
    const got = await open.settle(250);
    await late;
    expect(got).toHaveLength(2);
  });

  it("uses profile.webhook.publicBaseUrl for the URL when set", async () => {
    open = await startReceiver({
      profile: { ...profile, webhook: { listenHost: "127.0.0.1", publicBaseUrl: "https://tunnel.example.test/base/" } },
    });
    expect(open.url).toMatch(/^https:\/\/tunnel\.example\.test\/base\/hooks\/[0-9a-f-]{36}$/);
  });
});
