import { expect, test } from "vitest";
import { Exchange } from "./exchange.js";

const x = (status: number, text: string) =>
  new Exchange({
    operationId: "sendSmsCode",
    request: { method: "POST", url: "u", path: "/p", headers: {}, bodyPreview: "", curl: "curl" },
    response: { status, headers: { "content-type": "application/json" }, text, bytes: text.length, truncated: false },
    durationMs: 1,
    startedAt: "2026-01-01T00:00:00.000Z",
  });

test("errorCodes reads the top-level errors list and drops non-numbers", () => {
  expect(x(422, '{"errors":[{"code":3101,"message":"m"},{"code":"3100","message":"m"}]}').errorCodes()).toEqual([3101]);
  expect(x(422, '{"errors":{"code":3101}}').errorCodes()).toEqual([]);
  expect(x(502, "<html>bad gateway</html>").errorCodes()).toEqual([]);
});

test("transaction accessors read status.code and results.errors", () => {
  const t = x(200, '{"status":{"code":300},"results":{"verified":false,"errors":[{"code":1008,"message":"m"}]}}');
  expect(t.transactionStatus()).toBe(300);
  expect(t.transactionCodes()).toEqual([1008]);
  expect(x(200, "not json").isJson()).toBe(false);
});
