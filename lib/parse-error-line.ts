/**
 * Defines `parseErrorLine`: a parser's error as one complete line. The yaml library ends its first line
 * with a colon and puts the source excerpt on the lines after it (the text, then a caret under the error):
 * the line in error is quoted at the end instead, so a one-line message never stops at a dangling colon.
 */
const MAX_EXCERPT = 60;

export function parseErrorLine(e: unknown): string {
  const [head = "", ...rest] = String((e as Error)?.message ?? e).split("\n");
  if (!head.endsWith(":")) return head;
  const caret = rest.findIndex((l) => /^\s*\^+\s*$/.test(l));
  const line = caret > 0 ? rest[caret - 1].trim() : "";
  const excerpt = line.length > MAX_EXCERPT ? `${line.slice(0, MAX_EXCERPT - 1).trimEnd()}…` : line;
  return `${head.slice(0, -1)}${excerpt ? ` (${excerpt})` : ""}`;
}
