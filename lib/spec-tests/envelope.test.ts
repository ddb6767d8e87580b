import { describe, expect, it } from "vitest";
import { operations, responseFor } from "../spec.js";

const errorResponses = operations().flatMap((op) => op.statuses.filter((s) => s >= 400).map((status) => ({ id: op.id, status })));

describe("error responses", () => {
  it("there are error responses to check", () => {
    expect(errorResponses.length).toBeGreaterThan(50);
  });

  it.each(errorResponses)("$id $status refers to the ErrorEnvelope", ({ id, status }) => {
    const found = responseFor(id, status);
    expect(found?.response.content?.["application/json"]?.schema).toEqual({ $ref: "#/components/schemas/ErrorEnvelope" });
  });

  it.each(operations().filter((o) => o.statuses.includes(429)))("$id 429 documents an optional Retry-After (D23)", (op) => {
    const headers = responseFor(op.id, 429)?.response.headers as Record<string, { $ref: string }>;
    expect(headers["Retry-After"]).toEqual({ $ref: "#/components/headers/Retry-After" });
  });

  it("getHealth 200 has no content", () => {
    expect(responseFor("getHealth", 200)?.response.content).toBeUndefined();
  });

  it.each(operations().filter((o) => o.id !== "getHealth"))("$id 200 has a JSON schema", (op) => {
    const schema = responseFor(op.id, 200)?.response.content?.["application/json"]?.schema as { $ref: string };
    expect(schema.$ref).toMatch(/^#\/components\/schemas\/(Transaction|Verification)$/);
  });
});
