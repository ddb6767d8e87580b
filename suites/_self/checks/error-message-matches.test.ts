import { describe, expect, it } from "vitest";
import { error_message_matches } from "../../../checks/error-message-matches.js";
import { example, exchangeOf, withPath } from "./exchange-of.js";

describe("error_message_matches", () => {
  it.each(["Error1100", "PublishedError2200", "Error3111", "Error5000", "PublishedTransactionFailure", "DocumentFailed"])(
    "passes the spec's example %s",
    (name) => {
      expect(error_message_matches(exchangeOf({ status: 200, body: example(name) }))).toBeUndefined();
    },
  );

  it("flags a reworded HTTP-level message", () => {
    const f = error_message_matches(exchangeOf({ status: 401, body: { errors: [{ code: 1100, message: "Invalid token" }] } }));
    expect(f?.title).toBe("the message of 1100 is not the catalogue's text");
    expect(f?.expected).toContain("Credentials used are not associated with any account");
  });

  it("flags a reworded transaction message", () => {
    const body = withPath(example("SmsDeliveryFailure"), "results.errors", [{ code: 1008, message: "Fraud" }]);
    expect(error_message_matches(exchangeOf({ status: 200, body }))?.received).toBe('results.errors[0].message "Fraud"');
  });

  it("leaves codes outside the catalogue to error_code_documented", () => {
    expect(error_message_matches(exchangeOf({ status: 422, body: { errors: [{ code: 2006, message: "anything" }] } }))).toBeUndefined();
  });
});
