import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { base64Needles, scanForSecrets } from "./secrets-scan.js";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), "scan-"));
  dirs.push(d);
  return d;
};

describe("secret scanner", () => {
  it("finds a secret inside Base64 data at any byte offset", () => {
    const secret = "canary-Zq9-secret";
    for (const prefix of ["", "a", "ab", 'abc{"token":"']) {
      const blob = Buffer.from(`${prefix}${secret} and more`).toString("base64");
      expect(
        base64Needles(secret).some((n) => blob.includes(n)),
        `prefix ${JSON.stringify(prefix)}`,
      ).toBe(true);
    }
  });

  it("reports plain and Base64 hits with the file, and nothing in clean files", () => {
    const d = tmp();
    mkdirSync(join(d, "sub"));
    writeFileSync(join(d, "clean.txt"), "nothing to see");
    writeFileSync(join(d, "plain.log"), "Authorization: Bearer ID.me s3cr3t-canary-1");
    writeFileSync(
      join(d, "sub", "index.html"),
      `<script src="data:text/javascript;base64,${Buffer.from("xx s3cr3t-canary-2 yy").toString("base64")}">`,
    );
    const hits = scanForSecrets(d, ["s3cr3t-canary-1", "s3cr3t-canary-2"]);
    expect(hits).toEqual([
      { file: "plain.log", secretIndex: 0, form: "plain" },
      { file: join("sub", "index.html"), secretIndex: 1, form: "base64" },
    ]);
  });
});
