import { describe, expect, it } from "vitest";
import { error_envelope } from "../../../checks/error-envelope.js";
import { example, exchangeOf } from "./exchange-of.js";

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
    expect(error_envelope(exchangeOf({ status: 401, body }))?.title).toBe(title);
  });

  it("names a body that is not JSON", () => {
    const f = error_envelope(exchangeOf({ status: 500, text: "Internal Server Error", contentType: "text/plain" }));
    expect(f?.title).toBe("the body is not JSON, expected the error envelope");
  });

  it("lists every slip of several items", () => {
    const f = error_envelope(exchangeOf({ status: 422, body: { errors: [{ code: "3101", message: "" }, { code: 3108 }] } }));
    expect(f?.received).toContain("errors[1].message is missing");
    expect(f?.received).toContain("errors[0].message is an empty string");
  });
});
