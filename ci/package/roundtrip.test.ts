/**
 * The package as a user gets it: `npm pack` (its `prepare` builds dist/) in a copy of the sources, so the
 * checkout's own dist/ — which the CLI tests beside this file run — is never rebuilt under them; then the tarball installed in an
 * empty folder from the tarball and the local npm cache only (`npm ci --offline`, see lockfile.ts), then
 * the two bins run with plain node and the consumer project (ci/consumer/) uses the library by name.
 */
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { packageRoot } from "../../lib/paths.js";
import { childEnv } from "../../lib/process-env.js";
import { consumerLockfile } from "./lockfile.js";

const pkg = JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as { name: string; version: string; files: string[] };
const work = mkdtempSync(join(tmpdir(), "idme-pack-"));
const app = join(work, "consumer");
// Only PATH and HOME: the npm lifecycle variables of an outer `npm test` must not steer the inner npm commands.
const env = childEnv();
const run = (cmd: string, args: string[], cwd: string, timeout = 120_000) => spawnSync(cmd, args, { cwd, env, encoding: "utf8", timeout });
let files: string[] = [];

/** What `npm pack` needs to build and pack: package.json's `files`, the compiled folders, the build's own files. */
function copySources(to: string): void {
  const { include } = JSON.parse(readFileSync(join(packageRoot, "tsconfig.build.json"), "utf8")) as { include: string[] };
  const build = ["package.json", "tsconfig.json", "tsconfig.build.json", "scripts/build.mjs"];
  for (const f of new Set([...pkg.files.filter((f) => f !== "dist/"), ...include, ...build]))
    if (existsSync(join(packageRoot, f))) cpSync(join(packageRoot, f), join(to, f), { recursive: true });
  symlinkSync(join(packageRoot, "node_modules"), join(to, "node_modules"));
}

beforeAll(() => {
  const sources = join(work, "sources");
  copySources(sources);
  const [packed] = JSON.parse(
    execFileSync("npm", ["pack", "--json", "--pack-destination", work], {
      cwd: sources,
      env,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    }),
  ) as { filename: string; files: { path: string }[] }[];
  files = packed.files.map((f) => f.path);
  cpSync(join(packageRoot, "ci", "consumer"), app, { recursive: true });
  cpSync(join(work, packed.filename), join(app, "idme-services-v2-conformance.tgz"));
  const consumer = JSON.parse(readFileSync(join(app, "package.json"), "utf8"));
  const lock = consumerLockfile(JSON.parse(readFileSync(join(packageRoot, "package-lock.json"), "utf8")), {
    name: consumer.name,
    dependency: consumer.dependencies[pkg.name],
    devDependencies: consumer.devDependencies,
  });
  writeFileSync(join(app, "package-lock.json"), `${JSON.stringify(lock, null, 2)}\n`);
  const install = run("npm", ["ci", "--offline", "--no-audit", "--no-fund", "--loglevel=error"], app, 240_000);
  if (install.status !== 0) throw new Error(`npm ci --offline failed: ${install.stderr.trim().split("\n").slice(-3).join(" ")}`);
}, 400_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("the packed tarball, installed in an empty folder", () => {
  it("ships the compiled code, the data files and the licence; no sources, tests or tools", () => {
    for (const f of ["dist/api/index.js", "dist/api/index.d.ts", "dist/cli/main.js", "bin/idme-conformance.mjs", "bin/idme-mock.mjs"])
      expect(files).toContain(f);
    for (const f of [
      "openapi/services-v2.yaml",
      "profiles/mock.yaml",
      "profiles/profile.schema.json",
      "docs/decisions.md",
      "LICENSE",
      "CHANGELOG.md",
    ])
      expect(files).toContain(f);
    expect(files.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))).toEqual([]);
    expect(files.filter((f) => /\.test\.js$/.test(f) && !f.startsWith("dist/suites/"))).toEqual([]);
    expect(files.filter((f) => /^(ci|bench|scripts|robustness|node_modules)\//.test(f))).toEqual([]);
  });

  it("npx idme-conformance --version prints package.json's version", () => {
    const r = run("npx", ["--no-install", "idme-conformance", "--version"], app);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it("npx idme-conformance --no-html runs the whole suite against the embedded mock: exit 0", () => {
    const r = run("npx", ["--no-install", "idme-conformance", "--no-html", "--quiet", "--reports", "reports"], app, 300_000);
    expect(r.status, r.stderr + r.stdout.slice(-2000)).toBe(0);
    const c = JSON.parse(readFileSync(join(app, "reports", "certification.json"), "utf8"));
    expect([c.verdict, c.facts.suite.version, c.facts.suite.commit, c.facts.profile.path]).toEqual([
      "conformant",
      pkg.version,
      null,
      "profiles/mock.yaml",
    ]);
    expect(c.scope.must.passed).toBe(c.scope.must.inScope);
  }, 300_000);

  it("idme-mock starts, answers GET /health and exits 0 on SIGTERM", async () => {
    const mock = spawn(join(app, "node_modules", ".bin", "idme-mock"), ["--port", "0"], {
      cwd: app,
      env,
      stdio: ["ignore", "pipe", "inherit"],
    });
    try {
      const [line] = await Promise.race([
        new Promise<string[]>((ok) => createInterface({ input: mock.stdout }).once("line", (l) => ok([l]))),
        new Promise<never>((_, no) => setTimeout(() => no(new Error("idme-mock printed nothing in 20 s")), 20_000)),
      ]);
      const { baseUrl, tokens } = JSON.parse(line) as { baseUrl: string; tokens: Record<string, string> };
      expect(tokens.primary).toBeTruthy();
      expect((await fetch(`${baseUrl}/health`)).status).toBe(200);
      const exited = new Promise<number | null>((ok) => mock.once("exit", (code) => ok(code)));
      mock.kill("SIGTERM");
      expect(await exited).toBe(0);
    } finally {
      mock.kill("SIGKILL");
    }
  }, 60_000);

  it("the consumer project's tests use the library by its name (node --test)", () => {
    const r = run(process.execPath, ["--test", "sdk.test.mjs"], app, 120_000);
    expect(r.status, r.stdout.slice(-3000)).toBe(0);
    expect(r.stdout).toMatch(/# pass 4/);
  }, 120_000);

  it("the consumer's TypeScript type-checks against the published types", () => {
    const tsc = join(packageRoot, "node_modules", "typescript", "bin", "tsc");
    const r = run(process.execPath, [tsc, "-p", "tsconfig.json"], app);
    expect(r.status, r.stdout).toBe(0);
  }, 120_000);
});
