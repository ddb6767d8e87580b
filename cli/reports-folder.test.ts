import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
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

  // Node's recursive mkdir loops for ever on /proc/x (ENOENT for a parent that exists): the check must end first.
  it.skipIf(!existsSync("/proc/self"))("refuses a folder of /proc, whose permission bits let root write, in one line", () => {
    // As root (CI) the permission bits pass and the folder made at once is refused; as anyone else the bits refuse.
    const refusal = process.getuid?.() === 0 ? "takes no new folder (ENOENT)" : "is not writable (EACCES)";
    expect(() => checkReportsFolder("/proc/idme-reports", "--reports")).toThrow(
      new CannotRunError(`--reports /proc/idme-reports cannot be written: its parent /proc ${refusal}; name a folder you can write to`),
    );
  });

  it("refuses a read-only folder, and a folder to create in one", () => {
    const ro = join(work, "read-only");
    expect(checkAsUser(ro)).toBe(`--reports ${ro} cannot be written: the folder is not writable (EACCES); name a folder you can write to`);
    expect(checkAsUser(join(ro, "sub"))).toMatch(/its parent .*read-only is not writable \(EACCES\)/);
  });
});

const NOBODY = 65534;

/**
 * The check's message for `dir`, from this process, or — as root, who writes through a read-only mode (there the
 * check rightly lets it pass) — from a child process run as `nobody`, so that CI, which runs as root, tests it too.
 */
function checkAsUser(dir: string): string {
  const asRoot = process.getuid?.() === 0;
  if (!asRoot) {
    try {
      checkReportsFolder(dir, "--reports");
      return "accepted";
    } catch (e) {
      return (e as Error).message;
    }
  }
  chmodSync(work, 0o755); // mkdtemp made it 0700: nobody could not even reach the read-only folder
  const module = fileURLToPath(new URL("./reports-folder.ts", import.meta.url));
  const script = `import { checkReportsFolder } from ${JSON.stringify(module)};
try { checkReportsFolder(${JSON.stringify(dir)}, "--reports"); console.log("accepted"); } catch (e) { console.log(e.message); }`;
  const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    uid: NOBODY,
    gid: NOBODY,
    cwd: fileURLToPath(new URL("..", import.meta.url)), // where --import finds tsx
    encoding: "utf8",
    timeout: 30_000,
  });
  if (child.status !== 0) throw new Error(`the check as nobody did not run (${child.status}): ${child.stderr}`);
  return child.stdout.trim();
}
