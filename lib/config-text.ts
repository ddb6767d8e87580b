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
    return { problem: `not valid ${json ? "JSON" : "YAML"}: ${parseErrorLine(e)}` };
  }
}
