import { describe, expect, it } from "vitest";
import { loadSpec, matchOperation, operationById, operations } from "../spec.js";
import { architectureOperations } from "./docs-tables.js";

const arch = architectureOperations();

describe("spec operations match ARCHITECTURE.md", () => {
  it("the architecture table lists the eleven operations", () => {
    expect(arch.map((o) => o.id)).toHaveLength(11);
  });

  it("the spec has exactly the architecture's operations", () => {
    expect(
      operations()
        .map((o) => o.id)
        .sort(),
    ).toEqual(arch.map((o) => o.id).sort());
  });

  it.each(arch)("$id: method, path, tag and product as in the architecture", (a) => {
    const op = operationById(a.id);
    expect(op).toMatchObject({ method: a.method, path: a.path, tag: a.tag, product: a.product });
  });

  it.each(arch)("$id: secured by idmeToken except getHealth (D2)", (a) => {
    const doc = loadSpec();
    const raw = doc.paths[a.path][a.method.toLowerCase()];
    if (a.id === "getHealth") expect(raw.security).toEqual([]);
    else expect(raw.security).toEqual([{ idmeToken: [] }]);
    expect(operationById(a.id)?.secured).toBe(a.id !== "getHealth");
  });

  it.each(arch)("$id: has a summary and a description", (a) => {
    const raw = loadSpec().paths[a.path][a.method.toLowerCase()];
    expect(raw.summary).toMatch(/\S/);
    expect(raw.description).toMatch(/\S/);
  });

  it("the security scheme is the ID.me bearer form", () => {
    const scheme = loadSpec().components.securitySchemes.idmeToken;
    expect(scheme).toMatchObject({ type: "http", scheme: "bearer" });
    expect(scheme.description).toContain("Bearer ID.me <token>");
  });

  it("document POSTs are multipart, telecom and verification POSTs JSON", () => {
    for (const op of operations().filter((o) => o.method === "POST")) {
      expect(op.requestContentType, op.id).toBe(op.tag === "document" ? "multipart/form-data" : "application/json");
    }
  });
});

describe("matchOperation", () => {
  it.each([
    ["GET", "/health", "getHealth", {}],
    ["POST", "/api/v2/verification", "createVerification", {}],
    [
      "GET",
      "/api/v2/verification/e469c856-7f8e-4aba-8fb4-230bcfea7cf8",
      "getVerification",
      { verification_id: "e469c856-7f8e-4aba-8fb4-230bcfea7cf8" },
    ],
    ["POST", "/api/v2/telecom/possession/sms/send", "sendSmsCode", {}],
    ["POST", "/api/v2/telecom/possession/sms/confirm", "confirmSmsCode", {}],
    ["post", "/api/v2/telecom/identity", "verifyTelecomIdentity", {}],
    ["GET", "/api/v2/telecom/abc?x=1", "getTelecomTransaction", { transaction_id: "abc" }],
    ["GET", "/api/v2/telecom/identity", "getTelecomTransaction", { transaction_id: "identity" }],
    ["POST", "/api/v2/document/passport/verify", "verifyPassport", {}],
    ["GET", "/api/v2/document/a%20b", "getDocumentTransaction", { transaction_id: "a b" }],
  ])("%s %s is %s", (method, path, id, params) => {
    expect(matchOperation(method, path)).toEqual({ operationId: id, params });
  });

  it.each([
    ["GET", "/api/v2/telecom/possession/sms/send"],
    ["POST", "/api/v2/telecom/abc"],
    ["GET", "/api/v2/telecom/possession/sms"],
    ["POST", "/api/v2/document/drivers/verify"],
    ["GET", "/api/v2/health"],
    ["GET", "/api/v2/document/x/y"],
  ])("%s %s matches no operation", (method, path) => {
    expect(matchOperation(method, path)).toBeUndefined();
  });
});
