import { describe, expect, it } from "vitest";
import { operations, requestSchemas, validateRequest, validateResponse, validateSchema } from "../spec.js";

const envelope = { errors: [{ code: 4100, message: "Resource not found" }] };

describe("validateResponse", () => {
  it("a wrong type fails with the JSON path, the expectation and the received value", () => {
    const r = validateResponse(
      "getDocumentTransaction",
      404,
      { errors: [{ code: "4100", message: "Resource not found" }] },
      "application/json",
    );
    expect(r.documented).toBe(true);
    expect(r.issues).toEqual([
      { path: "$.errors[0].code", expected: "type integer", received: '"4100"', message: "$.errors[0].code must be integer" },
    ]);
  });

  it("an undocumented status is reported as such", () => {
    expect(validateResponse("getDocumentTransaction", 422, envelope)).toEqual({ documented: false, issues: [] });
    expect(validateResponse("createVerification", 404, envelope).documented).toBe(false);
    expect(validateResponse("getHealth", 403, envelope).documented).toBe(false);
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
    expect(validateSchema("TelecomIdentityRequest", { phone: "8885551234", birth_date: "1980-02-30" }).map((i) => i.path)).toEqual([
      "$.birth_date",
    ]);
    expect(validateSchema("CreateVerificationRequest", { callback_url: "ftp://example.com/x" }).map((i) => i.path)).toEqual([
      "$.callback_url",
    ]);
    expect(validateSchema("CreateVerificationRequest", { callback_url: "http://example.com/callback", metadata: [1, "a"] })).toEqual([]);
    expect(
      validateSchema("SmsConfirmRequest", { transaction_id: "c9298cc5-9917-4b88-850d-991df3864afe", code: "12312" }).map((i) => i.path),
    ).toEqual(["$.code"]);
  });

  it("an unknown schema name throws", () => {
    expect(() => validateSchema("Nope", {})).toThrow(/Unknown schema/);
  });
});

describe("validateRequest", () => {
  it("validates JSON and multipart bodies against the operation's request schema", () => {
    expect(validateRequest("verifyTelecomIdentity", { phone: "8885551234", birth_date: "1980-06-15" })).toEqual([]);
    expect(validateRequest("verifyTelecomIdentity", { phone: "8885551234" }).map((i) => i.path)).toEqual(["$.birth_date"]);
    expect(validateRequest("verifyPassport", { front_image: "bytes" }, "multipart/form-data")).toEqual([]);
    expect(validateRequest("verifyLicense", { front_image: "bytes" }).map((i) => i.path)).toEqual(["$.back_image"]);
    expect(validateRequest("verifyLicense", { front_image: "a", back_image: "b", metadata: "x".repeat(501) }).map((i) => i.path)).toEqual([
      "$.metadata",
    ]);
  });

  it("no body at all is valid where requestBody.required is false, an issue where it is true", () => {
    expect(validateRequest("createVerification", undefined)).toEqual([]);
    expect(validateRequest("createVerification", undefined, "application/json")).toEqual([]);
    expect(validateRequest("sendSmsCode", undefined)).toEqual([expect.objectContaining({ path: "$", expected: "a request body" })]);
    expect(validateRequest("verifyPassport", undefined)).toEqual([expect.objectContaining({ expected: "a request body" })]);
  });

  it("x-max-json-length is enforced: metadata of 501 JSON characters fails, 500 passes (D5)", () => {
    const text = (n: number) => "x".repeat(n - 2); // a JSON string of n characters with its quotes
    expect(validateRequest("createVerification", { metadata: text(500) })).toEqual([]);
    expect(validateRequest("createVerification", { metadata: text(501) })).toEqual([
      expect.objectContaining({ path: "$.metadata", expected: "JSON text of at most 500 characters" }),
    ]);
    expect(validateSchema("Metadata", { note: "é".repeat(480) })).toEqual([]);
    expect(validateSchema("Metadata", [1, 2, { deep: text(494) }])).toHaveLength(1);
  });

  it("an operation without a body, or another media type, throws", () => {
    expect(() => validateRequest("getHealth", {})).toThrow(/no request body/);
    expect(() => validateRequest("sendSmsCode", {}, "text/plain")).toThrow(/text\/plain/);
  });

  it("reports which body is required", () => {
    expect(requestSchemas("createVerification")).toEqual([expect.objectContaining({ mediaType: "application/json", required: false })]);
    expect(requestSchemas("verifyLicense")).toEqual([expect.objectContaining({ mediaType: "multipart/form-data", required: true })]);
  });
});

describe("every documented response compiles", () => {
  const all = operations().flatMap((op) => op.statuses.map((status) => ({ id: op.id, status })));
  it.each(all)("$id $status", ({ id, status }) => {
    const r = validateResponse(id, status, status === 200 && id === "getHealth" ? "" : { unexpected: true });
    expect(r.documented).toBe(true);
    // `{unexpected: true}` lacks every required field, so each JSON response must object to it.
    if (!(status === 200 && id === "getHealth")) expect(r.issues.length).toBeGreaterThan(0);
  });
});
