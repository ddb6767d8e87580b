// `npm run mock -- --port 4010 [--host 127.0.0.1] [--fixtures file.yaml|json] [--faults a,b]`:
// starts the mock standalone and prints ONE JSON line {"baseUrl","tokens"} on stdout.
// Exit codes (README, --help): 0 stopped by SIGINT/SIGTERM; 2 could not start, with one line on stderr.
import { Command, CommanderError, InvalidArgumentError } from "commander";
import { faultsById } from "../faults/catalogue.js";
import { loadFixturesFile } from "./fixtures-file.js";
import { startMock } from "./server.js";

const COULD_NOT_START = 2;

const exitHelp = `
Fixtures: YAML or JSON, schema in profiles/mock-fixtures.schema.json (example: profiles/mock-fixtures.example.yaml).

Exit codes: 0 stopped by SIGINT or SIGTERM; 2 could not start (an unknown option, a bad --port, an unknown
fault id, a fixtures file that is missing or invalid, an address that cannot be bound): one line on stderr says why.`;

/** How to fix what keeps the server from listening, by the error's code. */
const LISTEN_HINTS: Record<string, string> = {
  EADDRINUSE: "another process holds the port: give another --port, or --port 0 for any free one",
  EADDRNOTAVAIL: "no interface of this machine has that address: give another --host (default 127.0.0.1)",
  EACCES: "the port needs privileges: give a --port above 1023",
};

function couldNotStart(message: string): never {
  process.stderr.write(`idme-mock: ${message}\n`);
  process.exit(COULD_NOT_START);
}

function port(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65535) throw new InvalidArgumentError("give a port number 0–65535 (0 = any free port)");
  return n;
}

const program = new Command()
  .name("idme-mock")
  .description("Embedded mock of the ID.me Services API v2 sandbox")
  .option("--port <n>", "port to listen on (0 = any free port)", port, 4010)
  .option("--host <host>", "address to bind", "127.0.0.1")
  .option("--fixtures <file>", "fixtures file (YAML or JSON) replacing the defaults")
  .option("--faults <ids>", "comma-separated fault ids from faults/catalogue.ts")
  .option("--log", "log every request to stderr", false)
  .addHelpText("after", exitHelp)
  // Usage errors are printed below, in the same one-line form as every other reason not to start.
  .configureOutput({ outputError: () => {} })
  .exitOverride();

try {
  program.parse();
} catch (e) {
  if (e instanceof CommanderError && e.exitCode === 0) process.exit(0); // --help
  couldNotStart(`${(e as Error).message.replace(/^error: /, "")} (idme-mock --help lists the options)`);
}

const opts = program.opts<{ port: number; host: string; fixtures?: string; faults?: string; log: boolean }>();

try {
  const mock = await startMock({
    port: opts.port,
    host: opts.host,
    fixtures: opts.fixtures ? loadFixturesFile(opts.fixtures) : undefined,
    faults: faultsById(
      opts.faults
        ? opts.faults
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean)
        : [],
    ),
    logger: opts.log,
  });
  process.stdout.write(`${JSON.stringify({ baseUrl: mock.baseUrl, tokens: mock.tokens })}\n`);
  const shutdown = () => void mock.close().then(() => process.exit(0));
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
} catch (err) {
  const hint = LISTEN_HINTS[(err as NodeJS.ErrnoException).code ?? ""];
  couldNotStart(`${(err as Error).message.split("\n")[0]}${hint ? ` (${hint})` : ""}`);
}
