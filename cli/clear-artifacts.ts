/**
 * Defines `clearArtifacts`: an older run's artifacts must never pass for this one's, but deleting them
 * (two thousand Allure files after a full run) took the CLI ~0.3–1 s before its first test. They are moved
 * aside at once (a rename in the same folder) and deleted while the tests run; the run awaits the deletion
 * before it writes its reports, so the manifest never lists them.
 */
import { existsSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { rm } from "node:fs/promises";
import { basename, join } from "node:path";

const RM = { recursive: true, force: true, maxRetries: 3, retryDelay: 100 } as const;

/**
 * Moves the existing paths into a fresh `.old-run-*` folder of `reportsDir`; the promise resolves once it is
 * gone, to the error if it could not be deleted (never rejects: nothing awaits it while the tests run).
 */
export function clearArtifacts(paths: readonly string[], reportsDir: string): Promise<Error | undefined> {
  const present = paths.filter((p) => existsSync(p));
  if (present.length === 0) return Promise.resolve(undefined);
  const aside = mkdtempSync(join(reportsDir, ".old-run-"));
  for (const [i, p] of present.entries()) {
    try {
      renameSync(p, join(aside, `${i}-${basename(p)}`));
    } catch {
      rmSync(p, RM); // cannot be moved (a file held open elsewhere): deleted now, as before
    }
  }
  return rm(aside, RM).then(
    () => undefined,
    (e: Error) => e,
  );
}
