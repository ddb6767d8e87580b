// The pre-flight talks to the target as every request of the run does (node:http): a target on a port the
// platform's fetch refuses (the WHATWG "bad ports", e.g. 10080) is reachable all the same (audit, 2026-12-03).
import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkReachable, checkRoles } from "./preflight.js";

const BAD_PORT = 10080;
let server: Server | undefined;
beforeAll(async () => {
  const s = createServer((req, res) => {
    req.resume();
    if (req.url === "/health") res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
    else res.writeHead(404, { "content-type": "application/json" }).end('{"errors":[{"code":4100,"message":"x"}]}');
  });
  // Taken by something else on this machine: the test is skipped, never passed.
  server = await new Promise<Server | undefined>((done) => {
    s.once("error", () => done(undefined));
    s.listen(BAD_PORT, "127.0.0.1", () => done(s));
  });
});
afterAll(() => server?.close());

describe("the pre-flight", () => {
  it("reaches a target on a port fetch refuses", async (ctx) => {
    if (!server) ctx.skip();
    await expect(fetch(`http://127.0.0.1:${BAD_PORT}/health`)).rejects.toThrow();
    await expect(checkReachable(`http://127.0.0.1:${BAD_PORT}`, 2000)).resolves.toBeUndefined();
    await expect(
      checkRoles(`http://127.0.0.1:${BAD_PORT}`, { primary: "dG9r" }, { primary: "IDME_TOKEN_PRIMARY" }, 2000),
    ).resolves.toBeUndefined();
  });
});
