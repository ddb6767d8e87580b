import { describe, expect, it } from "vitest";
import { product_name } from "./product-name.js";
import { example, exchangeOf, withPath } from "../lib/exchange-fixtures.js";

const check = (body: unknown) => product_name(exchangeOf({ status: 200, body }));

describe("product_name", () => {
  it.each(["PublishedWebhookPayload", "SmsPending", "IdentityMatched", "DocumentFailed", "PublishedVerificationStatus"])(
    "passes the spec's example %s",
    (name) => {
      expect(check(example(name))).toBeUndefined();
    },
  );

  it.each([
    ["upper case", "Document.License.Verify"],
    ["no dot", "license"],
    ["spaces", "telecom possession sms"],
    ["a trailing dot", "telecom."],
  ])("flags %s", (_name, product) => {
    expect(check(withPath(example("DocumentVerified"), "product", product))?.title).toBe(
      `product ${JSON.stringify(product)} is not a dotted lower-case name`,
    );
  });

  it("flags a product that is not a string, inside a verification", () => {
    const body = example<{ transactions: Record<string, unknown>[] }>("PublishedVerificationStatus");
    body.transactions[0].product = 7;
    expect(check(body)?.title).toBe("transactions[0].product is 7, expected a dotted lower-case name");
  });
});
