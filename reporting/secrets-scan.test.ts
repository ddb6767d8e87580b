import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { encodedSamples } from "../harness/secret-samples.js";
import { base64Needles, createScanner, scanForSecrets } from "./secrets-scan.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), "scan-"));
  dirs.push(d);
  return d;
};

const secret = `canary Zq/9+&"é<'😀-secret`;
const token = Buffer.from(secret).toString("base64");

describe("secret scanner", () => {
  it("finds a secret inside Base64 data at any byte offset", () => {
    const plain = "canary-Zq9-secret";
    for (const prefix of ["", "a", "ab", 'abc{"token":"']) {
      const blob = Buffer.from(`${prefix}${plain} and more`).toString("base64");
      expect(
        base64Needles(plain).some((n) => blob.includes(n)),
        `prefix ${JSON.stringify(prefix)}`,
      ).toBe(true);
    }
  });

  for (const [what, value] of [
    ["token", token],
    ["secret", secret],
  ] as const) {
    it.for(encodedSamples(value).map((s) => [s.name, s.text]))(`finds the ${what} written as %s, in a file`, ([, text]) => {
      const d = tmp();
      writeFileSync(join(d, "artifact"), text!);
      const hits = scanForSecrets(d, [token, secret]);
      expect(hits.length, text).toBeGreaterThan(0);
      expect(hits.every((h) => h.file === "artifact")).toBe(true);
    });
  }

  it("finds a JSON-escaped secret inside the Base64 blob of a single-file HTML report", () => {
    const d = tmp();
    const escaped = `\\u00${token.charCodeAt(0).toString(16)}${token.slice(1)}`;
    const data = Buffer.from(JSON.stringify({ steps: [{ attachment: `{"echo":"${escaped}"}` }] })).toString("base64");
    writeFileSync(join(d, "index.html"), `<script>window.allureReportData = { "data/test-results/x.json": "${data}" };</script>`);
    const hits = scanForSecrets(d, [token, secret]);
    expect(hits).toContainEqual(expect.objectContaining({ file: "index.html", secretIndex: 0, via: "base64-blob" }));
  });

  it("reports file, secret, form, where it was seen and how often; nothing in clean files", () => {
    const d = tmp();
    mkdirSync(join(d, "sub"));
    writeFileSync(join(d, "clean.txt"), "nothing to see \\u0041 %41 &amp; YWJjZGVmZ2hpamtsbW5vcA== 0123456789abcdef");
    writeFileSync(join(d, "plain.log"), `Authorization: Bearer ID.me ${token}\n${token}`);
    writeFileSync(join(d, "escaped.json"), `{"t":"\\u00${token.charCodeAt(0).toString(16)}${token.slice(1)}"}`);
    writeFileSync(
      join(d, "hex.bin"),
      Buffer.concat([Buffer.from([0, 255, 10]), Buffer.from(Buffer.from(secret).toString("hex").toUpperCase())]),
    );
    writeFileSync(
      join(d, "sub", "index.html"),
      `<script src="data:text/javascript;base64,${Buffer.from(`xx ${secret} yy`).toString("base64")}">`,
    );
    const hits = scanForSecrets(d, [token, secret]);
    const summary = hits.map((h) => `${h.file} ${h.secretIndex} ${h.form} ${h.via} ×${h.count}`);
    expect(summary, summary.join("\n")).toContain("plain.log 0 plain text ×2");
    expect(summary).toContain("escaped.json 0 plain escaped ×1");
    expect(summary).toContain("hex.bin 1 hex text ×1");
    expect(summary).toContain(`${join("sub", "index.html")} 1 base64 text ×1`);
    expect(hits.some((h) => h.file === "clean.txt")).toBe(false);
  });

  it("scans console text (JS strings) like file bytes", () => {
    const s = createScanner([secret]);
    expect(s.scanString(`x ${encodeURIComponent(secret)} y`)).toEqual([{ secretIndex: 0, form: "plain", via: "escaped", count: 1 }]);
    expect(s.scanString("nothing")).toEqual([]);
  });
});
