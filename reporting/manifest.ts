/**
 * The run manifest: the run's facts and the SHA-256 of every artifact it wrote, optionally signed.
 * IDME_SIGNING_KEY holds either a PEM ed25519 private key (signature verifiable with the public
 * key alone) or any other string, used as an HMAC-SHA256 secret (verifiable with the same secret).
 *
 * What it promises:
 * - unsigned: integrity only. Anyone can edit an artifact and rewrite its hash; `verifyManifest`
 *   then passes and says "integrity only" (or fails with `requireSignature`).
 * - signed: the signature covers the format, the algorithm, the run's facts and every file's path,
 *   hash and size. Verifying a signed manifest REQUIRES the expected signer: the ed25519 public key
 *   (`keyPem`), its fingerprint (`fingerprint`, SHA-256 of the SPKI DER, hex) or the HMAC secret.
 *   The public key embedded in the manifest is a convenience for the fingerprint check, never a
 *   trust anchor: a manifest re-signed with another key fails.
 */
import {
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  timingSafeEqual,
  verify,
} from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { ASIDE_PREFIX, STAGING_PREFIX } from "./paths.js";
import { isAbsolute, join, relative, sep } from "node:path";
import type { RunFacts } from "./run-facts.js";

export const MANIFEST_NAME = "manifest.json";
export const MANIFEST_FORMAT = "idme-conformance-manifest";
export const MANIFEST_VERSION = 2;

export type { RunFacts } from "./run-facts.js";

export interface ManifestFile {
  path: string;
  sha256: string;
  bytes: number;
}
export interface Signature {
  algorithm: "hmac-sha256" | "ed25519";
  value: string;
  /** ed25519: the signer's public key (SPKI PEM) and its fingerprint; informative only, see verifyManifest */
  publicKey?: string;
  publicKeyFingerprint?: string;
}
export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  version: typeof MANIFEST_VERSION;
  run: RunFacts;
  files: ManifestFile[];
  signature: Signature | null;
  note?: string;
}

type Unsigned = Omit<Manifest, "signature" | "note">;

/** Folders of a reports dir that are no run's artifacts (history spans runs; an older run's artifacts being deleted; Allure's working folder). */
const notArtifact = (rel: string) => rel === "history" || rel.startsWith(ASIDE_PREFIX) || rel.startsWith(STAGING_PREFIX);

export function sha256File(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

/** Every file under `dir` (posix paths relative to it), the manifest and history excluded. */
export function listArtifacts(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      const rel = relative(dir, full).split(sep).join("/");
      if (statSync(full).isDirectory()) {
        if (!notArtifact(rel)) walk(full);
      } else if (rel !== MANIFEST_NAME && rel !== "README.md") out.push(rel);
    }
  };
  walk(dir);
  return out;
}

/** JSON with object keys sorted at every level: the same value always gives the same bytes. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== "object") return JSON.stringify(v) ?? "null";
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(v as Record<string, unknown>)
    .filter(([, e]) => e !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, e]) => `${JSON.stringify(k)}:${canonicalJson(e)}`).join(",")}}`;
}

/** The bytes a signature covers: format, version, algorithm, the run's facts and every file, canonical JSON. */
export function signedBytes(m: Unsigned, algorithm: Signature["algorithm"]): Buffer {
  return Buffer.from(
    canonicalJson({
      format: m.format,
      version: m.version,
      algorithm,
      run: m.run,
      files: m.files.map((f) => [f.path, f.sha256, f.bytes]),
    }),
  );
}

function isPem(key: string): boolean {
  return key.includes("-----BEGIN");
}

/** SHA-256 (hex) of the SPKI DER of an ed25519 key given as a KeyObject or PEM (public or private). */
export function publicKeyFingerprint(key: KeyObject | string): string {
  const obj = typeof key === "string" ? createPublicKey(key) : key.type === "private" ? createPublicKey(key) : key;
  return createHash("sha256")
    .update(obj.export({ type: "spki", format: "der" }))
    .digest("hex");
}

