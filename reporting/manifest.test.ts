import { createHash, createPublicKey } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  canonicalJson,
  describeRun,
  generateSigningKey,
  INTEGRITY_ONLY,
  KEY_REQUIRED_ED25519,
  KEY_REQUIRED_HMAC,
  MANIFEST_NAME,
  type Manifest,
  publicKeyFingerprint,
  type RunFacts,
  sha256File,
  signingKeyFingerprint,
  signManifest,
  verifyManifest,
  writeManifest,
} from "./manifest.js";
import { facts as baseFacts } from "../lib/result-fixtures.js";

const facts: RunFacts = {
  ...baseFacts,
  suite: { name: "idme-services-v2-conformance", version: "0.1.0", commit: "0123456789abcdef0123456789abcdef01234567" },
  specSha256: "a".repeat(64),
  profile: { name: "mock", path: "profiles/mock.yaml", sha256: "b".repeat(64) },
  mockFaults: ["health-json-body"],
  seed: 7,
  today: "2026-01-02",
  node: "v20.20.0",
  startedAt: "2026-01-02T03:04:05.000Z",
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "manifest-"));
  mkdirSync(join(dir, "allure-results"));
  mkdirSync(join(dir, "history"));
  writeFileSync(join(dir, "junit.xml"), "<testsuites/>");
  writeFileSync(join(dir, "certification.json"), '{"verdict":"non-conformant"}');
  writeFileSync(join(dir, "allure-results", "a-result.json"), "{}");
  writeFileSync(join(dir, "history", "allure-history.jsonl"), "{}\n");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const readManifest = (): Manifest => JSON.parse(readFileSync(join(dir, MANIFEST_NAME), "utf8"));
const saveManifest = (m: Manifest) => writeFileSync(join(dir, MANIFEST_NAME), JSON.stringify(m, null, 2));

/** What a forger does: edit the verdict, put the new hash in the manifest. */
function forgeVerdict(): void {
  writeFileSync(join(dir, "certification.json"), '{"verdict":"conformant"}');
  const m = readManifest();
  m.files.find((f) => f.path === "certification.json")!.sha256 = sha256File(join(dir, "certification.json"));
  m.files.find((f) => f.path === "certification.json")!.bytes = readFileSync(join(dir, "certification.json")).length;
  saveManifest(m);
}

/** A forger with a key of their own: edit the verdict and write a fresh manifest signed with it. */
function forgeAndResign(forgerKey: string, edit: (run: RunFacts) => RunFacts = (r) => r): void {
  writeFileSync(join(dir, "certification.json"), '{"verdict":"conformant"}');
  writeManifest(dir, forgerKey, edit(readManifest().run));
}

