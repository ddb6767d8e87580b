import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { toCurl } from "./curl.js";
import { createRedactor, maskAuthorization, PLACEHOLDER } from "./redact.js";
import { FRAGMENT_LENGTH } from "./secret-forms.js";
import { encodedSamples } from "./secret-samples.js";
import { createScanner } from "../reporting/secrets-scan.js";

// Characters every encoding changes: a space, `/`, `+`, `&`, quotes, `<`, a non-ASCII letter, a non-BMP emoji.
const secret = `s3cr3t Zq/9+&"é<'😀x`;
const token = Buffer.from(secret).toString("base64");
/** The redactor gets the token only: it must derive the secret itself. */
const redactor = createRedactor([token]);
const scanner = createScanner([token, secret]);

const isJson = (t: string) => {
  try {
    JSON.parse(t);
    return true;
  } catch {
    return false;
  }
};

/** Every string and key of a parsed value. */
function strings(v: unknown): string[] {
  if (typeof v === "string") return [v];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (v && typeof v === "object") return Object.entries(v).flatMap(([k, e]) => [k, ...strings(e)]);
  return [];
}

describe("createRedactor", () => {
  test("covers the token and the secret it decodes to", () => {
    expect(redactor.secrets).toEqual([token, secret]);
  });

  for (const [what, value] of [
    ["token", token],
    ["secret", secret],
  ] as const) {
    test.for(encodedSamples(value).map((s) => [s.name, s.text]))(`removes the ${what} written as %s`, ([, text]) => {
      expect(scanner.scanString(text).length, "the sample holds the value").toBeGreaterThan(0);
      const out = redactor.text(text!);
      expect(scanner.scanString(out)).toEqual([]);
      expect(out).toContain(PLACEHOLDER);
      if (isJson(text!)) {
        // A JSON body stays JSON, and no string or key of the parsed redacted body holds the value.
        expect(isJson(out), out).toBe(true);
        for (const s of strings(JSON.parse(out))) expect(scanner.scanString(s)).toEqual([]);
      }
    });
  }

  test('the escaped echo of the brief: "\\u0059…" in a JSON body becomes the placeholder, the rest stays byte for byte', () => {
    const body = `{"z": 1.50, "dup": 1, "dup": 2, "echo": "\\u00${token.charCodeAt(0).toString(16)}${token.slice(1)}", "n": "\\u00e9"}`;
    expect(JSON.parse(body).echo).toBe(token);
    expect(redactor.text(body)).toBe(`{"z": 1.50, "dup": 1, "dup": 2, "echo": "$IDME_TOKEN", "n": "\\u00e9"}`);
  });

  test("leaves text without a secret exactly as it was (escapes, non-ASCII, Base64 and hex included)", () => {
    const text = `{"a":"\\u0041\\n\\/","b":"%41%2F&#x41;&amp;","c":"é😀\\ud83d\\ude00","d":"${Buffer.from("hello world, a long enough blob").toString("base64")}","e":"0123456789abcdefABCDEF"}`;
    expect(redactor.text(text)).toBe(text);
    expect(redactor.text("")).toBe("");
  });

  test("keeps the text around an occurrence and redacts every occurrence", () => {
    expect(redactor.text(`a ${token} b ${secret} c ${token}`)).toBe("a $IDME_TOKEN b $IDME_TOKEN c $IDME_TOKEN");
  });

  test("a JSON body with the secret escaped at random places: the parsed redacted body holds no secret", () => {
    const escapeSome = (s: string, picks: boolean[]) =>
      [...s]
        .map((ch, i) =>
          picks[i % picks.length]
            ? Array.from({ length: ch.length }, (_, k) => `\\u${ch.charCodeAt(k).toString(16).padStart(4, "0")}`).join("")
            : JSON.stringify(ch).slice(1, -1),
        )
        .join("");
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
        fc.constantFrom(token, secret),
        fc.string(),
        fc.string(),
        fc.boolean(),
        (picks, value, before, after, asKey) => {
          const inner = `${JSON.stringify(before).slice(1, -1)}${escapeSome(value, picks)}${JSON.stringify(after).slice(1, -1)}`;
          const body = asKey ? `{"${inner}":1,"x":[2]}` : `{"x":["${inner}"],"y":null}`;
          const out = redactor.text(body);
          const parsed = JSON.parse(out);
          for (const s of strings(parsed)) {
            expect(s).not.toContain(token);
            expect(s).not.toContain(secret);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  test("value: every string and key of a parsed value, a copy", () => {
    const v = { [token]: [secret, { deep: `x${secret}y`, n: 1, t: true, z: null }], ok: "fine" };
    const out = redactor.value(v);
    expect(out).toEqual({ $IDME_TOKEN: ["$IDME_TOKEN", { deep: "x$IDME_TOKENy", n: 1, t: true, z: null }], ok: "fine" });
    expect(v[token]![0]).toBe(secret); // the input is untouched
  });

  test("headers: Authorization keeps its scheme words; other values and names are redacted", () => {
    expect(
      redactor.headers({
        Authorization: `Bearer ID.me ${token}`,
        "proxy-authorization": `Basic ${token}`,
        "x-echo": `echo ${encodeURIComponent(secret)}`,
        [`x-${Buffer.from(secret).toString("hex")}`]: "1",
        "set-cookie": `sid=${token}; Path=/`,
      }),
    ).toEqual({
      Authorization: "Bearer ID.me $IDME_TOKEN",
      "proxy-authorization": "Basic $IDME_TOKEN",
      "x-echo": "echo $IDME_TOKEN",
      "x-$IDME_TOKEN": "1",
      "set-cookie": "sid=$IDME_TOKEN; Path=/",
    });
  });

  // Helper audit, 2026-12-04: each piece was redacted alone, and the Allure attachment joined them as `name: value`.
  test("headers: a token split between a header's name and its value, and on into the next header, goes where the pieces join", () => {
    const [a, b, c] = [token.slice(4, 12), token.slice(12, 20), token.slice(20, 28)];
    const out = redactor.headers({ [`x-${a}`]: b, [c]: "1", "content-type": "application/json" });
    expect(out).toEqual({ "x-$IDME_TOKEN": "$IDME_TOKEN", $IDME_TOKEN: "1", "content-type": "application/json" });
    // Each piece alone is shorter than FRAGMENT_LENGTH: only the joined block shows the secret.
    expect(redactor.text(`x-${a}`)).toBe(`x-${a}`);
  });

  test("a run of FRAGMENT_LENGTH characters of the token is redacted where its secret's bytes look random; a shorter one is not", () => {
    expect(redactor.text(`at ${token.slice(3, 3 + FRAGMENT_LENGTH)} end`)).toBe("at $IDME_TOKEN end");
    expect(redactor.text(`at ${token.slice(3, 2 + FRAGMENT_LENGTH)} end`)).toBe(`at ${token.slice(3, 2 + FRAGMENT_LENGTH)} end`);
    // Two runs of one token, apart: each goes, what is between them stays.
    expect(redactor.text(`${token.slice(2, 16)} and ${token.slice(16, -1)}`)).toBe("$IDME_TOKEN and $IDME_TOKEN");
  });

  // Helper audit, 2026-12-04 (second): runs were judged by non-letters only, so random alphanumeric secrets, and tokens
  // that are not Base64 of text, were never cut into runs.
  const RANDOM = "Qx7bKpmZrTgWnVchLdsYfjAeUoNwXi"; // 30 base62 characters, one digit
  /** Every run of FRAGMENT_LENGTH characters of `t` left in `out`. */
  const runsLeft = (out: string, t: string) =>
    [...Array(t.length - FRAGMENT_LENGTH + 1).keys()]
      .map((i) => t.slice(i, i + FRAGMENT_LENGTH))
      .filter((r) => out.toLowerCase().includes(r.toLowerCase()));
  test.for([
    ["Base64 of a random alphanumeric secret", Buffer.from(RANDOM).toString("base64")],
    ["Base64 of random bytes", Buffer.from("9f3a01c2e47b8d56aa10ff3c7e92b4d1e5c6a7b8", "hex").toString("base64")],
    ["an opaque alphanumeric token", RANDOM],
  ])("pieces of a token that is %s are redacted", ([, t]) => {
    const r = createRedactor([t!]);
    const half = t!.length >> 1;
    for (const text of [
      t!.slice(1),
      t!.slice(0, -2),
      `${t!.slice(half)} ${t!.slice(0, half)}`,
      `x-${t!.slice(4, 12)}: ${t!.slice(12, 24)}`,
    ])
      expect(runsLeft(r.text(text), t!), text).toEqual([]);
  });

  test("a JWT's first segment (every JWT of its algorithm has it) is not cut into runs", () => {
    const header = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9";
    const r = createRedactor([`${header}.eyJzdWIiOiJ4UTdiS3AyIn0.c2lnbmF0dXJlLW9mLXRoaXMtb25l`]);
    const other = `${header}.eyJzdWIiOiJhbm90aGVyIn0.b3RoZXI`;
    expect(r.text(other)).toBe(other);
  });

  test("a token of a secret made of words is matched whole only: the Base64 of the same words elsewhere stays", () => {
    const words = createRedactor([Buffer.from("mock-secret-secondary").toString("base64")]);
    const css = Buffer.from(".x{--color-text-secondary:var(--palette-grey)}").toString("base64");
    expect(words.text(css)).toBe(css);
    expect(words.text(Buffer.from("mock-secret-secondary").toString("base64"))).toBe(PLACEHOLDER);
  });

  test("url: a secret in a path segment, in the query (percent- or form-encoded) and in the fragment", () => {
    const path = `/api/v2/telecom/${encodeURIComponent(token)}`;
    expect(redactor.url(`http://127.0.0.1:1${path}?a=${encodeURIComponent(secret).replace(/%20/g, "+")}&b=2#${token}`)).toBe(
      "http://127.0.0.1:1/api/v2/telecom/$IDME_TOKEN?a=$IDME_TOKEN&b=2#$IDME_TOKEN",
    );
    expect(redactor.url(path)).toBe("/api/v2/telecom/$IDME_TOKEN");
  });

  test("a curl line stays runnable: the credential is $IDME_TOKEN in double quotes, a secret elsewhere is redacted", () => {
    const line = redactor.text(
      toCurl({
        method: "POST",
        url: `http://h/x?t=${encodeURIComponent(token)}`,
        headers: { Authorization: `Bearer ID.me ${token}` },
        json: { s: secret },
      }),
    );
    expect(line).toContain(`-H "Authorization: Bearer ID.me $IDME_TOKEN"`);
    expect(line).toContain("'http://h/x?t=$IDME_TOKEN'");
    expect(scanner.scanString(line)).toEqual([]);
  });

  test("ignores secrets shorter than 6 characters and redacts nothing without secrets", () => {
    expect(createRedactor(["abc", " "]).text("abc abc")).toBe("abc abc");
    expect(createRedactor([]).text(`x ${token}`)).toBe(`x ${token}`);
  });

  test("a token that is not Base64 of text is covered as it is, without a decoded secret", () => {
    const r = createRedactor(["vendor.token-123!"]);
    expect(r.secrets).toEqual(["vendor.token-123!"]);
    expect(r.text("a vendor.token-123! b")).toBe("a $IDME_TOKEN b");
  });

  // A hostile target pads its answer so that the token straddles the read limit: what is kept ends with all of it
  // but its last characters, which no needle matches (helper audit, 2026-12-03). An end of one or two of its
  // characters gives nothing away and may stay (every Base64 of UTF-16BE text begins with `A`).
  test.for([
    ["as written", (v: string) => v],
    ["JSON-escaped", (v: string) => [...v].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`).join("")],
    ["with filler between its characters", (v: string) => [...v].join("\u200b\u001b[0m")],
    ["as Base64", (v: string) => Buffer.from(v).toString("base64")],
  ] as const)("a body cut at the read limit keeps no start of the token or its secret, %s", ([, form]) => {
    for (const value of [token, secret])
      for (let keep = form(value.slice(0, 3)).length; keep < form(value).length; keep += 2) {
        const cut = `${"A".repeat(50)} ${form(value).slice(0, keep)}`;
        const out = redactor.body(cut, true);
        expect(out.startsWith("A".repeat(50)), out).toBe(true);
        expect(out, `kept ${keep}`).not.toContain(form(value).slice(0, Math.min(keep, 4)));
      }
    expect(redactor.body("nothing secret here", true)).toMatch(/^nothing secret her/);
  });

  test("a 1 MB body (the read limit) is redacted in bounded time", () => {
    const body = JSON.stringify({ filler: "a".repeat(1024 * 1024), echo: `\\u0041${token}` });
    const started = performance.now();
    expect(redactor.text(body)).not.toContain(token);
    expect(performance.now() - started).toBeLessThan(5000); // ~0.1 s here; a per-character regex took 17 s
  });
});

describe("maskAuthorization", () => {
  test("keeps the scheme words and drops the credential", () => {
    expect(maskAuthorization(`Bearer ID.me ${token}`)).toBe("Bearer ID.me $IDME_TOKEN");
    expect(maskAuthorization(`  Bearer   ID.me\t${token} `)).toBe("Bearer ID.me $IDME_TOKEN");
    expect(maskAuthorization(token)).toBe("$IDME_TOKEN");
    expect(maskAuthorization(`Basic ${token}`)).toBe("Basic $IDME_TOKEN");
  });
});
