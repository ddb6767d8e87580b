/** Reads the tables of docs/ARCHITECTURE.md and docs/api-reference.md, so the tests compare the spec with the docs, not with a copy. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../paths.js";

function rows(file: string): string[][] {
  return readFileSync(join(packageRoot, "docs", file), "utf8")
    .split("\n")
    .filter((l) => l.startsWith("|") && !/^\|\s*-/.test(l))
    .map((l) =>
      l
        .split("|")
        .slice(1, -1)
        .map((c) => c.trim()),
    );
}

export interface ArchOperation {
  id: string;
  tag: string;
  method: string;
  path: string;
  product: string | null;
}

/** The operation table of ARCHITECTURE.md. */
export function architectureOperations(): ArchOperation[] {
  return rows("ARCHITECTURE.md")
    .filter((r) => r.length === 4 && /^[a-z][A-Za-z]+$/.test(r[0]) && /^(GET|POST) \//.test(r[2]))
    .map(([id, tag, mp, product]) => {
      const [method, path] = mp.split(" ");
      return { id, tag, method, path, product: /^[a-z.]+$/.test(product) ? product : null };
    });
}

/** The HTTP-level error table of api-reference.md: [status, code, message]. */
export function referenceHttpErrors(): { status: number; code: number; message: string }[] {
  return rows("api-reference.md")
    .filter((r) => r.length === 3 && /^\d{3}$/.test(r[0]) && /^\d{4}$/.test(r[1]))
    .map(([s, c, m]) => ({ status: Number(s), code: Number(c), message: m }));
}

/** The transaction error table of api-reference.md: [family, code, message]. */
export function referenceTransactionErrors(): { family: string; code: number; message: string }[] {
  return rows("api-reference.md")
    .filter((r) => r.length === 3 && /^(telecom|document)$/.test(r[0]) && /^\d{4}$/.test(r[1]))
    .map(([f, c, m]) => ({ family: f, code: Number(c), message: m }));
}
