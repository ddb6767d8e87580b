/**
 * Defines `checkReportsFolder`: the folder the reports go to, checked before a run (or a merge, a proxy
 * session) starts, so a folder that cannot be written is one line at once, not an error after the whole run
 * (and, against a live target, its request budget) was spent. A folder that does not exist yet is left
 * uncreated: it is fine when its nearest existing parent is a folder that can be written.
 */
import { accessSync, constants, existsSync, mkdtempSync, rmdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { CannotRunError } from "./errors.js";

/** Throws a CannotRunError naming `flag` when the reports cannot be written into `dir` (an absolute path). */
export function checkReportsFolder(dir: string, flag: string): void {
  let existing = dir;
  while (!existsSync(existing) && dirname(existing) !== existing) existing = dirname(existing);
  const how = "name a folder you can write to";
  if (!statSync(existing).isDirectory())
    throw new CannotRunError(
      existing === dir
        ? `${flag} ${dir} is a file, not a folder; ${how}`
        : `${flag} ${dir} cannot be created: ${existing} is a file, not a folder; ${how}`,
    );
  try {
    // Write to add files (or the missing folders), search to reach them.
    accessSync(existing, constants.W_OK | constants.X_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "not writable";
    throw new CannotRunError(
      `${flag} ${dir} cannot be written: ${existing === dir ? "the folder" : `its parent ${existing}`} is not writable (${code}); ${how}`,
    );
  }
  // The permission bits are not the whole answer: root passes them everywhere, and a folder of /proc or /sys takes no
  // new entry (ENOENT, EPERM) — where Node's recursive mkdir then loops for ever (seen with --reports /proc/x).
  // A folder made and removed at once is the answer.
  try {
    rmdirSync(mkdtempSync(join(existing, ".idme-write-check-")));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? "not writable";
    throw new CannotRunError(
      `${flag} ${dir} cannot be written: ${existing === dir ? "the folder" : `its parent ${existing}`} takes no new folder (${code}); ${how}`,
    );
  }
}
