import { describe, expect, it } from "vitest";
import { validateResponse, validateSchema } from "../../../lib/spec.js";

const envelope = { errors: [{ code: 4100, message: "Resource not found" }] };

describe("validateResponse", () => {
  it("a wrong type fails with the JSON path, the expectation and the received value", () => {
    const r = validateResponse("getDocumentTransaction", 404, { errors: [{ code: "4100", message: "Resource not found" }] }, "application/json");
    expect(r.documented).toBe(true);
    expect(r.issues).toEqual([{ path: "$.errors[0].code", expected: "type integer", received: '"4100"', message: "$.errors[0].code must be integer" }]);
  });

  it("an undocumented status is reported as such", () => {
    expect(validateResponse("getDocumentTransaction", 422, envelope)).toEqual({ documented: false, issues: [] });
    expect(validateResponse("createVerification", 404, envelope).documented).toBe(false);
    expect(validateResponse("getHealth", 401, envelope).documented).toBe(false);
  });

  it("an unknown operation is undocumented", () => {
    expect(validateResponse("nope", 200, {}).documented).toBe(false);
  });

  it("a raw JSON string is parsed; a non-JSON string is an issue", () => {
    expect(validateResponse("getVerification", 404, JSON.stringify(envelope), "application/json").issues).toEqual([]);
    expect(validateResponse("getVerification", 404, "<html>", "application/json").issues).toEqual([
      expect.objectContaining({ path: "$", expected: "a JSON document" }),
    ]);
  });

  it("Content-Type parameters are ignored; another media type is an issue", () => {
    expect(validateResponse("getVerification", 404, envelope, "application/json; charset=utf-8").issues).toEqual([]);
    expect(validateResponse("getVerification", 404, envelope, "text/html").issues).toEqual([
      expect.objectContaining({ path: "$", received: '"text/html"' }),
    ]);
  });

  it("health 200 must have no body", () => {
    expect(validateResponse("getHealth", 200, "")).toEqual({ documented: true, issues: [] });
    expect(validateResponse("getHealth", 200, undefined)).toEqual({ documented: true, issues: [] });
    expect(validateResponse("getHealth", 200, { status: "ok" }).issues).toEqual([
      expect.objectContaining({ path: "$", expected: "no response body" }),
    ]);
  });

  it("the error envelope must sit at the top level", () => {
    const r = validateResponse("sendSmsCode", 401, { results: { errors: envelope.errors } });
    expect(r.issues.map((i) => i.path)).toEqual(["$.errors"]);
  });
});

describe("validateSchema", () => {
  it("request schemas are strict and carry the input rules (D16, D17, D18)", () => {
    expect(validateSchema("SmsSendRequest", { phone: "8885551234" })).toEqual([]);
    expect(validateSchema("SmsSendRequest", { phone: 8885551234 }).map((i) => i.path)).toEqual(["$.phone"]);
    expect(validateSchema("SmsSendRequest", { phone: "(888) 555-1234" }).map((i) => i.path)).toEqual(["$.phone"]);
    expect(validateSchema("SmsSendRequest", { phone: "8885551234", extra: 1 }).map((i) => i.path)).toEqual(["$.extra"]);
    expect(validateSchema("TelecomIdentityRequest", { phone: "8885551234", birth_date: "1980-02-30" }).map((i) => i.path)).toEqual(["$.birth_date"]);
    expect(validateSchema("CreateVerificationRequest", { callback_url: "ftp://example.com/x" }).map((i) => i.path)).toEqual(["$.callback_url"]);
    expect(validateSchema("CreateVerificationRequest", { callback_url: "http://example.com/callback", metadata: [1, "a"] })).toEqual([]);
    expect(validateSchema("SmsConfirmRequest", { transaction_id: "c9298cc5-9917-4b88-850d-991df3864afe", code: "12312" }).map((i) => i.path)).toEqual(["$.code"]);
  });

  it("an unknown schema name throws", () => {
    expect(() => validateSchema("Nope", {})).toThrow(/Unknown schema/);
  });
});
