/**
 * The two roots every module resolves files from, defined once. `codeRoot` holds the code that runs
 * (the sources, or `dist/` in an installed package); `packageRoot` holds the data files that ship beside
 * it (openapi/, profiles/, docs/, allurerc.mjs). From the sources the two are the same folder.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const codeRoot = join(dirname(fileURLToPath(import.meta.url)), "..");

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "openapi", "services-v2.yaml"))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package root (package.json beside openapi/) above ${from}`);
  }
}

export const packageRoot = findPackageRoot(codeRoot);

/**
 * Vitest's cache of transformed modules between runs, in a checkout only (its node_modules is the user's own,
 * written by their `npm install`); an installed package, whose folder may be read-only, runs without one.
 */
export const moduleCacheDir: string | undefined =
  existsSync(join(packageRoot, "tsconfig.build.json")) && existsSync(join(packageRoot, "node_modules"))
    ? join(packageRoot, "node_modules", ".cache", "idme-conformance-vitest")
    : undefined;

/** True when the running code is the TypeScript sources (tsx, vitest), false for the compiled package. */
export const runningFromSources = fileURLToPath(import.meta.url).endsWith(".ts");
