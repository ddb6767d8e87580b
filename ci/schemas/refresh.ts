/**
 * Re-derives the vendored schemas from the npm packages that ship them (no other host is
 * reachable): `npx tsx ci/schemas/refresh.ts`, then update the table in ci/schemas/README.md.
 * - github-workflow.json, github-action.json: SchemaStore's files as embedded, verbatim, in the
 *   WebAssembly of @action-validator/core (compiled in from its SchemaStore submodule).
 * - gitlab-ci.json: GitLab's ci.json as bundled (an object literal) in gitlab-ci-local's dist/index.js.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runInNewContext } from "node:vm";

export const SOURCES = {
  actionValidator: "@action-validator/core@0.6.0",
  gitlabCiLocal: "gitlab-ci-local@4.75.1",
} as const;

const here = new URL(".", import.meta.url).pathname;

function unpack(spec: string, into: string): string {
  const tgz = execFileSync("npm", ["pack", spec, "--silent", "--pack-destination", into], { encoding: "utf8" }).trim();
  const dir = join(into, tgz.replace(/\.tgz$/, ""));
  mkdirSync(dir, { recursive: true });
  execFileSync("tar", ["xzf", join(into, tgz), "-C", dir]);
  return join(dir, "package");
}

/** End index (exclusive) of the JSON object or JS literal that opens at `start`, skipping strings. */
export function literalEnd(s: string, start: number): number {
  let depth = 0;
  let quote = "";
  for (let i = start; i < s.length; i++) {
    const c = s[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = "";
    } else if (c === '"' || c === "'" || c === "`") quote = c;
    else if (c === "{" || c === "[") depth++;
    else if ((c === "}" || c === "]") && --depth === 0) return i + 1;
  }
  return -1;
}

/** The embedded SchemaStore document whose $id ends with `name`, as its original bytes. */
function fromWasm(wasm: Buffer, name: string): Buffer {
  const text = wasm.toString("latin1"); // 1 byte = 1 char, so offsets are byte offsets
  const at = text.indexOf(`"$id": "https://json.schemastore.org/${name}"`);
  for (let start = text.lastIndexOf("{", at); start >= 0; start = text.lastIndexOf("{", start - 1)) {
    const end = literalEnd(text, start);
    if (end <= at) continue;
    const bytes = wasm.subarray(start, end);
    try {
      if (JSON.parse(bytes.toString("utf8")).$id?.endsWith(name)) return bytes;
    } catch {}
  }
  throw new Error(`${name} not found in the wasm`);
}

/** GitLab's schema: the literal `{$schema:…,$id:"https://gitlab.com/.gitlab-ci.yml",…}` of the bundle. */
function fromBundle(js: string): string {
  const start = js.lastIndexOf("{$schema:", js.indexOf('$id:"https://gitlab.com/.gitlab-ci.yml"'));
  const literal = js.slice(start, literalEnd(js, start));
  const code = literal.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g, "");
  if (/[=(]/.test(code)) throw new Error("the schema literal contains code"); // data only: no calls, no arrows
  return `${JSON.stringify(runInNewContext(`(${literal})`, Object.create(null), { timeout: 2000 }), null, 2)}\n`;
}

export const sha256 = (b: Buffer | string) => createHash("sha256").update(b).digest("hex");

if (process.argv[1] && /refresh\.ts$/.test(process.argv[1])) {
  const work = mkdtempSync(join(tmpdir(), "ci-schemas-"));
  try {
    const wasm = readFileSync(join(unpack(SOURCES.actionValidator, work), "action_validator_bg.wasm"));
    const bundle = readFileSync(join(unpack(SOURCES.gitlabCiLocal, work), "dist", "index.js"), "utf8");
    const files: Record<string, Buffer | string> = {
      "github-workflow.json": fromWasm(wasm, "github-workflow.json"),
      "github-action.json": fromWasm(wasm, "github-action.json"),
      "gitlab-ci.json": fromBundle(bundle),
    };
    for (const [name, body] of Object.entries(files)) {
      writeFileSync(join(here, name), body);
      console.log(`${name}  sha256 ${sha256(body)}`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
