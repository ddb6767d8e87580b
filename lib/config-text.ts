/** Parses the text of a file a user writes (a profile, mock fixtures): JSON as JSON, anything else as YAML. */
import { parse as parseYaml } from "yaml";
import { parseErrorLine } from "./parse-error-line.js";

/** The value, or the one-line reason the text is not JSON / YAML. */
export function parseConfigText(text: string, source: string): { value: unknown } | { problem: string } {
  const json = /\.json$/i.test(source) || /^\s*[{[]/.test(text);
  try {
    // JSON is parsed as JSON (a trailing comma is an error), not as the YAML that would accept it.
    return { value: json ? JSON.parse(text) : parseYaml(text) };
  } catch (e) {
    return { problem: `not valid ${json ? "JSON" : "YAML"}: ${json ? withLineOf(text, parseErrorLine(e)) : parseErrorLine(e)}` };
  }
}

/** Node 20's JSON errors give a character position only ("at position 58"): its line and column too, as Node 22's do. */
function withLineOf(text: string, message: string): string {
  const at = /at position (\d+)(?!.*line)/.exec(message);
  if (!at) return message;
  const before = text.slice(0, Number(at[1])).split("\n");
  return `${message} (line ${before.length} column ${(before.at(-1)?.length ?? 0) + 1})`;
}
