import { describe, expect, it } from "vitest";
import { error_message_matches } from "./error-message-matches.js";
import { example, exchangeOf, withPath } from "../lib/exchange-fixtures.js";

const judge = (x: Parameters<typeof error_message_matches>[0]) => error_message_matches(x, { exactMessages: true });

describe("error_message_matches", () => {
  it.each(["Error1100", "PublishedError2200", "Error3111", "Error5000", "PublishedTransactionFailure", "DocumentFailed"])(
    "passes the spec's example %s",
    (name) => {
      expect(judge(exchangeOf({ status: 200, body: example(name) }))).toBeUndefined();
    },
  );

  it("flags a reworded HTTP-level message", () => {
    const f = judge(exchangeOf({ status: 401, body: { errors: [{ code: 1100, message: "Invalid token" }] } }));
    expect(f?.title).toBe("the message of 1100 is not the catalogue's text");
    expect(f?.expected).toContain("Credentials used are not associated with any account");
  });

  it("flags a reworded transaction message", () => {
    const body = withPath(example("SmsDeliveryFailure"), "results.errors", [{ code: 1008, message: "Fraud" }]);
    expect(judge(exchangeOf({ status: 200, body }))?.received).toBe('results.errors[0].message "Fraud"');
  });

  it("leaves codes outside the catalogue to error_code_documented", () => {
    expect(judge(exchangeOf({ status: 422, body: { errors: [{ code: 2006, message: "anything" }] } }))).toBeUndefined();
  });
});
