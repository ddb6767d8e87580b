import { describe, expect, it } from "vitest";
import { exchangeOf } from "../lib/exchange-fixtures.js";
import { errorAnswer } from "./answers.js";

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
