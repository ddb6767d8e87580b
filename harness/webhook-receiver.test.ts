import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { createScanner } from "../reporting/secrets-scan.js";
import { loadProfile, mockProfilePath } from "../run/profile.js";
import { RunStoppedError } from "./stop.js";
import { scripts, startReceiver, type Receiver } from "./webhook-receiver.js";

const base = loadProfile(mockProfilePath).profile;
const dir = mkdtempSync(join(tmpdir(), "idme-receiver-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
/** A stop file that is never created (harness/stop.ts). */
const noStop = join(dir, "never.stop");
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
    open = await startReceiver({ script: scripts.failFirst(1), profile, secrets: [], stopFile: noStop });
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
    open = await startReceiver({ script: scripts.alwaysFail(), profile, secrets: [], stopFile: noStop });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(open.url, {})).status);
    expect(statuses).toEqual([500, 500, 500, 500, 500]);
  });

  it("bounds waitForCount by webhookWaitMs when fewer deliveries come", async () => {
    open = await startReceiver({ profile, secrets: [], stopFile: noStop });
    const started = Date.now();
    const got = await open.waitForCount(1);
    expect(got).toHaveLength(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it("settle waits out a quiet window so a late extra delivery is counted", async () => {
    open = await startReceiver({ profile, secrets: [], stopFile: noStop });
    await post(open.url, {});
    await open.waitForCount(1);
    const late = new Promise((r) => setTimeout(r, 100)).then(() => post(open!.url, {}));
    const got = await open.settle(250);
    await late;
    expect(got).toHaveLength(2);
  });

  it("redacts every delivery: a forwarded Authorization header, the token in other headers, the path and the body", async () => {
    const secret = `canary-webhook/${Date.now()}+é`;
    const token = Buffer.from(secret).toString("base64");
    open = await startReceiver({ profile, secrets: [token], stopFile: noStop });
    const escaped = `\\u00${token.charCodeAt(0).toString(16)}${token.slice(1)}`;
    await fetch(`${open.url}?t=${encodeURIComponent(token)}`, {
      method: "POST",
      headers: {
        authorization: `Bearer ID.me ${token}`,
        "x-forwarded-token": token,
        "x-secret-hex": Buffer.from(secret).toString("hex"),
        "content-type": "application/json",
      },
      body: `{"forwarded":"${escaped}","secret":${JSON.stringify(secret)},"b64":"${Buffer.from(`ab${token}`).toString("base64")}"}`,
      signal: AbortSignal.timeout(2000),
    });
    const [d] = await open.waitForCount(1);
    expect(d!.headers.authorization).toBe("Bearer ID.me $IDME_TOKEN");
    expect(d!.headers["x-forwarded-token"]).toBe("$IDME_TOKEN");
    expect(d!.path).toMatch(/\?t=\$IDME_TOKEN$/);
    expect(JSON.parse(d!.body)).toMatchObject({ forwarded: "$IDME_TOKEN", secret: "$IDME_TOKEN" });
    expect(createScanner([token, secret]).scanString(JSON.stringify(d))).toEqual([]);
  });

  it("uses profile.webhook.publicBaseUrl for the URL when set", async () => {
    open = await startReceiver({
      profile: { ...profile, webhook: { listenHost: "127.0.0.1", quietMs: 300, publicBaseUrl: "https://tunnel.example.test/base/" } },
      secrets: [],
      stopFile: noStop,
    });
    expect(open.url).toMatch(/^https:\/\/tunnel\.example\.test\/base\/hooks\/[0-9a-f-]{36}$/);
  });

  it("ends a wait for deliveries or for quiet when the run is stopped", async () => {
    const stopFile = join(dir, "run.stop");
    const long = { ...base, timeouts: { ...base.timeouts, webhookWaitMs: 60_000 }, webhook: { ...base.webhook, quietMs: 60_000 } };
    open = await startReceiver({ profile: long, secrets: [], stopFile });
    setTimeout(() => writeFileSync(stopFile, ""), 100);
    const started = performance.now();
    await expect(open.settle()).rejects.toThrow(RunStoppedError);
    await expect(open.waitForCount(1)).rejects.toThrow(RunStoppedError);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});