/** The fingerprint a signing run prints: for an ed25519 key (PEM), that of its public key; an HMAC secret has none (a hash of it would help guess it). */
export function signingKeyFingerprint(key: string | undefined): string | undefined {
  if (!key || !isPem(key)) return undefined;
  return publicKeyFingerprint(createPrivateKey(key));
}

export function signManifest(m: Unsigned, key: string): Signature {
  if (isPem(key)) {
    const priv = createPrivateKey(key);
    if (priv.asymmetricKeyType !== "ed25519")
      throw new Error(`IDME_SIGNING_KEY is a ${priv.asymmetricKeyType} key; an ed25519 key is needed`);
    const pub = createPublicKey(priv);
    return {
      algorithm: "ed25519",
      value: sign(null, signedBytes(m, "ed25519"), priv).toString("base64"),
      publicKey: pub.export({ type: "spki", format: "pem" }).toString(),
      publicKeyFingerprint: publicKeyFingerprint(pub),
    };
  }
  return { algorithm: "hmac-sha256", value: createHmac("sha256", key).update(signedBytes(m, "hmac-sha256")).digest("hex") };
}

export const UNSIGNED_NOTE = "unsigned: integrity only, anyone can rewrite it; set IDME_SIGNING_KEY (ed25519 PEM or HMAC secret) to sign";

export function buildManifest(dir: string, key: string | undefined, run: RunFacts): Manifest {
  const files = listArtifacts(dir).map((path) => {
    const full = join(dir, path);
    return { path, sha256: sha256File(full), bytes: statSync(full).size };
  });
  const body: Unsigned = { format: MANIFEST_FORMAT, version: MANIFEST_VERSION, run, files };
  if (!key) return { ...body, signature: null, note: UNSIGNED_NOTE };
  return { ...body, signature: signManifest(body, key) };
}

export function writeManifest(dir: string, key: string | undefined, run: RunFacts): Manifest {
  const m = buildManifest(dir, key, run);
  writeFileSync(join(dir, MANIFEST_NAME), `${JSON.stringify(m, null, 2)}\n`);
  return m;
}

/** Who must have signed: the verifier's own knowledge, never the manifest's. */
export interface VerifyOptions {
  /** contents of --key-file: an ed25519 public key PEM (a private key works too), or an HMAC secret */
  key?: string;
  /** SHA-256 (hex) of the signer's ed25519 public key (SPKI DER) */
  fingerprint?: string;
  /** an unsigned manifest fails instead of passing as "integrity only" */
  requireSignature?: boolean;
}

export type SignatureState = "valid" | "invalid" | "unsigned" | "key required";

export interface VerifyResult {
  ok: boolean;
  problems: string[];
  verified: number;
  signature: SignatureState;
  /** ok, but only the hashes: the manifest is unsigned */
  integrityOnly: boolean;
  /** the manifest's facts (trustworthy only with a valid signature) */
  run?: RunFacts;
  /** ed25519: fingerprint of the key that verified the signature */
  signer?: string;
  /** one line */
  summary: string;
}

export const INTEGRITY_ONLY = "integrity only: the manifest is unsigned, anyone can rewrite it";
export const KEY_REQUIRED_ED25519 =
  "the manifest is signed (ed25519): pass --key-file <the signer's public key, PEM> or --fingerprint <SHA-256 of the signer's public key> to verify it (the key inside the manifest proves nothing by itself)";
export const KEY_REQUIRED_HMAC = "the manifest is HMAC-signed: pass --key-file <a file holding the HMAC secret> to verify it";

const fail = (problem: string, signature: SignatureState, run?: RunFacts): VerifyResult => ({
  ok: false,
  problems: [problem],
  verified: 0,
  signature,
  integrityOnly: false,
  run,
  summary: problem,
});

