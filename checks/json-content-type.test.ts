import { describe, expect, it } from "vitest";
import { json_content_type } from "./json-content-type.js";
import { example, exchangeOf } from "../lib/exchange-fixtures.js";

describe("json_content_type", () => {
  it.each(["application/json", "application/json; charset=utf-8", "Application/JSON"])("passes %s", (contentType) => {
    expect(json_content_type(exchangeOf({ status: 401, body: example("Error1100"), contentType }))).toBeUndefined();
  });

  it("ignores bodies that are not JSON (an empty health answer)", () => {
    expect(json_content_type(exchangeOf({ status: 200, text: "" }))).toBeUndefined();
  });

  it.each([
    ["text/html; charset=utf-8", 'a JSON body is served as "text/html", expected application/json'],
    ["text/plain", 'a JSON body is served as "text/plain", expected application/json'],
    ["", "a JSON body is served as no Content-Type, expected application/json"],
    ["application/problem+json", 'a JSON body is served as "application/problem+json", expected application/json'],
  ])("flags JSON served as %j", (contentType, title) => {
    const x = exchangeOf({ status: 200, text: JSON.stringify(example("SmsPending")), contentType: contentType || undefined });
    expect(json_content_type(x)?.title).toBe(title);
  });
});
