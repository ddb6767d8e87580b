import { describe, expect, it } from "vitest";
import { fillTitle } from "./title.js";

describe("fillTitle", () => {
  it("a dot after a field is text when the field has no such member (fail_$code.jpg)", () => {
    const row = { op: "verifyLicense", code: 2003 };
    expect(fillTitle("fails $op with fail_$code.jpg as status 300 with code $code", row)).toBe(
      "fails verifyLicense with fail_2003.jpg as status 300 with code 2003",
    );
  });

  it("follows dotted paths the row has, and stops where it ends", () => {
    expect(fillTitle("$flow.product and $flow.product.x", { flow: { product: "telecom.identity" } })).toBe(
      "telecom.identity and telecom.identity.x",
    );
    expect(fillTitle("sends $n", { n: 0 })).toBe("sends 0");
  });

  it("a placeholder the row lacks is the test's defect, never the word undefined", () => {
    expect(() => fillTitle("answers $missing with 404", { op: "x" })).toThrow(/names \$missing, which its row does not have/);
  });
});
