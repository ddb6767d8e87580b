// Where a bin's code is: the TypeScript sources in a checkout (run through tsx, no build step),
// else the compiled JavaScript in dist/ (an installed package ships no sources and no tsx).
import { existsSync } from "node:fs";

/** Imports `<module>` (e.g. "cli/main") from the sources when they are here, else from dist/. */
export async function load(module) {
  const source = new URL(`../${module}.ts`, import.meta.url);
  if (existsSync(source)) {
    const { register } = await import("tsx/esm/api");
    register();
    return import(source.href);
  }
  return import(new URL(`../dist/${module}.js`, import.meta.url).href);
}
