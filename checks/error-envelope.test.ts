import { describe, expect, it } from "vitest";
import { error_code_integer, error_envelope, error_message_text } from "./error-envelope.js";
import type { Exchange } from "../lib/exchange.js";

/** The three envelope checks on one answer (each is charged to its own requirement; here the first finding counts). */
const envelope = (x: Exchange) => {
  const found = [error_envelope(x), error_code_integer(x), error_message_text(x)].filter((f) => f !== undefined);
  return found.length
    ? { ...found[0], received: found.map((f) => (f.received.startsWith("{") ? f.title : f.received)).join("; ") }
    : undefined;
};
import { example, exchangeOf } from "../lib/exchange-fixtures.js";

const published = ["PublishedError2200", "Error1100", "Error3300", "Error4100", "Error3109", "Error5100", "Error5200", "Error5000"];

describe("error_envelope", () => {
  it.each(published)("passes the spec's example %s", (name) => {
    expect(error_envelope(exchangeOf({ status: 403, body: example(name) }))).toBeUndefined();
  });

  it("ignores answers below 400", () => {
    expect(error_envelope(exchangeOf({ status: 200, body: { errors: {} } }))).toBeUndefined();
  });

  it.each([
    ["errors as an object", { errors: { code: 1100, message: "x" } }, "errors is an object, expected a list"],
    ["a string code", { errors: [{ code: "1100", message: "x" }] }, 'errors[0].code is a string "1100", expected an integer'],
    ["a fractional code", { errors: [{ code: 1100.5, message: "x" }] }, "errors[0].code is a number 1100.5, expected an integer"],
    ["a missing code", { errors: [{ message: "x" }] }, "errors[0].code is missing"],
    [
      "an empty message",
      { errors: [{ code: 1100, message: " " }] },
      "errors[0].message is an empty string, expected a non-empty text (D14)",
    ],
    ["a numeric message", { errors: [{ code: 1100, message: 7 }] }, "errors[0].message is a number 7, expected a string"],
    ["`error` for `errors`", { error: [{ code: 1100, message: "x" }] }, "errors found under `error`, expected `errors`"],
    ["an empty list", { errors: [] }, "errors is an empty list, expected at least one error"],
    ["a top-level list", [{ code: 1100, message: "x" }], "the body is a list, expected an object with an `errors` list"],
    ["no errors at all", { message: "Unauthorized" }, "no `errors` property (keys: message)"],
  ])("names %s", (_name, body, title) => {
    expect(envelope(exchangeOf({ status: 401, body }))?.title).toBe(title);
  });

  it("names a body that is not JSON", () => {
    const f = error_envelope(exchangeOf({ status: 500, text: "Internal Server Error", contentType: "text/plain" }));
    expect(f?.title).toBe("the body is not JSON, expected the error envelope");
  });

  it("charges each slip to its own rule: shape, integer codes, non-empty messages", () => {
    const body = { errors: [{ code: "1100", message: "" }] };
    expect(error_envelope(exchangeOf({ status: 401, body }))).toBeUndefined();
    expect(error_code_integer(exchangeOf({ status: 401, body }))?.check).toBe("error_code_integer");
    expect(error_message_text(exchangeOf({ status: 401, body }))?.check).toBe("error_message_text");
  });

  it("lists every slip of several items", () => {
    const f = envelope(exchangeOf({ status: 422, body: { errors: [{ code: "3101", message: "" }, { code: 3108 }] } }));
    expect(f?.received).toContain("errors[1].message is missing");
    expect(f?.received).toContain("errors[0].message is an empty string");
  });
});