/** A fingerprint as given: hex, `sha256:` prefix and colons tolerated; undefined when it is not 64 hex digits. */
export function normaliseFingerprint(s: string): string | undefined {
  const hex = s
    .trim()
    .replace(/^sha256:/i, "")
    .replace(/:/g, "")
    .toLowerCase();
  return /^[0-9a-f]{64}$/.test(hex) ? hex : undefined;
}

/**
 * Checks the signature against the expected signer, then every listed file's hash, that no artifact
 * was added or is missing. A signed manifest without an expected signer fails at once (one problem).
 */
export function verifyManifest(dir: string, opts: VerifyOptions = {}): VerifyResult {
  const path = join(dir, MANIFEST_NAME);
  if (!existsSync(path)) return fail(`no ${MANIFEST_NAME} in ${dir}`, "unsigned");
  let m: Manifest;
  try {
    m = JSON.parse(readFileSync(path, "utf8")) as Manifest;
  } catch (e) {
    return fail(`${MANIFEST_NAME} is not JSON: ${(e as Error).message}`, "invalid");
  }
  if (m?.format !== MANIFEST_FORMAT || m.version !== MANIFEST_VERSION || !Array.isArray(m.files) || !m.run || typeof m.run !== "object")
    return fail(
      `${MANIFEST_NAME} is not a version ${MANIFEST_VERSION} manifest of this suite (no run facts): cannot be verified`,
      "invalid",
    );

  const expectsSigner = opts.key !== undefined || opts.fingerprint !== undefined;
  const sig = m.signature;
  let signature: SignatureState;
  let signer: string | undefined;
  if (!sig) {
    if (expectsSigner)
      return fail("the manifest is unsigned, but a key or fingerprint was given: it was not signed by that signer", "unsigned", m.run);
    if (opts.requireSignature) return fail("the manifest is unsigned (--require-signature)", "unsigned", m.run);
    signature = "unsigned";
  } else {
    const checked = checkSignature(m, sig, opts);
    if (checked.state === "key required" || checked.problem) return fail(checked.problem!, checked.state, m.run);
    signature = checked.state;
    signer = checked.signer;
  }

  const problems: string[] = [];
  let verified = 0;
  for (const f of m.files) {
    if (typeof f?.path !== "string" || f.path.split("/").includes("..") || isAbsolute(f.path)) {
      problems.push(`bad path in manifest: ${String(f?.path)}`);
      continue;
    }
    const full = join(dir, f.path);
    if (!existsSync(full)) problems.push(`missing: ${f.path}`);
    else if (sha256File(full) !== f.sha256) problems.push(`modified: ${f.path}`);
    else verified++;
  }
  const listed = new Set(m.files.map((f) => f.path));
  for (const extra of listArtifacts(dir).filter((p) => !listed.has(p))) problems.push(`not in manifest: ${extra}`);

  const ok = problems.length === 0;
  const integrityOnly = ok && signature === "unsigned";
  const summary = !ok
    ? `${problems.length} problem(s): ${problems.join("; ")}`
    : integrityOnly
      ? `${INTEGRITY_ONLY} (${verified} files match their hashes)`
      : `verified: ${verified} files and the run's facts, signature valid (${sig!.algorithm}${signer ? `, key sha256:${signer}` : ""})`;
  return { ok, problems, verified, signature, integrityOnly, run: m.run, signer, summary };
}

