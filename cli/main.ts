/**
 * idme-conformance: one entry point for QA (HTML report), pipelines (exit code + JUnit) and certification
 * (signed summary), all from one run. `npm run conformance -- --help`.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { Command, Option } from "commander";
import { describeRun, generateSigningKey, verifyManifest } from "../reporting/manifest.js";
import { suiteFacts } from "../run/suite-facts.js";
import { nearest } from "../lib/config-problems.js";
import { CannotRunError } from "./errors.js";
import { listValue, value } from "./flag-value.js";
import { registerMergeCommand } from "./merge.js";
import type { RawOptions } from "./options.js";
import { harOption, registerTrafficCommands } from "./traffic.js";
import { processEnv } from "../lib/process-env.js";
import { startAllureEngine } from "../reporting/allure-engine.js";
import { stdinProfileReader } from "./stdin-profile.js";
import { stopSignal } from "./stop-signal.js";

const envHelp = `
Environment:
  IDME_TOKEN_<ROLE>, …   credentials of a foreign target, named by its profile (credentials.<role>: ENV_NAME);
                         the embedded mock always uses its own (yours are ignored, and the banner says so)
  IDME_SIGNING_KEY       signs manifest.json: an ed25519 private key (PEM) or an HMAC secret;
                         the run prints the ed25519 key's fingerprint (verify-manifest --fingerprint)
  NO_COLOR, CI           no colours / no live progress line

Exit codes: 0 conformant within scope (every MUST requirement in scope verified and passed),
1 non-conformant (a MUST requirement failed), 2 could not run (bad flag, profile, --mock-fixtures file or
reports folder, missing or rejected credential, unreachable target, suite defect), 3 incomplete (a MUST requirement in scope
not verified: budget, blocked, timeout, interrupted; or no MUST requirement in scope).

Artifacts (in --reports): certification.md/.json, junit.xml, allure-report/index.html and by-requirement.html,
coverage.md/.json, results.json, decisions.md, manifest.json, vitest.log; allure-results/ with --allure-results.

Examples:
  npm run conformance                                   # whole suite against the embedded mock
  npm run conformance -- --area auth --seed 42          # one area, reproducible
  IDME_TOKEN_PRIMARY=… npm run conformance -- --target https://services.idmelabs.com \\
      --profile profiles/sandbox.yaml --budget 600
  npm run conformance -- --shard 2/3 --seed 42 --reports shard2   # one part; then, with all parts:
  npm run conformance -- merge shard1 shard2 shard3 --reports final
  npm run conformance -- verify-manifest reports/ --fingerprint <sha256 of the signer's public key>`;

/** The CLI; `env` is the process environment, read once by `main` and handed down. */
export function buildProgram(exit: (code: number) => void, env: NodeJS.ProcessEnv): Command {
  const program = new Command("idme-conformance")
    .description("Conformance suite for the ID.me Services API v2: runs the suite against a target and writes the reports.")
    .version(suiteFacts().version, "--version", "print the suite's version")
    .enablePositionalOptions()
    .option("--target <url>", "base URL of a foreign target (default: the profile's baseUrl, else the embedded mock)", value("--target"))
    .option(
      "--profile <file>",
      "target profile, YAML or JSON, or - for standard input (default: profiles/mock.yaml; a foreign target: profiles/sandbox.yaml)",
      value("--profile"),
    )
    .option("--area <list>", "only these areas (comma-separated, e.g. auth,input)", listValue("--area"))
    .option("--requirement <list>", "only these requirement ids (comma-separated); adds to --area", listValue("--requirement"))
    .option("--budget <n>", "request budget (overrides the profile's requestBudget)", value("--budget"))
    .option("--reports <dir>", "output folder", value("--reports"), "reports")
    .option("--seed <n>", "generator seed (default: random, printed)", value("--seed"))
    .option("--today <YYYY-MM-DD>", "the injected 'today' (UTC)", value("--today"))
    .option("--mock-faults <list>", "fault ids for the embedded mock (comma-separated; --list shows them)", listValue("--mock-faults"))
    .option("--mock-fixtures <file>", "fixtures file for the embedded mock (YAML or JSON)", value("--mock-fixtures"))
    .option(
      "--shard <i/n>",
      "run part i of n: the areas dealt to it (rate-limit and webhook together), a share of the budget; give every part the same --seed, then `merge` them",
      value("--shard"),
    )
    .option("--no-html", "skip the HTML report (index.html, by-requirement.html; faster)")
    .option("--allure-results", "also write Allure's raw results (allure-results/) for other Allure tools (TestOps, allure generate)")
    .option("--har <file>", "also write the run's exchanges (redacted) as HAR 1.2, to judge again later with `judge`", value("--har"))
    .addOption(new Option("--quiet", "print only failures, blocked tests and the summary"))
    .option("--list", "list the areas, the requirements (id, level, title) and the embedded mock's faults, then exit")
    .addHelpText("after", envHelp)
    .action(async (raw: RawOptions & { list?: boolean; har?: string }) => {
      if (raw.list) {
        const { listing } = await import("./list.js");
        process.stdout.write(listing());
        return exit(0);
      }
      // A stop is the run's to handle from here on, while its modules still load (a second one ends the process).
      let started = false;
      const signal = stopSignal(() =>
        started
          ? "stopping: ending the tests under way at their next request or wait, then writing what was verified so far…"
          : "stopping before the run started…",
      );
      // Allure's process, started before the run's modules load: it loads Allure on CPU the run leaves idle.
      const allureEngine = raw.html === false ? undefined : startAllureEngine(env);
      // Loaded here, not at start: the fault catalogue and the run's modules cost ~0.3 s that
      // --version, --help, verify-manifest and keygen do not need.
      const { parseRunOptions } = await import("./options.js");
      const { request, output } = parseRunOptions(raw);
      const har = await harOption(raw.har, env);
      const { runConformance } = await import("./run.js");
      if (signal.aborted) {
        await allureEngine?.close();
        process.stderr.write(`interrupted before the run started: nothing was verified, ${raw.reports ?? "reports"}/ is as it was\n`);
        return exit(3);
      }
      started = true;
      const run = await runConformance(request, output, {
        out: (t) => process.stdout.write(t),
        err: (t) => process.stderr.write(t),
        env,
        isTTY: process.stderr.isTTY === true,
        signal,
        readStdin: stdinProfileReader(process.stdin.isTTY === true, (t) => process.stderr.write(t)),
        ...(allureEngine ? { allureEngine } : {}),
      });
      har?.(run.paths.results);
      exit(run.code);
    });

  program
    .command("verify-manifest")
    .description(
      "check every artifact of a run and its facts against manifest.json, and the signature against the expected signer; exit 0 verified (an unsigned manifest: integrity only), 1 tampered, unsigned with --require-signature, or signed and no / another key",
    )
    .argument("[dir]", "reports folder", "reports")
    .option("--key-file <file>", "the signer's ed25519 public key (PEM; a private key works too), or a file holding the HMAC secret")
    .option("--fingerprint <sha256>", "SHA-256 (hex) of the signer's ed25519 public key (SPKI DER), as keygen and the signing run print it")
    .option("--require-signature", "fail on an unsigned manifest instead of passing it as integrity only")
    .action((dir: string, opts: { keyFile?: string; fingerprint?: string; requireSignature?: boolean }) => {
      let key: string | undefined;
      try {
        key = opts.keyFile ? readFileSync(resolve(opts.keyFile), "utf8").trim() : undefined;
      } catch {
        throw new CannotRunError(`cannot read --key-file ${opts.keyFile}`);
      }
      // No such folder is a mistyped argument (exit 2); a folder without its manifest stays unverified (exit 1).
      if (!existsSync(resolve(dir)) || !statSync(resolve(dir)).isDirectory())
        throw new CannotRunError(`verify-manifest: ${dir} is not a folder; name the reports folder of a run (default: reports)`);
      const r = verifyManifest(resolve(dir), { key, fingerprint: opts.fingerprint, requireSignature: opts.requireSignature === true });
      if (r.ok) for (const line of [...(r.run ? describeRun(r.run) : []), r.summary]) console.log(line);
      else for (const p of r.problems) console.error(p);
      exit(r.ok ? 0 : 1);
    });

  program
    .command("keygen")
    .description(
      "print a fresh ed25519 key pair (PEM) for IDME_SIGNING_KEY, and the public key's fingerprint for verify-manifest --fingerprint",
    )
    .action(() => {
      const k = generateSigningKey();
      console.log(`${k.privateKey}${k.publicKey}fingerprint ${k.fingerprint}`);
      exit(0);
    });
  registerMergeCommand(program, exit, () => env.IDME_SIGNING_KEY || undefined);
  registerTrafficCommands(program, exit, env);
  return program;
}

