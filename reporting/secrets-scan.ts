/**
 * Scans files (or text) for secrets in every form harness/secret-forms.ts knows: plain, Base64
 * and Base64url at any byte offset, hex in any letter case, of the secret and of its URL-encoded
 * text, with any of its characters JSON-`\u`-escaped, percent-encoded or written as an XML/HTML
 * character reference (escapes of escapes too). Base64 runs are also decoded and searched in turn
 * (two levels deep), so a secret escaped inside the Base64 blobs of the single-file Allure report is
 * found as well.
 *
 * Each file is read as latin1 (one character per byte, so any file, text or binary, can be
 * searched). The secrets are searched for exactly as given: pass each token and the secret it
 * decodes to (`withDecodedSecrets` in harness/secret-forms.ts lists both).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { base64Cores, BLOB_DEPTH, createFinder, type FoundVia, latin1Of, type NeedleKind } from "../harness/secret-forms.js";

/** The Base64 and Base64url text of `secret` at each byte offset. */
export function base64Needles(secret: string): string[] {
  const cores = base64Cores(Buffer.from(secret, "utf8"));
  return [...new Set([...cores, ...cores.map((c) => c.replace(/\+/g, "-").replace(/\//g, "_"))])];
}

export type HitVia = FoundVia;

export interface SecretMatch {
  secretIndex: number;
  form: NeedleKind;
  /** as written, once escapes were decoded, or inside a decoded Base64 run */
  via: HitVia;
  /** occurrences */
  count: number;
  /** found as runs of a token (FRAGMENT_LENGTH characters or more), not whole */
  part?: true;
}

export interface SecretHit extends SecretMatch {
  file: string;
}

export interface Scanner {
  /** Matches in text read as latin1 (one character per byte). */
  scanLatin1(text: string): SecretMatch[];
  /** Matches in a file's bytes. */
  scanBuffer(bytes: Buffer): SecretMatch[];
  /** Matches in JS text (console output, a message). */
  scanString(text: string): SecretMatch[];
  /** Every file under `dir` with its matches, one entry per secret, form and via. */
  scanDir(dir: string): SecretHit[];
}

export function createScanner(secrets: readonly string[]): Scanner {
  const finder = createFinder(secrets);
  const scanLatin1 = (text: string): SecretMatch[] => {
    const byKey = new Map<string, SecretMatch>();
    // One occurrence is found in the text and again in each decoded view (and a token with and
    // without its padding): counted once, where first seen.
    const counted = new Set<string>();
    for (const f of finder.find(text, BLOB_DEPTH)) {
      const at = `${f.needle.secretIndex}:${f.needle.kind}:${f.start}:${f.via === "base64-blob"}`;
      if (counted.has(at)) continue;
      counted.add(at);
      const key = `${f.needle.secretIndex}:${f.needle.kind}:${f.via}:${f.needle.part === true}`;
      const m = byKey.get(key);
      if (m) m.count++;
      else
        byKey.set(key, {
          secretIndex: f.needle.secretIndex,
          form: f.needle.kind,
          via: f.via,
          count: 1,
          ...(f.needle.part ? { part: true as const } : {}),
        });
    }
    return [...byKey.values()];
  };
  const scanner: Scanner = {
    scanLatin1,
    scanBuffer: (bytes) => scanLatin1(bytes.toString("latin1")),
    scanString: (text) => scanLatin1(latin1Of(text)),
    scanDir(dir) {
      const hits: SecretHit[] = [];
      for (const file of walk(dir)) for (const m of scanner.scanBuffer(readFileSync(file))) hits.push({ file: relative(dir, file), ...m });
      return hits;
    },
  };
  return scanner;
}

/** Every file under `dir` that contains one of `secrets`, in any form. */
export function scanForSecrets(dir: string, secrets: readonly string[]): SecretHit[] {
  return createScanner(secrets).scanDir(dir);
}

export function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...walk(full));
    else out.push(full);
  }
  return out;
}
