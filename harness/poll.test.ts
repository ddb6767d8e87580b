import { describe, expect, it } from "vitest";
import { Exchange } from "../lib/exchange.js";
import { pollUntilFinal } from "./poll.js";

const tx = (status: number, code?: number): Exchange =>
  new Exchange({
    operationId: "getDocumentTransaction",
    request: {
      method: "GET",
      url: "http://t/api/v2/document/x",
      path: "/api/v2/document/x",
      headers: {},
      bodyPreview: "",
      curl: "curl http://t",
    },
    response: { status, headers: {}, text: code === undefined ? "" : JSON.stringify({ status: { code } }), bytes: 0, truncated: false },
    durationMs: 1,
    startedAt: "2026-01-01T00:00:00.000Z",
  });

const opts = { pendingStatusCodes: [100], intervalMs: 1, maxWaitMs: 50, what: "transaction x" };

describe("pollUntilFinal", () => {
  it("returns the first answer whose status.code is not pending", async () => {
    const answers = [tx(200, 100), tx(200, 100), tx(200, 300)];
    let calls = 0;
    const x = await pollUntilFinal(async () => answers[calls++]!, opts);
    expect(x.transactionStatus()).toBe(300);
    expect(calls).toBe(3);
  });

  it("waits one interval before the first GET: the pending answer that started the polling was the first ask", async () => {
    const started = performance.now();
    let firstAt = -1;
    await pollUntilFinal(async () => ((firstAt = performance.now() - started), tx(200, 200)), { ...opts, intervalMs: 40 });
    expect(firstAt).toBeGreaterThanOrEqual(35);
  });

  it("returns a non-200 answer at once for the caller to judge", async () => {
    let calls = 0;
    const x = await pollUntilFinal(async () => (calls++, tx(404)), opts);
    expect(x.status).toBe(404);
    expect(calls).toBe(1);
  });

  it("fails with a contract error naming the wait when the transaction stays pending", async () => {
    let clock = 0;
    const run = pollUntilFinal(async () => ((clock += 20), tx(200, 100)), { ...opts, now: () => clock });
    await expect(run).rejects.toMatchObject({ name: "ContractAssertionError" });
    await expect(run).rejects.toThrow(/still pending[\s\S]*within 50 ms \(profile\.polling\.maxWaitMs\)/);
  });
});