/**
 * Commander's excess-arguments error as one line that names the unexpected word and what is meant instead: the run
 * takes options only, and a word that is not one of the commands is probably a mistyped one or a value without its
 * flag. Undefined for any other error.
 */
export function excessArguments(
  text: string,
  args: readonly string[],
  commands: readonly string[],
  valueFlags: ReadonlySet<string>,
): string | undefined {
  if (!/too many arguments\./.test(text)) return undefined; // the run's; a command's names itself ("… for 'keygen'")
  const word = args.find((a, i) => !a.startsWith("-") && !commands.includes(a) && !valueFlags.has(args[i - 1] ?? ""));
  const near = word === undefined ? undefined : nearest(word, commands);
  const what = word === undefined ? "an unexpected argument" : `unexpected argument "${word}"`;
  return `error: ${what}: the run takes options only (see --help)${near ? `; did you mean the command "${near}"?` : `; the commands are ${commands.join(", ")}`}\n`;
}

/** `error: unknown option '--x'\n(Did you mean --y?)\n` as one line. */
export const oneLineError = (text: string): string => `${text.trim().replace(/\s*\n\s*\(Did you mean (.+)\?\)$/, " (did you mean $1?)")}\n`;

export async function main(argv: string[] = process.argv): Promise<void> {
  const exit = (code: number) => process.exit(code);
  const program = buildProgram(exit, processEnv());
  // Help and version exit 0; any usage error is "could not run" — a command's too (commander gives it exit 1, which
  // verify-manifest means as "tampered"). A command made before this call does not inherit it: each gets it.
  for (const c of [program, ...program.commands]) c.exitOverride((e) => process.exit(e.exitCode === 0 ? 0 : 2));
  const commands = program.commands.map((c) => c.name());
  const valueFlags = new Set(
    program.options.filter((o) => o.required || o.optional).flatMap((o) => [o.long, o.short].filter((f): f is string => f !== undefined)),
  );
  // Commander's "too many arguments" names neither the word nor what the CLI takes instead; its did-you-mean is a
  // second line.
  for (const c of [program, ...program.commands])
    c.configureOutput({
      outputError: (text, write) => write(excessArguments(text, argv.slice(2), commands, valueFlags) ?? oneLineError(text)),
    });
  // Node exits 0 when nothing keeps its event loop alive — e.g. a fetch that never settles after a
  // connection reset (its AbortSignal timer is unref'd). A pipeline would read that as "conformant":
  // keep the loop alive for the whole run, and treat a drained loop as "could not run".
  const keepAlive = setInterval(() => {}, 1 << 30);
  process.once("beforeExit", () => {
    console.error("could not run: the run ended without a verdict (a request never settled)");
    process.exit(2);
  });
  try {
    await program.parseAsync(argv);
  } catch (e) {
    const msg =
      e instanceof CannotRunError ? e.message : `${(e as Error)?.name ?? "Error"}: ${String((e as Error)?.message ?? e).split("\n")[0]}`;
    console.error(`could not run: ${msg}`);
    process.exit(2);
  } finally {
    clearInterval(keepAlive);
  }
}

const invokedDirectly = process.argv[1] && /cli[\\/]main\.[tj]s$/.test(process.argv[1]);
if (invokedDirectly) void main();
