import { describe, expect, it } from "vitest";
import {
  base64Cores,
  createFinder,
  decodedSecretOf,
  decodedViews,
  latin1Of,
  needlesOf,
  originalRange,
  withDecodedSecrets,
} from "./secret-forms.js";

describe("secret forms", () => {
  it("a token decodes to its secret only when it is canonical Base64 of printable text", () => {
    expect(decodedSecretOf(Buffer.from("canary-secret é").toString("base64"))).toBe("canary-secret é");
    expect(decodedSecretOf(` ${Buffer.from("canary-secret").toString("base64")}\n`)).toBe("canary-secret");
    expect(decodedSecretOf("not base64!")).toBeUndefined();
    expect(decodedSecretOf(Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x02, 0x03]).toString("base64"))).toBeUndefined(); // not UTF-8
    expect(decodedSecretOf(Buffer.from("a\u0001bcdefg").toString("base64"))).toBeUndefined(); // a control character
    expect(decodedSecretOf(Buffer.from("short").toString("base64"))).toBeUndefined();
  });

  it("lists each secret and each token's secret once, without short ones", () => {
    const token = Buffer.from("canary-secret").toString("base64");
    expect(withDecodedSecrets([token, ` ${token} `, "canary-secret", "abc"])).toEqual([token, "canary-secret"]);
  });

  it("Base64 cores are substrings of any Base64 text holding the bytes at that offset", () => {
    const bytes = Buffer.from("canary-secret");
    const cores = base64Cores(bytes);
    expect(cores).toHaveLength(3);
    for (let k = 0; k < 6; k++) {
      const blob = Buffer.concat([Buffer.alloc(k, 0x41), bytes, Buffer.from("tail")]).toString("base64");
      expect(
        cores.some((c) => blob.includes(c)),
        `offset ${k}`,
      ).toBe(true);
    }
  });

  it("needles: plain, unpadded token, reversed, ROT13, Base64/Base64url and hex of the text, of its URL-encoding and of its UTF-16; longest first, in lower case", () => {
    const kinds = needlesOf(["~~~ ???>>> é abc"]).map((n) => n.kind);
    expect(new Set(kinds)).toEqual(new Set(["plain", "reversed", "rot13", "base64", "base64url", "hex"]));
    expect(needlesOf(["~~~ ???>>> é"]).map((n) => n.text)).toContain(Buffer.from("~~~ ???>>> é", "utf16le").toString("hex"));
    expect(needlesOf(["Abc-Secret"]).map((n) => n.text)).toEqual(expect.arrayContaining(["abc-secret", "terces-cba", "nop-frperg"]));
    const lengths = needlesOf(["~~~ ???>>> é"]).map((n) => n.text.length);
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
    expect(needlesOf(["Y2FuYXJ5LXg="]).map((n) => n.text)).toContain("y2fuyxj5lxg");
  });

  it("decodes escapes of every kind, escapes of escapes in later passes", () => {
    const views = decodedViews(latin1Of("\\u0041\\\\u0042 %43 %2544 &#x45; &#70; &amp;#x47; &quot; \\/ \\ud83d\\ude00 %5Cu0048"));
    expect(views.at(-1)!.text).toBe(latin1Of('AB C D E F G " / 😀 H'));
  });

  it("maps a range of a decoded view back to the original text", () => {
    const text = "ab\\u0063d%65f&#x67;h";
    const views = decodedViews(text);
    const last = views.at(-1)!;
    expect(last.text).toBe("abcdefgh");
    expect(originalRange(last, 2, 3)).toEqual([2, 8]); // c ← \u0063
    expect(originalRange(last, 1, 6)).toEqual([1, 13]); // bcdef
    expect(originalRange(last, 7, 8)).toEqual([text.length - 1, text.length]); // h
    const nested = decodedViews("x%5Cu0041y").at(-1)!;
    expect(nested.text).toBe("xAy");
    expect(originalRange(nested, 1, 2)).toEqual([1, 9]);
  });

  it("finds the characters of a Base64 run that carry a secret, not the whole run", () => {
    const secret = "canary-secret";
    const run = Buffer.from(`${"padding ".repeat(8)}{"t":"\\u0063anary-secret"}${" more".repeat(8)}`).toString("base64");
    const text = `x ${run} y`;
    const found = createFinder([secret])
      .find(text, 1)
      .filter((f) => f.via === "base64-blob");
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      expect(f.start).toBeGreaterThan(2 + 40);
      expect(f.end).toBeLessThan(2 + run.length - 20);
    }
  });
});
