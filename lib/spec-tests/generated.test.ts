import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { packageRoot } from "../paths.js";
import { generate as generateOperations } from "../../scripts/generate/operations.js";
import { generate as generateTypes } from "../../scripts/generate/api-types.js";

describe("generated files are fresh", () => {
  it.each([
    ["operations", generateOperations],
    ["api-types", generateTypes],
  ] as const)("%s", async (_name, generate) => {
    const files = await generate();
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      expect(f.content.startsWith("// generated from openapi/services-v2.yaml; do not edit")).toBe(true);
      expect(readFileSync(join(packageRoot, f.path), "utf8"), `${f.path} is stale: npm run generate`).toBe(f.content);
    }
  });
});
