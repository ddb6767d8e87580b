/**
 * Defines `reportedPath`: how the reports (certification, manifest) name the profile a run used. They travel
 * beyond the machine that ran it, so never with a path of that machine: a profile shipped with the suite
 * relative to the suite ("profiles/sandbox.yaml"), one inside the working folder relative to it, any other
 * by its file name alone (its SHA-256, recorded beside it, tells which file it was).
 */
import { basename, isAbsolute, relative, sep } from "node:path";

const inside = (folder: string, path: string) => {
  const rel = relative(folder, path);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel.split(sep).join("/") : undefined;
};

/** `path`: absolute, or "-" (standard input); `workDir`: the folder the run's relative paths were given from. */
export function reportedPath(path: string, at: { suiteRoot: string; workDir: string }): string {
  // A profile read from standard input has no path: say where it came from.
  if (path === "-") return "(standard input)";
  return inside(at.suiteRoot, path) ?? inside(at.workDir, path) ?? basename(path);
}
