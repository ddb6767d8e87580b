import { describe, expect, it } from "vitest";
import { no_html_or_stacktrace } from "./no-html-or-stacktrace.js";
import { example, exchangeOf } from "../lib/exchange-fixtures.js";

describe("no_html_or_stacktrace", () => {
  it.each(["Error5000", "PublishedTransactionFailure", "IdentityMatched", "DocumentFailed"])("passes the spec's example %s", (name) => {
    expect(no_html_or_stacktrace(exchangeOf({ status: 200, body: example(name) }))).toBeUndefined();
  });

  it("passes an empty body", () => {
    expect(no_html_or_stacktrace(exchangeOf({ status: 200, text: "" }))).toBeUndefined();
  });

  it.each([
    ["an nginx page", "<html>\r\n<head><title>502 Bad Gateway</title></head>", "HTTP 500 answered with an HTML page"],
    ["a doctype page", "<!DOCTYPE html><html><body>Error</body></html>", "HTTP 500 answered with an HTML page"],
    [
      "a Node trace",
      "TypeError: x is undefined\n    at handler (/srv/app/routes.js:41:13)\n    at next (/srv/node_modules/x/index.js:5:3)",
      "HTTP 500 body contains a stack trace",
    ],
    [
      "a trace inside JSON",
      JSON.stringify({ errors: [{ code: 5000, message: "boom\n    at Object.<anonymous> (/app/a.js:1:1)" }] }),
      "HTTP 500 body contains a stack trace",
    ],
    ["a Java trace", "java.lang.NullPointerException\n\tat com.idme.Api.handle(Api.java:42)", "HTTP 500 body contains a stack trace"],
    ["a Python trace", 'Traceback (most recent call last):\n  File "app.py", line 3', "HTTP 500 body contains a stack trace"],
    ["a Ruby trace", "NoMethodError\napp/controllers/x_controller.rb:12:in `verify'", "HTTP 500 body contains a stack trace"],
  ])("names %s", (_name, text, title) => {
    expect(no_html_or_stacktrace(exchangeOf({ status: 500, text, contentType: "text/html" }))?.title).toBe(title);
  });
});