function checkSignature(m: Manifest, sig: Signature, opts: VerifyOptions): { state: SignatureState; signer?: string; problem?: string } {
  const keyIsPem = opts.key !== undefined && isPem(opts.key);
  if (sig.algorithm === "hmac-sha256") {
    if (opts.fingerprint !== undefined)
      return { state: "invalid", problem: "the manifest is HMAC-signed: a fingerprint cannot verify it (pass --key-file with the secret)" };
    if (opts.key === undefined) return { state: "key required", problem: KEY_REQUIRED_HMAC };
    if (keyIsPem)
      return { state: "invalid", problem: "the manifest is HMAC-signed, but --key-file holds a PEM key: it was not signed by that key" };
    const want = Buffer.from(createHmac("sha256", opts.key).update(signedBytes(m, "hmac-sha256")).digest("hex"));
    const got = Buffer.from(String(sig.value));
    return want.length === got.length && timingSafeEqual(want, got)
      ? { state: "valid" }
      : { state: "invalid", problem: "signature invalid: the manifest was edited, or signed with another secret" };
  }
  if (sig.algorithm === "ed25519") {
    if (opts.key === undefined && opts.fingerprint === undefined) return { state: "key required", problem: KEY_REQUIRED_ED25519 };
    if (opts.key !== undefined && !keyIsPem)
      return {
        state: "invalid",
        problem: "the manifest is signed with ed25519, but --key-file holds no PEM key: it was not signed by that secret",
      };
    let expectedFp: string | undefined;
    if (opts.fingerprint !== undefined) {
      expectedFp = normaliseFingerprint(opts.fingerprint);
      if (!expectedFp) return { state: "invalid", problem: `--fingerprint is not a SHA-256 in hex: ${opts.fingerprint}` };
    }
    let pub: KeyObject;
    try {
      if (opts.key !== undefined) {
        pub = createPublicKey(opts.key);
        if (pub.asymmetricKeyType !== "ed25519")
          return { state: "invalid", problem: `--key-file holds a ${pub.asymmetricKeyType} key, not ed25519` };
      } else {
        if (!sig.publicKey)
          return { state: "invalid", problem: "the manifest names no public key: pass --key-file with the signer's public key" };
        pub = createPublicKey(sig.publicKey);
      }
    } catch (e) {
      return { state: "invalid", problem: `cannot read the public key: ${(e as Error).message}` };
    }
    const fp = publicKeyFingerprint(pub);
    if (expectedFp && fp !== expectedFp)
      return {
        state: "invalid",
        problem: `signature invalid: the manifest was signed by the key sha256:${fp}, not by the expected sha256:${expectedFp}`,
      };
    let good = false;
    try {
      good = verify(null, signedBytes(m, "ed25519"), pub, Buffer.from(String(sig.value), "base64"));
    } catch {
      good = false;
    }
    if (!good) {
      const claimed =
        typeof sig.publicKeyFingerprint === "string" && sig.publicKeyFingerprint !== fp
          ? ` (it names the key sha256:${sig.publicKeyFingerprint})`
          : "";
      return { state: "invalid", problem: `signature invalid: the manifest was edited, or not signed by the key sha256:${fp}${claimed}` };
    }
    return { state: "valid", signer: fp };
  }
  return { state: "invalid", problem: `unknown signature algorithm: ${String((sig as { algorithm?: unknown }).algorithm)}` };
}

/** The run's facts as lines for a reader (verify-manifest prints them). */
export function describeRun(run: RunFacts): string[] {
  return [
    `suite      ${run.suite.name} ${run.suite.version}${run.suite.commit ? ` (git ${run.suite.commit})` : " (no git commit)"}`,
    `spec       sha256:${run.specSha256}`,
    `profile    ${run.profile.name} (${run.profile.path}, sha256:${run.profile.sha256})`,
    `target     ${run.target}${run.mockFaults?.length ? ` with mock faults: ${run.mockFaults.join(", ")}` : ""}`,
    `seed       ${run.seed} · today ${run.today} · node ${run.node} · started ${run.startedAt} · ${run.requests} requests`,
  ];
}

/** A fresh ed25519 key pair in PEM and the public key's fingerprint, for `idme-conformance keygen`. */
export function generateSigningKey(): { privateKey: string; publicKey: string; fingerprint: string } {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return {
    privateKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    publicKey: publicKey.export({ type: "spki", format: "pem" }).toString(),
    fingerprint: publicKeyFingerprint(publicKey),
  };
}
