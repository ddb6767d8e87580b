/**
 * The run manifest: SHA-256 of every artifact a run wrote, optionally signed.
 * IDME_SIGNING_KEY holds either a PEM ed25519 private key (signature verifiable with the public
 * key alone) or any other string, used as an HMAC-SHA256 secret (verifiable with the same secret).
 * Without a key the manifest says it is unsigned: it then detects accidents, not tampering.
 */
import {
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  timingSafeEqual,
  verify,
  type KeyObject,
} from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";

export const MANIFEST_NAME = "manifest.json";

export interface ManifestFile {
  path: string;
  sha256: string;
  bytes: number;
}
export interface Signature {
  algorithm: "hmac-sha256" | "ed25519";
  value: string;
  publicKey?: string;
}
export interface Manifest {
  version: 1;
  createdAt: string;
  files: ManifestFile[];
  signature: Signature | null;
  note?: string;
}

/** Folders of a reports dir that do not belong to one run (history spans runs). */
const notArtifacts = new Set(["history"]);

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
        if (!notArtifacts.has(rel)) walk(full);
      } else if (rel !== MANIFEST_NAME && rel !== "README.md") out.push(rel);
    }
  };
  walk(dir);
  return out;
}

/** The bytes a signature covers: the manifest without its signature, keys in a fixed order. */
function signedBytes(m: Omit<Manifest, "signature" | "note">): Buffer {
  return Buffer.from(
    JSON.stringify({ version: m.version, createdAt: m.createdAt, files: m.files.map((f) => [f.path, f.sha256, f.bytes]) }),
  );
}

function isPem(key: string): boolean {
  return key.includes("-----BEGIN");
}

export function signManifest(m: Omit<Manifest, "signature" | "note">, key: string): Signature {
  const data = signedBytes(m);
  if (isPem(key)) {
    const priv = createPrivateKey(key);
    const publicKey = createPublicKey(priv).export({ type: "spki", format: "pem" }).toString();
    return { algorithm: "ed25519", value: sign(null, data, priv).toString("base64"), publicKey };
  }
  return { algorithm: "hmac-sha256", value: createHmac("sha256", key).update(data).digest("hex") };
}

export function buildManifest(dir: string, key: string | undefined, now = new Date()): Manifest {
  const files = listArtifacts(dir).map((path) => {
    const full = join(dir, path);
    return { path, sha256: sha256File(full), bytes: statSync(full).size };
  });
  const body = { version: 1 as const, createdAt: now.toISOString(), files };
  if (!key) return { ...body, signature: null, note: "unsigned: set IDME_SIGNING_KEY (ed25519 PEM or HMAC secret) to sign" };
  return { ...body, signature: signManifest(body, key) };
}

export function writeManifest(dir: string, key: string | undefined): Manifest {
  const m = buildManifest(dir, key);
  writeFileSync(join(dir, MANIFEST_NAME), `${JSON.stringify(m, null, 2)}\n`);
  return m;
}

export interface VerifyResult {
  ok: boolean;
  problems: string[];
  verified: number;
  signature: "valid" | "invalid" | "unsigned" | "unverifiable";
  summary: string;
}

/**
 * Checks every listed file's hash, that no artifact was added, and the signature.
 * `key`: the HMAC secret, or an ed25519 public (or private) PEM to pin the signer; without it an
 * ed25519 signature is checked against the public key embedded in the manifest.
 */
export function verifyManifest(dir: string, key?: string): VerifyResult {
  const problems: string[] = [];
  const path = join(dir, MANIFEST_NAME);
  if (!existsSync(path))
    return {
      ok: false,
      problems: [`no ${MANIFEST_NAME} in ${dir}`],
      verified: 0,
      signature: "unsigned",
      summary: `no ${MANIFEST_NAME} in ${dir}`,
    };
  let m: Manifest;
  try {
    m = JSON.parse(readFileSync(path, "utf8")) as Manifest;
  } catch (e) {
    return {
      ok: false,
      problems: [`${MANIFEST_NAME} is not JSON`],
      verified: 0,
      signature: "invalid",
      summary: `${MANIFEST_NAME} is not JSON: ${(e as Error).message}`,
    };
  }
  let verified = 0;
  for (const f of m.files ?? []) {
    const full = join(dir, f.path);
    if (!existsSync(full)) problems.push(`missing: ${f.path}`);
    else if (sha256File(full) !== f.sha256) problems.push(`modified: ${f.path}`);
    else verified++;
  }
  const listed = new Set((m.files ?? []).map((f) => f.path));
  for (const extra of listArtifacts(dir).filter((p) => !listed.has(p))) problems.push(`not in manifest: ${extra}`);

  const signature = checkSignature(m, key);
  if (signature === "invalid") problems.push("signature does not match (manifest edited or wrong key)");
  if (signature === "unverifiable") problems.push("manifest is HMAC-signed: set IDME_SIGNING_KEY to verify it");
  const ok = problems.length === 0;
  const sigText = signature === "unsigned" ? "unsigned manifest" : `signature ${signature} (${m.signature?.algorithm})`;
  return {
    ok,
    problems,
    verified,
    signature,
    summary: ok ? `all ${verified} files verified, ${sigText}` : `${problems.length} problem(s): ${problems.join("; ")}`,
  };
}

function checkSignature(m: Manifest, key: string | undefined): VerifyResult["signature"] {
  const s = m.signature;
  if (!s) return "unsigned";
  const data = signedBytes(m);
  try {
    if (s.algorithm === "hmac-sha256") {
      if (!key || isPem(key)) return "unverifiable";
      const want = Buffer.from(createHmac("sha256", key).update(data).digest("hex"));
      const got = Buffer.from(s.value);
      return want.length === got.length && timingSafeEqual(want, got) ? "valid" : "invalid";
    }
    if (s.algorithm === "ed25519") {
      let pub: KeyObject;
      if (key && isPem(key)) pub = key.includes("PRIVATE") ? createPublicKey(createPrivateKey(key)) : createPublicKey(key);
      else if (s.publicKey) pub = createPublicKey(s.publicKey);
      else return "unverifiable";
      return verify(null, data, pub, Buffer.from(s.value, "base64")) ? "valid" : "invalid";
    }
  } catch {
    return "invalid";
  }
  return "invalid";
}

/** A fresh ed25519 key pair in PEM, for `idme-conformance keygen`. */
export function generateSigningKey(): { privateKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return {
    privateKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    publicKey: publicKey.export({ type: "spki", format: "pem" }).toString(),
  };
}
