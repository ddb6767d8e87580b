/** What identifies the suite that ran: package name and version, and the git commit when it runs from a checkout. */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../lib/paths.js";

export interface SuiteFacts {
  name: string;
  version: string;
  /** null in an installed package (no checkout), else HEAD, with "+dirty" when the tree has changes */
  commit: string | null;
}

let cached: SuiteFacts | undefined;

export function suiteFacts(): SuiteFacts {
  if (cached) return cached;
  const pkg = JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as { name: string; version: string };
  let commit: string | null = null;
  try {
    const git = (...args: string[]) =>
      execFileSync("git", args, { cwd: packageRoot, timeout: 3000, stdio: ["ignore", "pipe", "ignore"] })
        .toString()
        .trim();
    if (git("rev-parse", "--show-toplevel") === packageRoot) {
      commit = git("rev-parse", "HEAD") + (git("status", "--porcelain", "--untracked-files=no") ? "+dirty" : "");
    }
  } catch {
    commit = null; // not a checkout, or no git: the version identifies the suite
  }
  cached = { name: pkg.name, version: pkg.version, commit };
  return cached;
}
