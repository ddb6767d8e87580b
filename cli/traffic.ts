/**
 * The traffic commands of `idme-conformance` (traffic/): `proxy`, `judge` and `diff`, and the run's
 * `--har FILE`. Registered on the program by buildProgram (cli/main.ts); the modules behind them load only
 * when one runs. Every problem with a flag is a CannotRunError: one line, exit 2.
 */
import { resolve } from "node:path";
import type { Command } from "commander";
import { CannotRunError } from "./errors.js";
import { value } from "./flag-value.js";
import { checkReportsFolder } from "./reports-folder.js";
import { stopSignal } from "./stop-signal.js";

function positive(flag: string, s: string): number {
  const n = Number(s);
  if (!/^\d+$/.test(s.trim()) || !Number.isSafeInteger(n) || n < 1)
    throw new CannotRunError(`${flag} must be a whole number above 0: ${s}`);
  return n;
}

function urlOf(flag: string, raw: string): string {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new CannotRunError(`${flag} is not a URL: ${raw} (e.g. ${flag} https://services.idmelabs.com)`);
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") throw new CannotRunError(`${flag} must be http(s): ${raw}`);
  if (u.username || u.password)
    throw new CannotRunError(`${flag} must not carry credentials: the client's own Authorization header is forwarded`);
  return raw.replace(/\/+$/, "");
}

/** `127.0.0.1:4011`, `[::1]:4011`, `:4011`, `4011` (port 0: any free port). */
export function listenOf(raw: string): { host: string; port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:]*)):(\d+)$/.exec(raw.trim()) ?? /^()()(\d+)$/.exec(raw.trim());
  const port = Number(m?.[3]);
  if (!m || port > 65535) throw new CannotRunError(`--listen must be HOST:PORT, e.g. --listen 127.0.0.1:4011: ${raw}`);
  return { host: m[1] || m[2] || "127.0.0.1", port };
}

function groupOf(raw: string | undefined): "exchange" | "operation" {
  if (raw === undefined || raw === "exchange" || raw === "operation") return raw ?? "exchange";
  throw new CannotRunError(`--group must be exchange or operation: ${raw}`);
}

const io = (quiet: boolean, env: NodeJS.ProcessEnv) => ({
  out: (t: string) => process.stdout.write(t),
  err: (t: string) => process.stderr.write(t),
  env,
  quiet,
});

interface CommonRaw {
  reports: string;
  group?: string;
  exactMessages?: boolean;
  html?: boolean;
  quiet?: boolean;
}

const common = (c: Command) =>
  c
    .option("--reports <dir>", "output folder", value("--reports"), "reports")
    .option("--group <by>", "one JUnit case / Allure result per exchange or per operation", value("--group"), "exchange")
    .option("--exact-messages", "hold error messages to the catalogue's exact text (D14; SCHEMA-04 becomes a MUST)")
    .option("--no-html", "skip the HTML report (faster)")
    .option("--quiet", "print only violations and the summary");

