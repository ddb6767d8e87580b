/** Generates generated/api.d.ts from the spec with openapi-typescript's Node API. */
import { readFile } from "node:fs/promises";
import openapiTS, { astToString } from "openapi-typescript";
import { specPath } from "../../lib/spec-document.js";

const HEADER = "// generated from openapi/services-v2.yaml; do not edit (npm run generate)\n\n";

export async function generate(): Promise<{ path: string; content: string }[]> {
  // Pass the text, not a URL: the output must not depend on where the checkout lives.
  const ast = await openapiTS(await readFile(specPath, "utf8"), { silent: true });
  return [{ path: "generated/api.d.ts", content: HEADER + astToString(ast) }];
}
