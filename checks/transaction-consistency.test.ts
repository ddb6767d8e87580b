import { describe, expect, it } from "vitest";
import { additional_info_string, failure_consistent, pending_consistent, success_consistent } from "./transaction-consistency.js";
import type { Exchange } from "../lib/exchange.js";
import { example, exchangeOf, withPath } from "../lib/exchange-fixtures.js";

const all = [success_consistent, failure_consistent, additional_info_string, pending_consistent];
/** The four consistency checks on one answer, each charged to its own requirement: here every finding, first first. */
const judge = (x: Exchange) => {
  const found = all.map((c) => c(x)).filter((f) => f !== undefined);
  return found.length ? { ...found[0], received: found.map((f) => f.received).join("; ") } : undefined;
};
const check = (body: unknown, operationId: string | null = null) => judge(exchangeOf({ status: 200, operationId, body }));

describe("transaction consistency (success, failure, additional_info, pending)", () => {
  it.each([
    ["SmsPending", "sendSmsCode"],
    ["SmsConfirmed", "confirmSmsCode"],
    ["SmsDeliveryFailure", "sendSmsCode"],
    ["IdentityMatched", "verifyTelecomIdentity"],
    ["PublishedTransactionFailure", "getTelecomTransaction"],
    ["DocumentPending", "verifyLicense"],
    ["DocumentVerified", "getDocumentTransaction"],
    ["DocumentFailed", null],
  ])("passes the spec's example %s (%s)", (name, op) => {
    expect(check(example(name), op)).toBeUndefined();
  });

  it("flags 200 that is not verified (D7)", () => {
    expect(check(withPath(example("SmsConfirmed"), "results.verified", false))?.title).toBe(
      "status.code 200 with results.verified false, expected true (D7)",
    );
  });

  it("flags 200 with errors (D7)", () => {
    const body = withPath(example("SmsConfirmed"), "results.errors", [{ code: 1008, message: "x" }]);
    expect(check(body)?.title).toBe("status.code 200 with 1 results.errors, expected none (D7)");
  });

  it("flags 300 without errors", () => {
    expect(check(withPath(example("SmsDeliveryFailure"), "results.errors", []))?.title).toBe(
      "status.code 300 with an empty results.errors list, expected at least one error (DOC)",
    );
    expect(check(withPath(example("SmsDeliveryFailure"), "results.errors", undefined))?.title).toBe(
      "status.code 300 with no results.errors list, expected at least one error (DOC)",
    );
  });

  it("flags a document code on a telecom operation", () => {
    const body = withPath(example("SmsDeliveryFailure"), "results.errors", [{ code: 2003, message: "x" }]);
    expect(check(body, "sendSmsCode")?.title).toBe("results.errors[0].code 2003 is not a telecom transaction code (1001–1014)");
  });

  it("flags a telecom code on a document transaction found by its product", () => {
    const body = withPath(example("DocumentFailed"), "results.errors", [{ code: 1014, message: "x" }]);
    expect(check(body)?.title).toBe("results.errors[0].code 1014 is not a document transaction code (2001–2005)");
  });

  it("flags an empty message and a non-string additional_info", () => {
    const body = withPath(example("PublishedTransactionFailure"), "results.errors", [
      { code: 1014, message: "", additional_info: { why: 1 } },
    ]);
    const f = check(body, "verifyTelecomIdentity");
    expect(f?.received).toContain('results.errors[0].message is "", expected a non-empty string');
    expect(f?.received).toContain('results.errors[0].additional_info is {"why":1}, expected a string');
  });

  it("flags a pending transaction that is already verified (D11)", () => {
    expect(check(withPath(example("DocumentPending"), "results.verified", true))?.title).toBe(
      "status.code 100 (pending) with results.verified true, expected false (D11)",
    );
  });

  it("observes, not fails, 2006 on a document transaction (an OPEN code, D12)", () => {
    const body = withPath(example("DocumentFailed"), "results.errors", [{ code: 2006, message: "The file size is too small." }]);
    const f = failure_consistent(exchangeOf({ status: 200, operationId: "getDocumentTransaction", body }));
    expect(f?.open).toMatch(/D12/);
  });

  it("flags errors given as an object", () => {
    expect(check(withPath(example("DocumentFailed"), "results.errors", { code: 2003 }))?.title).toBe(
      'results.errors is {"code":2003}, expected a list',
    );
  });

  it("ignores error answers and bodies that are not transactions", () => {
    expect(judge(exchangeOf({ status: 422, body: example("Error3101") }))).toBeUndefined();
    expect(check(example("PublishedVerificationCreated"))).toBeUndefined();
  });
});
