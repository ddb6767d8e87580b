/**
 * ID.me's published bodies (docs.id.me: verification, webhooks, overview pages), copied as
 * fixtures: the contract must accept every one of them, and must reject the `result` slip (D6).
 */
import { describe, expect, it } from "vitest";
import { validateResponse, validateSchema } from "../spec.js";

const verificationCreated = { verification_id: "9b1cef39-46c3-48f2-8dbf-306cf73093bd", transactions: [] };

const verificationStatus = {
  verification_id: "e469c856-7f8e-4aba-8fb4-230bcfea7cf8",
  transactions: [
    {
      transaction_id: "c9298cc5-9917-4b88-850d-991df3864afe",
      verification_id: "e469c856-7f8e-4aba-8fb4-230bcfea7cf8",
      product: "document.license.verify",
      status: {
        code: 200,
        message: "Transaction successfully completed",
        created: "2023-04-04T21:15:52.171Z",
        updated: "2023-04-04T21:25:53.301Z",
      },
    },
  ],
};

const verification403 = { errors: [{ code: 3200, message: "Verification not owned by this account" }] };

const overviewError = { errors: [{ code: 2200, message: "Referenced product is not active" }] };

const webhookPayload = {
  transaction_id: "c9298cc5-9917-4b88-850d-991df3864afe",
  verification_id: "e469c856-7f8e-4aba-8fb4-230bcfea7cf8",
  product: "license.verify",
  status: {
    code: 200,
    message: "Transaction successfully completed",
    created: "2023-04-04T17:15:52.171-04:00",
    updated: "2023-04-04T17:25:53.301-04:00",
  },
};

const failed300 = {
  transaction_id: "5d3f6c1a-8b2e-4f7a-9c0d-1e2f3a4b5c6d",
  verification_id: "0a1b2c3d-4e5f-4a7b-8c9d-0e1f2a3b4c5d",
  product: "telecom.possession.sms",
  status: {
    code: 300,
    message: "Transaction unsuccessful",
    created: "2023-05-01T11:56:53.504-04:00",
    updated: "2023-05-01T11:56:53.563-04:00",
  },
  results: {
    verified: false,
    errors: [{ code: 1014, message: "Could not find the user", additional_info: "birth_date does not match data on file." }],
  },
};

const paths = (issues: { path: string }[]) => issues.map((i) => i.path);

describe("published examples conform", () => {
  it("verification create body (200)", () => {
    expect(validateResponse("createVerification", 200, verificationCreated, "application/json")).toEqual({ documented: true, issues: [] });
  });
  it("verification status body (200)", () => {
    expect(validateResponse("getVerification", 200, verificationStatus, "application/json")).toEqual({ documented: true, issues: [] });
  });
  it("verification 403 body (code 3200, D13)", () => {
    expect(validateResponse("getVerification", 403, verification403, "application/json")).toEqual({ documented: true, issues: [] });
  });
  it("overview's error envelope (403 2200)", () => {
    expect(validateResponse("verifyPassport", 403, overviewError)).toEqual({ documented: true, issues: [] });
  });
  it("webhook payload (no results, product license.verify; D9, D35)", () => {
    expect(validateSchema("WebhookPayload", webhookPayload)).toEqual([]);
  });
  it("the webhook payload is not a full Transaction: results is required there (D35)", () => {
    expect(paths(validateSchema("Transaction", webhookPayload))).toEqual(["$.results"]);
  });
  it("a 300 transaction with additional_info, as a status GET answer and as a webhook", () => {
    expect(validateResponse("getTelecomTransaction", 200, failed300, "application/json")).toEqual({ documented: true, issues: [] });
    expect(validateSchema("WebhookPayload", failed300)).toEqual([]);
  });
});

describe("the Transaction rules reject what they should", () => {
  it("details under `result` (singular) do not validate (D6)", () => {
    const { results, ...rest } = failed300;
    const issues = validateSchema("Transaction", { ...rest, result: results });
    expect(paths(issues)).toEqual(["$.results"]);
    expect(issues[0]).toMatchObject({ expected: "a required property", received: "undefined" });
  });
  it("300 with no errors fails at $.results.errors (D7)", () => {
    expect(paths(validateSchema("Transaction", { ...failed300, results: { verified: false, errors: [] } }))).toEqual(["$.results.errors"]);
    expect(paths(validateSchema("Transaction", { ...failed300, results: { verified: false } }))).toEqual(["$.results.errors"]);
  });
  it("200 with verified false or with errors fails (D7)", () => {
    const ok = { ...failed300, status: { ...failed300.status, code: 200, message: "Transaction successfully completed" } };
    expect(validateSchema("Transaction", { ...ok, results: { verified: true } })).toEqual([]);
    expect(paths(validateSchema("Transaction", { ...ok, results: { verified: false } }))).toEqual(["$.results.verified"]);
    expect(paths(validateSchema("Transaction", { ...ok, results: { verified: true, errors: failed300.results.errors } }))).toEqual([
      "$.results.errors",
    ]);
  });
  it("100 (pending) with verified true fails (D7, D11)", () => {
    const pending = {
      ...failed300,
      status: { ...failed300.status, code: 100, message: "Transaction pending" },
      results: { verified: true },
    };
    expect(paths(validateSchema("Transaction", pending))).toEqual(["$.results.verified"]);
  });
  it("a status code outside 100/200/300 fails", () => {
    const issues = validateSchema("Transaction", { ...failed300, status: { ...failed300.status, code: 400 } });
    expect(issues).toContainEqual(expect.objectContaining({ path: "$.status.code", received: "400" }));
  });
  it("timestamps without milliseconds fail (D8)", () => {
    const issues = validateSchema("Transaction", { ...failed300, status: { ...failed300.status, created: "2023-05-01T11:56:53-04:00" } });
    expect(paths(issues)).toEqual(["$.status.created"]);
  });
  it("a non-UUID id and an upper-case product fail", () => {
    expect(paths(validateSchema("Transaction", { ...failed300, transaction_id: "42", product: "Telecom" })).sort()).toEqual([
      "$.product",
      "$.transaction_id",
    ]);
  });
  it("unknown response fields are allowed", () => {
    expect(validateSchema("Transaction", { ...failed300, extra: 1 })).toEqual([]);
  });
  it("an empty error list in an envelope fails", () => {
    expect(paths(validateSchema("ErrorEnvelope", { errors: [] }))).toEqual(["$.errors"]);
  });
});
