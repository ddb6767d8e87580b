// A few seconds of the soak against a mock in its own process with small store caps: the caps hold (counts only,
// never times or RSS), every answer is a documented status, and the report renders.
import { describe, expect, it } from "vitest";
import { renderSoak, runSoak } from "./soak.js";

describe("soak", () => {
  it("keeps the shared verification's list within its cap and forgets the oldest transaction", { timeout: 60_000 }, async () => {
    const r = await runSoak({
      seconds: 3,
      connections: 8,
      fixtures: { store: { maxTransactions: 50, maxVerifications: 50, maxTransactionsPerVerification: 20 }, webhooks: { maxPending: 10 } },
    });
    expect(r.errors).toBe(0);
    expect(r.requests).toBeGreaterThan(0);
    expect(r.sharedVerificationTransactions).toBeGreaterThan(0);
    expect(r.sharedVerificationTransactions).toBeLessThanOrEqual(20);
    expect(r.firstTransactionStatus).toBe(404);
    for (const status of Object.keys(r.statuses)) expect(["200", "404", "422"]).toContain(status);
  });

  it("renders its numbers as a markdown table", () => {
    const md = renderSoak({
      seconds: 60,
      connections: 16,
      requests: 120_000,
      reqPerSec: 2000,
      statuses: { "200": 110_000, "422": 10_000 },
      errors: 0,
      rssStartMb: 98,
      rssEndMb: 140,
      peakRssMb: 150,
      rssSamplesMb: [120, 140],
      sharedVerificationTransactions: 100,
      firstTransactionStatus: 404,
      loadAvg1m: 1.2,
    });
    expect(md).toContain("| 60 s | 16 | 120,000 | 2,000 | 200×110,000, 422×10,000 | 0 | 98 MB | 140 MB | 150 MB | 100 | 404 |");
    expect(md).toContain("- RSS every 10 s: 120, 140 MB.");
    expect(renderSoak({ error: "no mock" })).toContain("Not measured: no mock");
  });
});
