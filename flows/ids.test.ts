// Regression (issue 9 item 6): after an answer without an id no test sends GET …/document/undefined; the test is blocked instead.
import { describe, expect, it } from "vitest";
import { withInputs } from "../generators/random.js";
import { pathFor } from "../harness/client.js";
import { ContractAssertionError } from "../harness/errors.js";
import { exchangeOf } from "../lib/exchange-fixtures.js";
import type { Exchange } from "../lib/exchange.js";
import { createAccepted } from "./accepted.js";
import { idOf } from "./ids.js";
import { type FlowCtx, finalState } from "./transaction.js";

const pendingNoId = exchangeOf({
  status: 200,
  body: { verification_id: "0a1b2c3d-4e5f-4a7b-8c9d-0e1f2a3b4c5d", status: { code: 100, message: "Transaction pending" } },
});

/** A context whose API answers `answer` and records every path it was asked for; arrange records its requirement. */
function fakeCtx(answer: Exchange) {
  const sent: string[] = [];
  const arranged: string[] = [];
  const t = {
    api: {
      call: async (op: string, opts: { params?: Record<string, string> } = {}) => {
        sent.push(pathFor(op as never, opts.params));
        return answer;
      },
    },
    profile: {
      pendingStatusCodes: [100],
      polling: { intervalMs: 1, maxWaitMs: 5 },
      imageBounds: { minBytes: 40_961, maxBytes: 16_777_215 },
    },
    today: "2026-01-01",
    arrange: async <T>(by: string, step: () => Promise<T> | T) => {
      arranged.push(by);
      return step();
    },
  };
  return { t: t as unknown as FlowCtx, sent, arranged };
}

describe("an answer without an id blocks, it is never sent on", () => {
  it("idOf names the missing field under the given requirement", async () => {
    const { t, arranged } = fakeCtx(pendingNoId);
    const err = await idOf(t, "DOCUMENT-01", pendingNoId, "transaction_id").catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ContractAssertionError);
    expect((err as ContractAssertionError).failures[0].title).toMatch(/transaction_id/);
    expect(arranged).toEqual(["DOCUMENT-01"]);
  });

  it("finalState does not poll …/undefined when a pending answer has no transaction_id", async () => {
    const { t, sent, arranged } = fakeCtx(pendingNoId);
    await expect(finalState(t, "getDocumentTransaction", pendingNoId, "DOCUMENT-02")).rejects.toBeInstanceOf(ContractAssertionError);
    expect(sent).toEqual([]);
    expect(arranged).toEqual(["DOCUMENT-02"]);
  });

  it("createAccepted blocks on an HTTP 200 without the ids the next request names", async () => {
    const { t, arranged } = fakeCtx(exchangeOf({ status: 200, body: {} }));
    await expect(withInputs(7, () => createAccepted(t as never, "verifyLicense"))).rejects.toBeInstanceOf(ContractAssertionError);
    expect(arranged).toEqual(["DOCUMENT-01"]);
  });

  it("the client refuses a path built from a missing id", () => {
    for (const bad of ["undefined", "", "null"])
      expect(() => pathFor("getDocumentTransaction", { transaction_id: bad })).toThrow(/path parameter transaction_id is/);
    expect(pathFor("getDocumentTransaction", { transaction_id: "c9298cc5-9917-4b88-850d-991df3864afe" })).toBe(
      "/api/v2/document/c9298cc5-9917-4b88-850d-991df3864afe",
    );
  });
});
