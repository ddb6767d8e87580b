#!/usr/bin/env node
// The static checks of `npm test`, run at once (each one-threaded most of its time: ~7.5 s one after another,
// ~4 s together on 2 cores): types, lint and format, the spec's lint, the generated code's freshness. Each one's
// output is printed whole, in this order, once it ends; the exit code is 1 if any failed.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const node = process.execPath;
// Their output is piped and printed later: in colour only when this script writes to a terminal.
const tty = process.stdout.isTTY === true;
const CHECKS = [
  ["types", [node, "node_modules/typescript-7/bin/tsc", "--noEmit", "--pretty", String(tty)]],
  ["lint", [node, "node_modules/@biomejs/biome/bin/biome", "check", "."]],
  ["spec lint", [node, "node_modules/tsx/dist/cli.mjs", "scripts/lint-spec.ts"]],
  ["generated code", [node, "node_modules/tsx/dist/cli.mjs", "scripts/generate.ts", "--check"]],
];
/** Longer than any check takes on a loaded machine; a hung one is stopped and fails. */
const TIMEOUT_MS = 5 * 60_000;

function run([name, [cmd, ...args]]) {
  return new Promise((done) => {
    const child = spawn(cmd, args, { cwd: root, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, FORCE_COLOR: tty ? "1" : "0" } });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), TIMEOUT_MS);
    child.on("error", (e) => (output += `${e.message}\n`));
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      done({ name, ok: code === 0, why: signal ? `stopped (${signal}) after ${TIMEOUT_MS / 1000} s` : `exit ${code}`, output });
    });
  });
}

const results = await Promise.all(CHECKS.map(run));
for (const r of results) {
  process.stdout.write(`${r.ok ? "✓" : "✗"} ${r.name}${r.ok ? "" : ` (${r.why})`}\n`);
  if (!r.ok || r.output.trim()) process.stdout.write(`${r.output.trimEnd().replace(/^/gm, "  ")}\n`);
}
process.exit(results.every((r) => r.ok) ? 0 : 1);
