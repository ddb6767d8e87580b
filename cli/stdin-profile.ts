/**
 * Defines `stdinProfileReader`: how `--profile -` reads standard input. On a terminal nothing is piped, and a
 * read would wait without a word: it first says what it waits for and how to end it.
 */
import { readFileSync } from "node:fs";

export const STDIN_HINT =
  "reading the profile from standard input: type or paste it, then Ctrl-D on a line of its own (or pipe it: --profile - < my-target.yaml)\n";

export function stdinProfileReader(
  isTTY: boolean,
  err: (text: string) => void,
  read: () => string = () => readFileSync(0, "utf8"),
): () => string {
  return () => {
    if (isTTY) err(STDIN_HINT);
    return read();
  };
}