describe("manifest", () => {
  it("records the run's facts and hashes every artifact (not the cross-run history, nor Allure's working folder)", () => {
    mkdirSync(join(dir, ".allure-staging-x1", "out"), { recursive: true });
    writeFileSync(join(dir, ".allure-staging-x1", "out", "index.html"), "<html/>");
    const m = writeManifest(dir, undefined, facts);
    expect(m).toMatchObject({ format: "idme-conformance-manifest", version: 2, run: facts, signature: null });
    expect(m.files.map((f) => f.path)).toEqual(["allure-results/a-result.json", "certification.json", "junit.xml"]);
  });

  it("unsigned, untouched: integrity only, in one line, ok", () => {
    writeManifest(dir, undefined, facts);
    const r = verifyManifest(dir);
    expect(r).toMatchObject({ ok: true, verified: 3, signature: "unsigned", integrityOnly: true, run: facts });
    expect(r.summary).toBe(`${INTEGRITY_ONLY} (3 files match their hashes)`);
    expect(r.summary.split("\n")).toHaveLength(1);
  });

  it("detects a modified, a missing and an added file, and a path that leaves the folder", () => {
    writeManifest(dir, undefined, facts);
    writeFileSync(join(dir, "certification.json"), '{"verdict":"conformant "}');
    rmSync(join(dir, "junit.xml"));
    writeFileSync(join(dir, "extra.txt"), "x");
    expect(verifyManifest(dir).problems).toEqual(["modified: certification.json", "missing: junit.xml", "not in manifest: extra.txt"]);
    const m = readManifest();
    m.files.push({ path: "../outside", sha256: "0".repeat(64), bytes: 0 });
    saveManifest(m);
    expect(verifyManifest(dir).problems).toContain("bad path in manifest: ../outside");
  });

  it("unsigned, forged (verdict edited, hash updated): passes only as integrity only; fails with requireSignature or an expected signer", () => {
    writeManifest(dir, undefined, facts);
    forgeVerdict();
    const r = verifyManifest(dir);
    expect(r).toMatchObject({ ok: true, integrityOnly: true });
    expect(r.summary.startsWith(INTEGRITY_ONLY)).toBe(true);
    expect(verifyManifest(dir, { requireSignature: true })).toMatchObject({
      ok: false,
      problems: ["the manifest is unsigned (--require-signature)"],
    });
    expect(verifyManifest(dir, { fingerprint: "c".repeat(64) })).toMatchObject({ ok: false, signature: "unsigned" });
    expect(verifyManifest(dir, { key: generateSigningKey().publicKey })).toMatchObject({ ok: false, signature: "unsigned" });
  });

  describe("ed25519", () => {
    const signer = generateSigningKey();
    const forger = generateSigningKey();

    it("verifies with the signer's public key, its private key or its fingerprint (any spelling)", () => {
      writeManifest(dir, signer.privateKey, facts);
      for (const opts of [
        { key: signer.publicKey },
        { key: signer.privateKey },
        { fingerprint: signer.fingerprint },
        { fingerprint: `sha256:${signer.fingerprint.toUpperCase()}` },
        { key: signer.publicKey, fingerprint: signer.fingerprint },
      ]) {
        const r = verifyManifest(dir, opts);
        expect(r, JSON.stringify(opts)).toMatchObject({
          ok: true,
          signature: "valid",
          signer: signer.fingerprint,
          integrityOnly: false,
          verified: 3,
        });
        expect(r.summary).toBe(`verified: 3 files and the run's facts, signature valid (ed25519, key sha256:${signer.fingerprint})`);
      }
    });

    it("without an expected key fails with one line saying what to pass, whatever the manifest holds", () => {
      writeManifest(dir, signer.privateKey, facts);
      expect(verifyManifest(dir)).toMatchObject({ ok: false, signature: "key required", problems: [KEY_REQUIRED_ED25519] });
      expect(KEY_REQUIRED_ED25519).toMatch(/--key-file .*--fingerprint/);
      expect(KEY_REQUIRED_ED25519.split("\n")).toHaveLength(1);
      // requireSignature alone names no signer either
      expect(verifyManifest(dir, { requireSignature: true }).problems).toEqual([KEY_REQUIRED_ED25519]);
    });

    it("re-signed by a forger with another key: fails without a key, with the signer's key and with its fingerprint", () => {
      writeManifest(dir, signer.privateKey, facts);
      forgeAndResign(forger.privateKey);
      expect(verifyManifest(dir).problems).toEqual([KEY_REQUIRED_ED25519]);
      const byKey = verifyManifest(dir, { key: signer.publicKey });
      expect(byKey).toMatchObject({ ok: false, signature: "invalid" });
      expect(byKey.problems[0]).toBe(
        `signature invalid: the manifest was edited, or not signed by the key sha256:${signer.fingerprint} (it names the key sha256:${forger.fingerprint})`,
      );
      const byFingerprint = verifyManifest(dir, { fingerprint: signer.fingerprint });
      expect(byFingerprint).toMatchObject({ ok: false, signature: "invalid" });
      expect(byFingerprint.problems[0]).toBe(
        `signature invalid: the manifest was signed by the key sha256:${forger.fingerprint}, not by the expected sha256:${signer.fingerprint}`,
      );
      // The forger's own key does verify it: what matters is which key the verifier expects.
      expect(verifyManifest(dir, { fingerprint: forger.fingerprint })).toMatchObject({ ok: true, signature: "valid" });
    });

    it("re-signed by a forger who keeps the signer's public key in the manifest: the signature fails", () => {
      writeManifest(dir, signer.privateKey, facts);
      const original = readManifest().signature!;
      forgeAndResign(forger.privateKey);
      const m = readManifest();
      m.signature = { ...m.signature!, publicKey: original.publicKey, publicKeyFingerprint: original.publicKeyFingerprint };
      saveManifest(m);
      expect(verifyManifest(dir, { fingerprint: signer.fingerprint })).toMatchObject({ ok: false, signature: "invalid" });
    });

    it("a re-hashed file with an updated manifest fails the signature", () => {
      writeManifest(dir, signer.privateKey, facts);
      forgeVerdict();
      expect(verifyManifest(dir, { key: signer.publicKey })).toMatchObject({ ok: false, signature: "invalid" });
      expect(verifyManifest(dir, { fingerprint: signer.fingerprint })).toMatchObject({ ok: false, signature: "invalid" });
    });

    it("edited facts fail the signature: a faulty mock cannot pass as a real target", () => {
      const edits: ((r: RunFacts) => RunFacts)[] = [
        (r) => ({ ...r, target: "https://api.id.me" }),
        (r) => ({ ...r, mockFaults: [] }),
        (r) => ({ ...r, seed: 8 }),
        (r) => ({ ...r, profile: { ...r.profile, sha256: "d".repeat(64) } }),
        (r) => ({ ...r, suite: { ...r.suite, commit: null } }),
        (r) => ({ ...r, startedAt: "2027-01-01T00:00:00.000Z" }),
      ];
      for (const edit of edits) {
        writeManifest(dir, signer.privateKey, facts);
        const m = readManifest();
        m.run = edit(m.run);
        saveManifest(m);
        expect(verifyManifest(dir, { key: signer.publicKey }), JSON.stringify(m.run)).toMatchObject({ ok: false, signature: "invalid" });
      }
    });

    it("a manifest turned into an HMAC one, or stripped of its signature, fails against the expected key", () => {
      writeManifest(dir, signer.privateKey, facts);
      const m = readManifest();
      const { signature: _, note: __, ...body } = m;
      saveManifest({ ...m, signature: signManifest(body, "forger-hmac-secret") });
      expect(verifyManifest(dir, { key: signer.publicKey })).toMatchObject({ ok: false, signature: "invalid" });
      expect(verifyManifest(dir, { fingerprint: signer.fingerprint })).toMatchObject({ ok: false, signature: "invalid" });
      saveManifest({ ...m, signature: null });
      expect(verifyManifest(dir, { fingerprint: signer.fingerprint })).toMatchObject({ ok: false, signature: "unsigned" });
    });

    it("rejects a key file that holds no ed25519 key and a malformed fingerprint", () => {
      writeManifest(dir, signer.privateKey, facts);
      expect(verifyManifest(dir, { key: "just-a-secret" }).problems[0]).toMatch(/holds no PEM key/);
      expect(verifyManifest(dir, { fingerprint: "abc" }).problems[0]).toBe("--fingerprint is not a SHA-256 in hex: abc");
    });
  });

  describe("HMAC", () => {
    it("verifies with the same secret; a wrong secret, no secret, a fingerprint or a PEM key fail; the secret is not written", () => {
      writeManifest(dir, "s3cret-hmac-key", facts);
      expect(verifyManifest(dir, { key: "s3cret-hmac-key" })).toMatchObject({ ok: true, signature: "valid" });
      expect(verifyManifest(dir, { key: "other" })).toMatchObject({ ok: false, signature: "invalid" });
      expect(verifyManifest(dir)).toMatchObject({ ok: false, signature: "key required", problems: [KEY_REQUIRED_HMAC] });
      expect(verifyManifest(dir, { fingerprint: "c".repeat(64) })).toMatchObject({ ok: false });
      expect(verifyManifest(dir, { key: generateSigningKey().publicKey })).toMatchObject({ ok: false, signature: "invalid" });
      expect(readFileSync(join(dir, MANIFEST_NAME), "utf8")).not.toContain("s3cret-hmac-key");
    });

    it("edited facts or a re-hashed file fail the signature", () => {
      writeManifest(dir, "s3cret-hmac-key", facts);
      const m = readManifest();
      saveManifest({ ...m, run: { ...m.run, target: "https://api.id.me" } });
      expect(verifyManifest(dir, { key: "s3cret-hmac-key" })).toMatchObject({ ok: false, signature: "invalid" });
      writeManifest(dir, "s3cret-hmac-key", facts);
      forgeVerdict();
      expect(verifyManifest(dir, { key: "s3cret-hmac-key" })).toMatchObject({ ok: false, signature: "invalid" });
    });
  });

  it("fingerprints: SHA-256 of the public key's SPKI DER, the same from keygen, the private key and the public key; none for HMAC", () => {
    const k = generateSigningKey();
    const der = createPublicKey(k.publicKey).export({ type: "spki", format: "der" });
    const expected = createHash("sha256").update(der).digest("hex");
    expect(k.fingerprint).toBe(expected);
    expect(publicKeyFingerprint(k.publicKey)).toBe(expected);
    expect(publicKeyFingerprint(k.privateKey)).toBe(expected);
    expect(signingKeyFingerprint(k.privateKey)).toBe(expected);
    expect(signingKeyFingerprint("an hmac secret")).toBeUndefined();
    expect(signingKeyFingerprint(undefined)).toBeUndefined();
  });

  it("describes the run for a reader", () => {
    const lines = describeRun(facts).join("\n");
    for (const part of [
      "0.1.0",
      facts.suite.commit as string,
      facts.specSha256,
      "profiles/mock.yaml",
      "embedded mock with mock faults: health-json-body",
      "seed       7",
      "2026-01-02",
      "v20.20.0",
    ])
      expect(lines).toContain(part);
  });

  it("canonical JSON does not depend on key order", () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: null } })).toBe(
      canonicalJson({ a: { c: null, d: [1, { y: 2, z: 1 }] }, b: 1 }),
    );
  });

  it("fails when there is no manifest, and on a manifest of the old format (no run facts)", () => {
    expect(verifyManifest(dir)).toMatchObject({ ok: false, verified: 0 });
    writeFileSync(join(dir, MANIFEST_NAME), JSON.stringify({ version: 1, createdAt: "x", files: [], signature: null }));
    expect(verifyManifest(dir).problems[0]).toMatch(/not a version 2 manifest/);
  });
});