export function registerTrafficCommands(program: Command, exit: (code: number) => void, env: NodeJS.ProcessEnv): void {
  common(
    program
      .command("proxy")
      .description(
        "forward a client's traffic (an SDK's test run: point its base URL here) to --upstream unchanged, judge every answer by the standard checks, and write the reports on Ctrl-C / SIGTERM; exit code as a run's",
      )
      .requiredOption("--upstream <url>", "the target the traffic goes to (e.g. https://services.idmelabs.com)", value("--upstream"))
      .option("--listen <host:port>", "where the proxy listens (port 0: any free port, printed)", value("--listen"), "127.0.0.1:4011")
      .option("--fail-fast-header", "hold each answer (up to 1 MB) and add x-idme-conformance-violation naming its first violation")
      .option("--max-body-mb <n>", "refuse request bodies over this with 413 (default 64)", value("--max-body-mb"))
      .option("--max-connections <n>", "client connections at once, and sockets to the upstream (default 256)", value("--max-connections"))
      .option("--timeout-ms <n>", "wait for the upstream's answer once a request is sent, else 504 (default 30000)", value("--timeout-ms")),
  ).action(
    async (
      raw: CommonRaw & {
        upstream: string;
        listen: string;
        failFastHeader?: boolean;
        maxBodyMb?: string;
        maxConnections?: string;
        timeoutMs?: string;
      },
    ) => {
      const upstream = urlOf("--upstream", raw.upstream);
      const { host, port } = listenOf(raw.listen);
      const limits = {
        ...(raw.maxBodyMb ? { maxBodyBytes: positive("--max-body-mb", raw.maxBodyMb) * 1024 * 1024 } : {}),
        ...(raw.maxConnections ? { maxConnections: positive("--max-connections", raw.maxConnections) } : {}),
        ...(raw.timeoutMs ? { upstreamResponseMs: positive("--timeout-ms", raw.timeoutMs) } : {}),
      };
      const group = groupOf(raw.group);
      checkReportsFolder(resolve(raw.reports), "--reports");
      const { runProxy } = await import("../traffic/session.js");
      const signal = stopSignal(() => "stopping: finishing the exchanges under way, then judging and writing the reports…");
      let outcome: Awaited<ReturnType<typeof runProxy>>;
      try {
        outcome = await runProxy(
          {
            upstream,
            host,
            port,
            reportsDir: resolve(raw.reports),
            html: raw.html !== false,
            group,
            exactMessages: raw.exactMessages === true,
            failFastHeader: raw.failFastHeader === true,
            limits,
            signal,
          },
          io(raw.quiet === true, env),
        );
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        if (err.code === "EADDRINUSE" || err.code === "EACCES" || err.code === "EADDRNOTAVAIL")
          throw new CannotRunError(
            `cannot listen on ${raw.listen}: ${err.code}; choose another with --listen HOST:PORT (port 0: any free port)`,
          );
        throw e;
      }
      exit(outcome.code);
    },
  );

  common(
    program
      .command("judge")
      .description(
        "judge recorded HTTP Archive files (browsers, Charles, mitmproxy, Postman, Schemathesis, a run's --har) by the standard checks and write the reports; entries that are not Services API v2 calls are skipped with the reason",
      )
      .argument("<files...>", "HAR 1.2 files")
      .option(
        "--base-url <url>",
        "only entries to this origin (and under its path, which is stripped); default: any host",
        value("--base-url"),
      ),
  ).action(async (files: string[], raw: CommonRaw & { baseUrl?: string }) => {
    const baseUrl = raw.baseUrl === undefined ? undefined : urlOf("--base-url", raw.baseUrl);
    const group = groupOf(raw.group);
    checkReportsFolder(resolve(raw.reports), "--reports");
    const [{ runJudge }, { HarError }] = await Promise.all([import("../traffic/session.js"), import("../traffic/har.js")]);
    try {
      const outcome = await runJudge(
        {
          files: files.map((f) => resolve(f)),
          reportsDir: resolve(raw.reports),
          html: raw.html !== false,
          group,
          exactMessages: raw.exactMessages === true,
          ...(baseUrl ? { baseUrl } : {}),
        },
        io(raw.quiet === true, env),
      );
      exit(outcome.code);
    } catch (e) {
      throw e instanceof HarError ? new CannotRunError(e.message) : e;
    }
  });

  program
    .command("diff")
    .description(
      "what changed between two runs' reports folders (requirements newly failing / passing / not verified, OPEN values observed differently, new undocumented answers, requests and latency per area); writes diff.md and diff.json; exit 1 when a requirement newly fails",
    )
    .argument("<old>", "reports folder of the earlier run")
    .argument("<new>", "reports folder of the later run")
    .option("--out <dir>", "where diff.md and diff.json go", value("--out"), "diff")
    .action(async (oldDir: string, newDir: string, raw: { out: string }) => {
      checkReportsFolder(resolve(raw.out), "--out");
      const { mkdirSync, writeFileSync } = await import("node:fs");
      const { join } = await import("node:path");
      const { DiffError, diffLine, diffRuns, readRun, renderDiffMd } = await import("../traffic/diff.js");
      let d: ReturnType<typeof diffRuns>;
      try {
        d = diffRuns(readRun(resolve(oldDir)), readRun(resolve(newDir)));
      } catch (e) {
        throw e instanceof DiffError ? new CannotRunError(e.message) : e;
      }
      const out = resolve(raw.out);
      mkdirSync(out, { recursive: true });
      writeFileSync(join(out, "diff.json"), `${JSON.stringify(d, null, 2)}\n`);
      const md = renderDiffMd(d);
      writeFileSync(join(out, "diff.md"), md);
      const r = d.requirements;
      for (const [label, list] of [
        ["newly failing", r.newlyFailing],
        ["newly passing", r.newlyPassing],
        ["newly not verified", r.newlySkipped],
      ] as const)
        for (const c of list)
          process.stdout.write(`${label}: ${c.id} (${c.level}) ${c.from} → ${c.to}${c.reason ? ` — ${c.reason}` : ""}\n`);
      for (const o of d.observed)
        process.stdout.write(`observed differently: ${o.what} — ${o.before ?? "(none)"} → ${o.now ?? "(none)"}\n`);
      for (const k of d.undocumented.appeared) process.stdout.write(`new undocumented answer: ${k}\n`);
      process.stdout.write(`diff.md and diff.json in ${out}\n`);
      process.stdout.write(`diff: ${diffLine(d)}\n`);
      exit(d.regressed ? 1 : 0);
    });
}

/** `--har FILE` of a run: checked before it starts, written after it (from the run's results.json). */
export async function harOption(path: string | undefined, env: NodeJS.ProcessEnv): Promise<((resultsPath: string) => void) | undefined> {
  if (path === undefined) return undefined;
  const { checkHarPath, writeRunHar } = await import("../traffic/run-har.js");
  let full: string;
  try {
    full = checkHarPath(path);
  } catch (e) {
    throw new CannotRunError((e as Error).message);
  }
  return (resultsPath) => process.stderr.write(`${writeRunHar(resultsPath, full, env)}\n`);
}
