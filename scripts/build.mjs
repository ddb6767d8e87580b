// `npm run build` (and `prepare`, which npm runs after `npm install` / `npm ci` in a checkout and before
// `npm pack`): dist/ from scratch with the pinned tsc, then the hash of the sources it was built from
// (bin/sources-hash.mjs), which tells a bin whether dist/ is current. Emit only (--noCheck, ~3× faster):
// type checking is `npm test`'s first step (`npm run typecheck`). Plain node, so it needs no tsx.
// tsc emits no .d.ts inputs: generated/api.d.ts (the spec's types) is copied beside the compiled code.
import { execFileSync } from "node:child_process";
import { copyFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { sourcesHash, STAMP } from "../bin/sources-hash.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const at = (p) => new URL(p, new URL("..", import.meta.url)).pathname;
rmSync(at("dist"), { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
execFileSync(process.execPath, [tsc, "-p", at("tsconfig.build.json"), "--noCheck"], { stdio: "inherit" });
copyFileSync(at("generated/api.d.ts"), at("dist/generated/api.d.ts"));
writeFileSync(at(`dist/${STAMP}`), `${sourcesHash(root)}\n`);
