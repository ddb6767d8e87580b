/**
 * Regenerates every committed file under generated/ (or, with --check, fails when one is stale).
 * Each module in scripts/generate/ exports `generate(): Promise<GeneratedFile[]>`.
 */
import { readFile, writeFile, readdir, mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export interface GeneratedFile {
  path: string;
  content: string;
}

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

export async function collectGenerated(): Promise<GeneratedFile[]> {
  const dir = join(root, "scripts", "generate");
  const modules = (await readdir(dir)).filter((f) => f.endsWith(".ts")).sort();
  const files: GeneratedFile[] = [];
  for (const m of modules) {
    const mod = (await import(pathToFileURL(join(dir, m)).href)) as { generate: () => Promise<GeneratedFile[]> };
    files.push(...(await mod.generate()));
  }
  return files;
}

async function main(check: boolean): Promise<number> {
  const stale: string[] = [];
  for (const f of await collectGenerated()) {
    const abs = join(root, f.path);
    const current = await readFile(abs, "utf8").catch(() => undefined);
    if (current === f.content) continue;
    if (check) stale.push(f.path);
    else {
      await mkdir(dirname(abs), { recursive: true });
      await writeFile(abs, f.content);
      console.log(`wrote ${f.path}`);
    }
  }
  if (stale.length > 0) {
    console.error(`Stale generated files (run npm run generate and commit): ${stale.join(", ")}`);
    return 1;
  }
  if (check) console.log("generated/ is fresh");
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  process.exitCode = await main(process.argv.includes("--check"));
}
