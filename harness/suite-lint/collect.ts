/**
 * Reads the conformance()/observe() declarations of suites/**\/*.test.ts by regex (no import: the
 * lint must judge the source as written). Table ids are the id-shaped literals of the file.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { packageRoot as projectRoot } from "../../lib/paths.js";

export interface Declaration {
  file: string;
  kind: "conformance" | "observe" | "conformance.for";
  /** The literal id (undefined for tables, whose ids are in `rowIds`). */
  id?: string;
  /** The literal title or title template; undefined when it is not a literal. */
  title?: string;
  line: number;
}

export interface FileScan {
  file: string;
  declarations: Declaration[];
  /** Id-shaped string literals of a file with tables (the ids of table rows). */
  rowIds: string[];
  /** Things the lint refuses outright, e.g. a non-literal id. */
  problems: string[];
}

const STRING = /^\s*("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`[^`$]*`)/;
const unquote = (s: string): string => JSON.parse(s[0] === '"' ? s : `"${s.slice(1, -1).replace(/"/g, '\\"')}"`);

/** Index just past the parenthesis that closes the one at `open`. */
function closeParen(src: string, open: number): number {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    if (src[i] === "(") depth++;
    else if (src[i] === ")" && --depth === 0) return i + 1;
  }
  return src.length;
}

export function scanSource(src: string, file: string): FileScan {
  const scan: FileScan = { file, declarations: [], rowIds: [], problems: [] };
  const lineOf = (at: number): number => src.slice(0, at).split("\n").length;
  for (const m of src.matchAll(/(?<![\w.$])(conformance\.for|conformance|observe)\s*\(/g)) {
    const kind = m[1] as Declaration["kind"];
    const at = m.index + m[0].length;
    const line = lineOf(m.index);
    if (kind === "conformance.for") {
      const after = closeParen(src, at - 1);
      const title = /^\s*\(/.exec(src.slice(after)) ? STRING.exec(src.slice(after).replace(/^\s*\(/, "")) : null;
      if (!title) scan.problems.push(`${file}:${line}: conformance.for(...) needs a literal title`);
      scan.declarations.push({ file, kind, title: title ? unquote(title[1]) : undefined, line });
      continue;
    }
    const id = STRING.exec(src.slice(at));
    if (!id) {
      scan.problems.push(`${file}:${line}: ${kind}() needs a literal requirement id`);
      continue;
    }
    const rest = src.slice(at + id[0].length);
    const title = /^\s*,/.test(rest) ? STRING.exec(rest.replace(/^\s*,/, "")) : null;
    if (!title) scan.problems.push(`${file}:${line}: ${kind}(${id[1]}, …) needs a literal title`);
    scan.declarations.push({ file, kind, id: unquote(id[1]), title: title ? unquote(title[1]) : undefined, line });
  }
  // Table ids: every id-shaped string literal of a file that declares a table (rows may be built by helpers).
  if (scan.declarations.some((d) => d.kind === "conformance.for")) {
    for (const m of src.matchAll(/["'`]([A-Z]+(?:-[A-Z0-9]+)*-\d{2})["'`]/g)) scan.rowIds.push(m[1]);
    if (scan.rowIds.length === 0) scan.problems.push(`${file}: conformance.for(...) rows name no literal requirement id`);
  }
  return scan;
}

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return testFiles(path);
    return e.name.endsWith(".test.ts") ? [path] : [];
  });
}

/** Every conformance test file of suites/ (not suites/_self). */
export function scanSuites(root: string = projectRoot): FileScan[] {
  return testFiles(join(root, "suites"))
    .sort()
    .map((path) => scanSource(readFileSync(path, "utf8"), relative(root, path)));
}
