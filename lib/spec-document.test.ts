// The parsed copy of the spec (generated/services-v2.json) stands for the YAML only while made from its bytes.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadSpec, parsedSpecPath, parseSpecYaml, specSha256 } from "./spec-document.js";

describe("spec document", () => {
  it("serves the same document as the YAML, from a copy stamped with the YAML's hash", () => {
    const copy = JSON.parse(readFileSync(parsedSpecPath, "utf8")) as { sha256: string; document: unknown };
    expect(copy.sha256).toBe(specSha256());
    expect(copy.document).toEqual(parseSpecYaml());
    expect(loadSpec()).toEqual(copy.document);
    expect(Object.isFrozen(loadSpec().paths)).toBe(true);
  });
});
