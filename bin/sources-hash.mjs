// The SHA-256 of the sources dist/ is compiled from: every file under tsconfig.build.json's `include`
// folders, and the two tsconfig files. `npm run build` writes it beside the output (dist/.sources.sha256);
// a bin in a checkout runs dist/ only while it still matches, so an edited source never runs stale code.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

export const STAMP = ".sources.sha256";

/** The hash of the sources under `root` (a checkout), or undefined where they are absent (an installed package). */
export function sourcesHash(root) {
  const config = join(root, "tsconfig.build.json");
  if (!existsSync(config)) return undefined;
  const { include } = JSON.parse(readFileSync(config, "utf8"));
  const files = ["tsconfig.json", "tsconfig.build.json"];
  for (const dir of include) {
    if (!existsSync(join(root, dir))) continue;
    for (const f of readdirSync(join(root, dir), { recursive: true, withFileTypes: true }))
      if (f.isFile()) files.push(relative(root, join(f.parentPath ?? f.path, f.name)));
  }
  const hash = createHash("sha256");
  for (const f of files.sort())
    hash
      .update(`${f}\0`)
      .update(readFileSync(join(root, f)))
      .update("\0");
  return hash.digest("hex");
}

/** True when dist/ under `root` was built from exactly the sources there now. */
export function distIsFresh(root) {
  const stamp = join(root, "dist", STAMP);
  if (!existsSync(stamp)) return false;
  return readFileSync(stamp, "utf8").trim() === sourcesHash(root);
}
