import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CannotRunError } from "./errors.js";
import { checkReportsFolder } from "./reports-folder.js";

const work = mkdtempSync(join(tmpdir(), "idme-reports-folder-"));
afterAll(() => {
  chmodSync(join(work, "read-only"), 0o755);
  rmSync(work, { recursive: true, force: true });
});
const file = join(work, "F");
writeFileSync(file, "");
mkdirSync(join(work, "read-only"), { mode: 0o555 });

describe("the reports folder, checked before a run", () => {
  it("accepts an existing folder, and one that can be created (left uncreated until the reports are written)", () => {
    expect(() => checkReportsFolder(work, "--reports")).not.toThrow();
    const later = join(work, "new", "deeper");
    expect(() => checkReportsFolder(later, "--reports")).not.toThrow();
    expect(existsSync(join(work, "new"))).toBe(false);
  });

  it("refuses a file, and a folder under a file (ENOTDIR), in one line naming the flag and the file", () => {
    expect(() => checkReportsFolder(file, "--reports")).toThrow(
      new CannotRunError(`--reports ${file} is a file, not a folder; name a folder you can write to`),
    );
    expect(() => checkReportsFolder(join(file, "sub"), "--out")).toThrow(
      new CannotRunError(`--out ${join(file, "sub")} cannot be created: ${file} is a file, not a folder; name a folder you can write to`),
    );
  });

  // root writes through a read-only mode: there the check rightly lets it pass.
  it.skipIf(process.getuid?.() === 0)("refuses a read-only folder, and a folder to create in one", () => {
    const ro = join(work, "read-only");
    expect(() => checkReportsFolder(ro, "--reports")).toThrow(
      new CannotRunError(`--reports ${ro} cannot be written: the folder is not writable (EACCES); name a folder you can write to`),
    );
    expect(() => checkReportsFolder(join(ro, "sub"), "--reports")).toThrow(/its parent .*read-only is not writable \(EACCES\)/);
  });
});
