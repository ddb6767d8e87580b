// Where a bin's code is: the compiled JavaScript in dist/ when it was built from the sources here now (an
// installed package, or a checkout after `npm install`, whose `prepare` builds it: plain node starts the CLI
// ~1.5 s sooner than tsx, BENCHMARKS.md); else, in a checkout whose sources changed since, the TypeScript
// sources through tsx, so an edited source never runs stale code.
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { distIsFresh } from "./sources-hash.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Imports `<module>` (e.g. "cli/main") from dist/ or from the sources, as above. */
export async function load(module) {
  const source = new URL(`../${module}.ts`, import.meta.url);
  if (existsSync(source) && !distIsFresh(root)) {
    const { register } = await import("tsx/esm/api");
    register();
    return import(source.href);
  }
  return import(new URL(`../dist/${module}.js`, import.meta.url).href);
}
