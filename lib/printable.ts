/**
 * Defines `printable`: text a target sent, made safe to show. Every character a terminal acts on or a reader does
 * not see is written as its `\uXXXX` escape: C0 controls but tab and line feed (a carriage return or an escape
 * sequence would rewrite the console's lines: a hostile target printed a forged verdict line that way), DEL and C1
 * controls, soft hyphen, zero-width and bidirectional marks, line and paragraph separators, word joiners, the byte
 * order mark, non-characters and lone surrogates. What is left is also valid XML 1.0 (JUnit).
 */
const HIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is escaped
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export const printable = (s: string): string => s.replace(HIDDEN, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
