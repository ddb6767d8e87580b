// Which modules a compiled run's workers load natively (run/launcher.ts): the package's own, never its suite files.
import { describe, expect, it } from "vitest";
import { compiledModulesOf } from "./launcher.js";

describe("compiledModulesOf", () => {
  const pattern = compiledModulesOf("/opt/x+y (1)/node_modules/idme-conformance/dist");
  it.each([
    ["/opt/x+y (1)/node_modules/idme-conformance/dist/harness/client.js", true],
    ["/opt/x+y (1)/node_modules/idme-conformance/dist/generated/spec-validators.js", true],
    ["/opt/x+y (1)/node_modules/idme-conformance/dist/suites/auth/legacy-scheme.test.js", false],
    ["/opt/x+y (1)/node_modules/idme-conformance/distant/harness/client.js", false],
    ["/opt/xxy (1)/node_modules/idme-conformance/dist/harness/client.js", false],
  ])("%s → %s", (id, external) => {
    expect(pattern.test(id)).toBe(external);
  });

  it("reads a Windows folder as vite writes its ids, with forward slashes", () => {
    expect(compiledModulesOf("C:\\work\\pkg\\dist").test("C:/work/pkg/dist/harness/client.js")).toBe(true);
  });
});
