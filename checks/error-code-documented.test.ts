import { describe, expect, it } from "vitest";
import { error_code_documented } from "./error-code-documented.js";
import { example, exchangeOf } from "../lib/exchange-fixtures.js";

describe("error_code_documented", () => {
  it.each([
    [401, "getVerification", "Error1100"],
    [403, "verifyPassport", "PublishedError2200"],
    [403, "getVerification", "Error3300"],
    [404, "getTelecomTransaction", "Error4100"],
    [422, "verifyLicense", "Error3109"],
    [429, "createVerification", "Error5200"],
    [500, "sendSmsCode", "Error5000"],
    [404, null, "Error4100"],
  ] as const)("passes HTTP %i of %s with the spec's example %s", (status, operationId, name) => {
    expect(error_code_documented(exchangeOf({ status, operationId, body: example(name) }))).toBeUndefined();
  });

  it("flags 2006 on a 422 and points at 3109 (D12)", () => {
    const f = error_code_documented(
      exchangeOf({ status: 422, operationId: "verifyLicense", body: { errors: [{ code: 2006, message: "file size is too small" }] } }),
    );
    expect(f?.title).toBe("code 2006 is not documented for HTTP 422 of verifyLicense");
    expect(f?.hint).toContain("3109 (D12)");
  });

  it("flags the verification page's 3200 on getVerification (D13)", () => {
    const f = error_code_documented(exchangeOf({ status: 403, operationId: "getVerification", body: example("PublishedVerification403") }));
    expect(f?.hint).toContain('ID.me\'s verification page writes 3200 "Verification not owned by this account" here');
    expect(f?.hint).toMatch(/3300 verification ownership — D13$/);
  });

  it("flags a code answered with the wrong HTTP status", () => {
    const f = error_code_documented(exchangeOf({ status: 403, operationId: "sendSmsCode", body: example("Error1100") }));
    expect(f?.hint).toBe("1100 is documented with HTTP 401, not 403");
  });

  it("flags a transaction code in the HTTP-level list", () => {
    const f = error_code_documented(
      exchangeOf({ status: 422, operationId: "sendSmsCode", body: { errors: [{ code: 1008, message: "x" }] } }),
    );
    expect(f?.hint).toContain("telecom transaction code");
  });

  it("flags a code documented for another operation only", () => {
    const f = error_code_documented(exchangeOf({ status: 422, operationId: "createVerification", body: example("Error3101") }));
    expect(f?.title).toBe("code 3101 is not documented for HTTP 422 of createVerification");
  });
});
