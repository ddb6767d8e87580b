/**
 * The command that starts the conformance CLI as a user's `npm run conformance` does: the bin with plain node,
 * which runs dist/ while it matches the sources and the sources through tsx otherwise (bin/entry.mjs). For the
 * tests and tools that run the CLI in a child process.
 */
import { join } from "node:path";
import { packageRoot } from "./paths.js";

export const cliBin = join(packageRoot, "bin", "idme-conformance.mjs");

/** `[command, args]` for a child process running the CLI with these arguments. */
export function cliCommand(args: readonly string[]): [string, string[]] {
  return [process.execPath, [cliBin, ...args]];
}
