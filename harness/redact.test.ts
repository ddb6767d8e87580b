import { describe, expect, test } from "vitest";
import { maskAuthorization, redact, redactHeaders } from "./redact.js";

const secret = "sk_canary_5f1e2d";
const token = Buffer.from(secret).toString("base64");

describe("redact", () => {
  test("removes a secret in plain, Base64 and URL-encoded form", () => {
    const text = `plain ${secret} b64 ${token} url ${encodeURIComponent(secret)}`;
    const out = redact(text, [secret]);
    expect(out).not.toContain(secret);
    expect(out).not.toContain(token);
    expect(out).toContain("$IDME_TOKEN");
  });

  test("masks the Authorization value but keeps its scheme words", () => {
    expect(maskAuthorization(`Bearer ID.me ${token}`)).toBe("Bearer ID.me $IDME_TOKEN");
    expect(maskAuthorization(token)).toBe("$IDME_TOKEN");
    expect(redactHeaders({ Authorization: `Basic ${token}`, "X-Other": `echo ${secret}` }, [secret])).toEqual({
      Authorization: "Basic $IDME_TOKEN",
      "X-Other": "echo $IDME_TOKEN",
    });
  });
});
