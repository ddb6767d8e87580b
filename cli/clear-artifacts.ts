/**
 * Defines `clearArtifacts`: an older run's artifacts must never pass for this one's, but deleting them (two
 * thousand Allure files after a full run) took the CLI ~0.3–1 s before its first test, and deleted while the
 * tests ran, the file system was still busy with it when the new reports were written (the Allure results and
 * the HTML report took ~1.5 s longer: BENCHMARKS.md). So they are moved aside at once (a rename in the same
 * folder, into `.old-run-*`, which the manifest never lists) and deleted once the new reports are written.
 */
import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync } from "node:fs";
import { rm } from "node:fs/promises";
import { basename, join } from "node:path";
import { ASIDE_PREFIX, STAGING_PREFIX } from "../reporting/paths.js";

const RM = { recursive: true, force: true, maxRetries: 3, retryDelay: 100 } as const;

export interface Cleared {
  /** Deletes what was moved aside: resolves to the error if it could not be deleted (never rejects). */
  remove(): Promise<Error | undefined>;
}

/**
 * Moves the existing paths into a fresh `.old-run-*` folder of `reportsDir`, to be removed later with any such
 * folder an interrupted run left behind, and any Allure working folder a killed run left (`.allure-staging-*`: this
 * run makes its own after this call).
 */
export function clearArtifacts(paths: readonly string[], reportsDir: string): Cleared {
  const present = paths.filter((p) => existsSync(p));
  const leftovers = existsSync(reportsDir)
    ? readdirSync(reportsDir)
        .filter((f) => f.startsWith(ASIDE_PREFIX) || f.startsWith(STAGING_PREFIX))
        .map((f) => join(reportsDir, f))
    : [];
  const removeLeftovers = () => Promise.all(leftovers.map((l) => rm(l, RM)));
  if (present.length === 0)
    return {
      remove: () =>
        removeLeftovers().then(
          () => undefined,
          (e: Error) => e,
        ),
    };
  const aside = mkdtempSync(join(reportsDir, ASIDE_PREFIX));
  for (const [i, p] of present.entries()) {
    try {
      renameSync(p, join(aside, `${i}-${basename(p)}`));
    } catch {
      rmSync(p, RM); // cannot be moved (a file held open elsewhere): deleted now, as before
    }
  }
  return {
    remove: () =>
      Promise.all([rm(aside, RM), removeLeftovers()]).then(
        () => undefined,
        (e: Error) => e,
      ),
  };
}
