/**
 * Scans files for secrets in plain text and Base64 form. Base64 text of a secret depends on
 * where the secret starts inside the encoded data (its offset modulo 3), so each secret yields
 * three needles per alphabet; that also finds secrets inside the Base64 blobs of the single-file
 * Allure report.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

export function base64Needles(secret: string): string[] {
  const bytes = Buffer.from(secret, "utf8");
  const out = new Set<string>();
  for (let k = 0; k < 3; k++) {
    const enc = Buffer.concat([Buffer.alloc(k), bytes]).toString("base64");
    // Only the characters whose 6 bits come entirely from the secret's bytes.
    const from = Math.ceil((8 * k) / 6);
    const to = Math.floor((8 * (k + bytes.length)) / 6);
    const core = enc.slice(from, to);
    out.add(core);
    out.add(core.replace(/\+/g, "-").replace(/\//g, "_"));
  }
  return [...out];
}

export interface SecretHit {
  file: string;
  secretIndex: number;
  form: "plain" | "base64";
}

/** Every file under `dir` that contains one of `secrets` (plain or Base64). */
export function scanForSecrets(dir: string, secrets: readonly string[]): SecretHit[] {
  const needles = secrets.flatMap((s, i) => [
    { i, form: "plain" as const, text: s },
    ...base64Needles(s).map((text) => ({ i, form: "base64" as const, text })),
  ]);
  const hits: SecretHit[] = [];
  for (const file of walk(dir)) {
    const text = readFileSync(file, "latin1"); // byte-preserving: finds ASCII needles in any file
    for (const n of needles) {
      if (text.includes(n.text)) hits.push({ file: relative(dir, file), secretIndex: n.i, form: n.form });
    }
  }
  return hits;
}

export function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...walk(full));
    else out.push(full);
  }
  return out;
}
