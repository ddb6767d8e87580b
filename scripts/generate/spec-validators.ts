/**
 * Generates generated/spec-validators.ts: Ajv's standalone code of every schema the suite validates by pointer
 * (lib/spec-ajv-instance.ts), with the SHA-256 of the YAML it was compiled from. lib/spec-ajv.ts uses it only
 * while that hash matches, so an edited spec is never judged by stale code; lib/spec-tests/precompiled.test.ts
 * shows it judges every value as Ajv compiling at run time does.
 */
import { standaloneModule, standaloneOptions } from "../../lib/ajv-standalone.js";
import { createSpecAjv, JSON_TEXT_LENGTH, precompiledPointers } from "../../lib/spec-ajv-instance.js";
import { parseSpecYaml, specId, specSha256 } from "../../lib/spec-document.js";
import type { GeneratedFile } from "../generate.js";

export async function generate(): Promise<GeneratedFile[]> {
  const doc = parseSpecYaml();
  const ajv = createSpecAjv(doc, standaloneOptions);
  const pointers = precompiledPointers(doc);
  const names = pointers.map((_p, i) => `v${i}`);
  const code = standaloneModule(ajv, Object.fromEntries(pointers.map((p, i) => [names[i], specId + p])), {
    source: "openapi/services-v2.yaml",
    generator: "scripts/generate/spec-validators.ts",
    imports: `import { ${JSON_TEXT_LENGTH} } from "../lib/json-length.js";\n`,
  });
  const table = pointers.map((p, i) => `  ${JSON.stringify(p)}: ${names[i]},`).join("\n");
  const content = `${code}

/** The SHA-256 of the spec these validators were compiled from. */
export const specSha256 = ${JSON.stringify(specSha256())};

/** Pointer → validator. */
export const validators = {
${table}
};
`;
  return [{ path: "generated/spec-validators.ts", content }];
}
