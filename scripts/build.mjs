// `npm run build` (and `prepare`, which npm runs after `npm install` / `npm ci` in a checkout and before
// `npm pack`): dist/ from scratch with the pinned tsc, then the hash of the sources it was built from
// (bin/sources-hash.mjs), which tells a bin whether dist/ is current. Emit only (--noCheck, ~3× faster):
// type checking is `npm test`'s first step (`npm run typecheck`). Plain node, so it needs no tsx.
// tsc emits no .d.ts inputs: generated/api.d.ts (the spec's types) is copied beside the compiled code.
import { execFileSync } from "node:child_process";
import { copyFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { distIsFresh, sourcesHash, STAMP } from "../bin/sources-hash.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const at = (p) => new URL(p, new URL("..", import.meta.url)).pathname;
// `--if-stale` (npm test, npm run test:dist): only when dist/ no longer matches the sources, so the CLI processes the
// tests start run compiled code (~0.7 s to their banner) rather than the sources through tsx (~2 s) after an edit.
if (process.argv.includes("--if-stale") && distIsFresh(root)) process.exit(0);
rmSync(at("dist"), { recursive: true, force: true });
// TypeScript 7 (the native compiler, ~6× faster here); `typescript` 5.9 stays for openapi-typescript's API.
const tsc = join(dirname(createRequire(import.meta.url).resolve("typescript-7/package.json")), "bin", "tsc");
execFileSync(process.execPath, [tsc, "-p", at("tsconfig.build.json"), "--noCheck"], { stdio: "inherit" });
copyFileSync(at("generated/api.d.ts"), at("dist/generated/api.d.ts"));
writeFileSync(at(`dist/${STAMP}`), `${sourcesHash(root)}\n`);
