import { describe, expect, it } from "vitest";
import { timestamps_valid } from "./timestamps-valid.js";
import { example, exchangeOf, withPath } from "../lib/exchange-fixtures.js";

const check = (body: unknown) => timestamps_valid(exchangeOf({ status: 200, body }));

describe("timestamps_valid", () => {
  it.each(["PublishedTransactionFailure", "PublishedWebhookPayload", "SmsConfirmed", "IdentityMatched", "PublishedVerificationStatus"])(
    "passes the spec's example %s",
    (name) => {
      expect(check(example(name))).toBeUndefined();
    },
  );

  it.each([
    [
      "no milliseconds",
      "2023-05-01T11:56:53-04:00",
      'status.created "2023-05-01T11:56:53-04:00" is not YYYY-MM-DDThh:mm:ss.sss with Z or ±hh:mm',
    ],
    ["no offset", "2023-05-01T11:56:53.504", 'status.created "2023-05-01T11:56:53.504" is not YYYY-MM-DDThh:mm:ss.sss with Z or ±hh:mm'],
    ["epoch seconds", 1682956613, "status.created is 1682956613, expected an ISO-8601 date-time"],
    ["an impossible month", "2023-13-01T11:56:53.504Z", 'status.created "2023-13-01T11:56:53.504Z" is not a real date-time'],
  ])("flags %s", (_name, created, title) => {
    expect(check(withPath(example("SmsDeliveryFailure"), "status.created", created))?.title).toBe(title);
  });

  it("flags updated before created, across offsets (D8)", () => {
    const body = withPath(example("PublishedTransactionFailure"), "status.updated", "2023-05-01T15:56:53.503Z");
    expect(check(body)?.title).toBe("status.updated 2023-05-01T15:56:53.503Z is before status.created 2023-05-01T11:56:53.504-04:00 (D8)");
  });

  it("flags a bad stamp inside a verification's transactions", () => {
    const body = example<{ transactions: { status: Record<string, unknown> }[] }>("PublishedVerificationStatus");
    body.transactions[0].status.updated = "yesterday";
    expect(check(body)?.title).toBe('transactions[0].status.updated "yesterday" is not YYYY-MM-DDThh:mm:ss.sss with Z or ±hh:mm');
  });
});
