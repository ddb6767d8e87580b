/**
 * Library API: `startMock` — the embedded sandbox stand-in for an SDK's own tests (vitest, jest, mocha),
 * without running the suite. A thin, stable face over mock/server.ts.
 */
import { faultsById } from "../faults/catalogue.js";
import { checkFixtures, loadFixturesFile } from "../mock/fixtures-file.js";
import { startMock as startServer } from "../mock/server.js";
import type { FixturesInput, Role } from "../mock/types.js";

export type { FixturesInput as MockFixtures, Role } from "../mock/types.js";

export interface MockServerOptions {
  /** port to listen on; 0 (default) takes any free port */
  port?: number;
  /** address to bind (default 127.0.0.1) */
  host?: string;
  /**
   * fixtures replacing the defaults: an object, or a YAML/JSON file (profiles/mock-fixtures.example.yaml); either
   * is checked against profiles/mock-fixtures.schema.json first (the error lists every problem)
   */
  fixtures?: FixturesInput | string;
  /** ids of deviations to apply (`idme-conformance --list` shows them): a deliberately non-conformant mock */
  faults?: readonly string[];
  /** log every request to stderr */
  logger?: boolean;
}

export interface MockServer {
  /** e.g. http://127.0.0.1:43117 (no trailing slash) */
  baseUrl: string;
  /** role → Base64 token the mock accepts (`Authorization: Bearer ID.me <token>`) */
  tokens: Record<Role, string>;
  /** stops webhooks, timers and the server */
  close(): Promise<void>;
}

export async function startMock(options: MockServerOptions = {}): Promise<MockServer> {
  const fixtures =
    typeof options.fixtures === "string"
      ? loadFixturesFile(options.fixtures)
      : options.fixtures === undefined
        ? undefined
        : checkFixtures(options.fixtures, "(the fixtures option)");
  const mock = await startServer({
    port: options.port ?? 0,
    host: options.host ?? "127.0.0.1",
    faults: faultsById(options.faults ?? []),
    ...(fixtures ? { fixtures } : {}),
    logger: options.logger === true,
  });
  return { baseUrl: mock.baseUrl, tokens: mock.tokens, close: () => mock.close() };
}
