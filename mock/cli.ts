// `npm run mock -- --port 4010 [--host 127.0.0.1] [--fixtures file.yaml|json] [--faults a,b]`:
// starts the mock standalone and prints ONE JSON line {"baseUrl","tokens"} on stdout.
import { Command, InvalidArgumentError } from "commander";
import { faultsById } from "../faults/catalogue.js";
import { loadFixturesFile } from "./fixtures-file.js";
import { startMock } from "./server.js";

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError("a port number 0–65535");
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
  .parse();

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
  process.stderr.write(`idme-mock: ${(err as Error).message}\n`);
  process.exit(2);
}
