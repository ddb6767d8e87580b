import { describe, expect, it } from "vitest";
import { exchangeOf } from "../lib/exchange-fixtures.js";
import { errorAnswer, transactionAnswer } from "./answers.js";
import { accepted, pending } from "./transaction-shape.js";

describe("errorAnswer", () => {
  it("names the codes it wants", () => {
    const f = errorAnswer(422, [3101, 3100])(exchangeOf({ status: 200, body: {} }));
    expect(f?.title).toBe("HTTP 422 with 3101 and 3100 in the errors list expected");
  });

  it("asked for no code, wants the status and an errors list, and says so (it read 'with  in the errors list')", () => {
    const f = errorAnswer(422, [])(exchangeOf({ status: 200, body: {} }));
    expect([f?.title, f?.expected]).toEqual(["HTTP 422 with an errors list expected", "HTTP 422, an errors list"]);
    expect(errorAnswer(422, [])(exchangeOf({ status: 422, body: { errors: [{ code: 3102, message: "m" }] } }))).toBeUndefined();
  });
});

describe("a status.code that is not an integer", () => {
  const tx = (code: unknown) =>
    exchangeOf({ status: 200, body: { transaction_id: "0a1b2c3d-4e5f-4a7b-8c9d-0e1f2a3b4c5d", status: { code, message: "m" } } });

  it("blocks by SCHEMA-10 (the schema check fails that answer) and shows the code as sent", () => {
    for (const f of [transactionAnswer(200)(tx("200")), pending([100])(tx("100")), accepted()(tx("100"))]) {
      expect(f?.blockedBy).toBe("SCHEMA-10");
    }
    expect(transactionAnswer(200)(tx("200"))?.received).toContain('status.code "200"');
  });

  it("an integer code of another state is the test's own failure", () => {
    expect(transactionAnswer(200)(tx(300))?.blockedBy).toBeUndefined();
    expect(pending([100])(tx(200))?.blockedBy).toBeUndefined();
  });
});
