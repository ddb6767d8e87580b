import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { generateSigningKey, MANIFEST_NAME, verifyManifest, writeManifest } from "./manifest.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "manifest-"));
  mkdirSync(join(dir, "allure-results"));
  mkdirSync(join(dir, "history"));
  writeFileSync(join(dir, "junit.xml"), "<testsuites/>");
  writeFileSync(join(dir, "certification.json"), '{"verdict":"conformant"}');
  writeFileSync(join(dir, "allure-results", "a-result.json"), "{}");
  writeFileSync(join(dir, "history", "allure-history.jsonl"), "{}\n");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("manifest", () => {
  it("hashes every artifact (not the cross-run history) and verifies an untouched run", () => {
    const m = writeManifest(dir, undefined);
    expect(m.files.map((f) => f.path)).toEqual(["allure-results/a-result.json", "certification.json", "junit.xml"]);
    expect(m.signature).toBeNull();
    const r = verifyManifest(dir);
    expect(r).toMatchObject({ ok: true, verified: 3, signature: "unsigned" });
    expect(r.summary).toMatch(/^all 3 files verified/);
  });

  it("detects a modified, a missing and an added file", () => {
    writeManifest(dir, undefined);
    writeFileSync(join(dir, "certification.json"), '{"verdict":"conformant "}');
    rmSync(join(dir, "junit.xml"));
    writeFileSync(join(dir, "extra.txt"), "x");
    const r = verifyManifest(dir);
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual(["modified: certification.json", "missing: junit.xml", "not in manifest: extra.txt"]);
  });

  it("HMAC: verifies with the same secret, rejects an edited manifest and a wrong secret", () => {
    writeManifest(dir, "s3cret-hmac-key");
    expect(verifyManifest(dir, "s3cret-hmac-key")).toMatchObject({ ok: true, signature: "valid" });
    expect(verifyManifest(dir, "other")).toMatchObject({ ok: false, signature: "invalid" });
    expect(verifyManifest(dir)).toMatchObject({ ok: false, signature: "unverifiable" });
    expect(readFileSync(join(dir, MANIFEST_NAME), "utf8")).not.toContain("s3cret-hmac-key");
  });

  it("ed25519: a re-hashed file with an updated manifest still fails the signature", () => {
    const keys = generateSigningKey();
    writeManifest(dir, keys.privateKey);
    expect(verifyManifest(dir, keys.publicKey)).toMatchObject({ ok: true, signature: "valid" });
    // Tamper with a file and patch its hash in the manifest: only the signature catches it.
    writeFileSync(join(dir, "junit.xml"), "<testsuites failures='0'/>");
    const m = JSON.parse(readFileSync(join(dir, MANIFEST_NAME), "utf8"));
    const { createHash } = require("node:crypto") as typeof import("node:crypto");
    const f = m.files.find((x: { path: string }) => x.path === "junit.xml");
    f.sha256 = createHash("sha256")
      .update(readFileSync(join(dir, "junit.xml")))
      .digest("hex");
    writeFileSync(join(dir, MANIFEST_NAME), JSON.stringify(m));
    expect(verifyManifest(dir, keys.publicKey)).toMatchObject({ ok: false, signature: "invalid" });
    // A different key pair does not verify the original signature either.
    writeManifest(dir, keys.privateKey);
    expect(verifyManifest(dir, generateSigningKey().publicKey).signature).toBe("invalid");
  });

  it("fails when there is no manifest", () => {
    expect(verifyManifest(dir)).toMatchObject({ ok: false, verified: 0 });
  });
});
