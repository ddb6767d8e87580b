/**
 * Generates generated/services-v2.json: the spec parsed once, with the SHA-256 of the YAML it came from.
 * loadSpec (lib/spec-document.ts) reads it instead of parsing the YAML in each process and worker, and
 * only while the hash matches, so an edited spec is never judged by a stale copy.
 */
import { isDeepStrictEqual } from "node:util";
import { parseSpecYaml, specSha256 } from "../../lib/spec-document.js";
import type { GeneratedFile } from "../generate.js";

export async function generate(): Promise<GeneratedFile[]> {
  const document = parseSpecYaml();
  // A YAML value JSON cannot carry (a date, Infinity, a binary) would make the copy differ: refuse it.
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(document)), document))
    throw new Error("openapi/services-v2.yaml holds a value JSON cannot represent: no parsed copy can stand for it");
  return [{ path: "generated/services-v2.json", content: `${JSON.stringify({ sha256: specSha256(), document }, null, 1)}\n` }];
}
