// `npm run build` (and prepack): dist/ from scratch with the pinned tsc. Plain node, so it needs no tsx.
// tsc emits no .d.ts inputs: generated/api.d.ts (the spec's types) is copied beside the compiled code.
import { execFileSync } from "node:child_process";
import { copyFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";

const root = new URL("..", import.meta.url);
const at = (p) => new URL(p, root).pathname;
rmSync(at("dist"), { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
execFileSync(process.execPath, [tsc, "-p", at("tsconfig.build.json")], { stdio: "inherit" });
copyFileSync(at("generated/api.d.ts"), at("dist/generated/api.d.ts"));
