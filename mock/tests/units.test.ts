// Pure rules (validators, token parsing, fixtures); the standalone CLI is mock/tests/cli.test.ts.
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { decodeToken, tokenText } from "../auth.js";
import { defaultFixtures, mergeFixtures, missingRoles, tokenOf } from "../fixtures.js";
import { loadFixturesFile } from "../fixtures-file.js";
import { checkBirthDate, checkImageSize, supportedImage, validCallbackUrl, validPhone } from "../validators.js";
import { allowedTarget } from "../webhooks.js";

describe("validators", () => {
  const today = new Date("2024-02-29T12:00:00Z");
  it.each([
    ["2006-02-28", "ok"],
    ["2006-02-29", "format"],
    ["2006-03-01", "minor"],
    ["2000-02-29", "ok"],
    ["1980-13-01", "format"],
    ["1980-1-01", "format"],
    [19800101, "format"],
  ])("birth date %s on 2024-02-29 → %s", (value, expected) => {
    expect(checkBirthDate(value, today)).toBe(expected);
  });

  it.each([
    ["0050-06-15", "ok"],
    ["0000-01-01", "ok"],
    ["0099-12-31", "ok"],
    ["0000-02-29", "ok"], // year 0 is a leap year (proleptic Gregorian, divisible by 400)
    ["0004-02-29", "ok"],
    ["0001-02-29", "format"],
    ["0100-02-29", "format"], // divisible by 100, not by 400
    ["0050-02-30", "format"],
  ])("birth years 0000–0099 are real years, not 19xx: %s → %s", (value, expected) => {
    expect(checkBirthDate(value, new Date("2024-06-15T12:00:00Z"))).toBe(expected);
  });

  it("a 29 February birthday comes of age on 1 March in a common year", () => {
    expect(checkBirthDate("2004-02-29", new Date("2022-02-28T00:00:00Z"))).toBe("minor");
    expect(checkBirthDate("2004-02-29", new Date("2022-03-01T00:00:00Z"))).toBe("ok");
  });

  it("phone is a string of ten digits (D16)", () => {
    expect(["8885551234", "888555123", "88855512345", "888-555-1234", "+18885551234", 8885551234].map(validPhone)).toEqual([
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it("callback_url is an absolute http(s) URL (D18)", () => {
    expect(
      ["http://a.test/x", "https://a.test", "ftp://a.test", "/relative", "http://", " http://a.test", 5].map(validCallbackUrl),
    ).toEqual([true, true, false, false, false, false, false]);
  });

  it("images by leading bytes and exclusive size bounds", () => {
    expect(supportedImage(Buffer.from([0xff, 0xd8, 0xff, 0xdb]))).toBe(true);
    expect(supportedImage(Buffer.from("\x89PNG\r\n\x1a\n", "latin1"))).toBe(true);
    expect(supportedImage(Buffer.from("GIF89a"))).toBe(false);
    expect([10, 11, 19, 20].map((n) => checkImageSize(n, 10, 20))).toEqual(["small", "ok", "ok", "large"]);
  });
});

describe("tokens (D1)", () => {
  it("parses the canonical form, optionally the legacy one", () => {
    expect(tokenText("Bearer ID.me abc=", false)).toBe("abc=");
    expect(tokenText("ID.me abc=", false)).toBeUndefined();
    expect(tokenText("ID.me abc=", true)).toBe("abc=");
    expect(tokenText("Bearer abc=", true)).toBeUndefined();
  });
  it("decodes canonical Base64 only, tolerating surrounding whitespace", () => {
    expect(decodeToken(` ${tokenOf("s3cret")}\n`)).toBe("s3cret");
    expect(decodeToken("s3cret!")).toBeUndefined();
    expect(decodeToken("abc")).toBeUndefined();
  });
});

describe("fixtures and webhook targets", () => {
  it("defaults hold every role; a file's sections replace or merge", () => {
    expect(missingRoles(defaultFixtures())).toEqual([]);
    const merged = mergeFixtures({
      otp: { maxWrongCodes: 5 },
      accounts: { primary: { secret: "x", active: true, organization: "org-active" } },
    });
    expect([merged.otp.maxWrongCodes, merged.otp.successCode, Object.keys(merged.accounts)]).toEqual([5, "123123", ["primary"]]);
  });
  it("the shipped example fixtures file holds every role", () => {
    const file = fileURLToPath(new URL("../../profiles/mock-fixtures.example.yaml", import.meta.url));
    expect(missingRoles(mergeFixtures(loadFixturesFile(file)))).toEqual([]);
  });

  it("webhooks go to loopback only unless allowed", () => {
    expect(
      ["http://127.0.0.1:9/x", "http://localhost/x", "http://[::1]:8/", "http://example.com/"].map((u) => allowedTarget(u, [])),
    ).toEqual([true, true, true, false]);
    expect(allowedTarget("http://example.com/", ["example.com"])).toBe(true);
  });
});
