/**
 * The client's call sites of the redactor: one request, with the canary token in its path, query
 * and Authorization header, to a server that echoes it back escaped, in headers and re-encoded.
 * Everything the Exchange keeps (url, path, headers, body preview, curl, response headers and text)
 * must be free of every form of the token and its secret.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createScanner } from "../reporting/secrets-scan.js";
import { loadProfile, mockProfilePath } from "../run/profile.js";
import { secretsOf, type WorkerPlan } from "../run/worker-plan.js";
import { createClient } from "./client.js";
import { writeFileSync } from "node:fs";

const secret = `canary-client/${process.pid}+&"é`;
const token = Buffer.from(secret).toString("base64");
const runDir = mkdtempSync(join(tmpdir(), "client-redaction-"));
let server: Server;
let baseUrl = "";

beforeAll(async () => {
  server = createServer((req, res) => {
    const auth = req.headers.authorization ?? "";
    const t = auth.split(/\s+/).at(-1)!;
    const escaped = `\\u00${t.charCodeAt(0).toString(16)}${t.slice(1)}`;
    res.writeHead(200, {
      "content-type": "application/json",
      "x-echo": auth,
      "x-echo-hex": Buffer.from(secret).toString("hex"),
      [`x-${Buffer.from(t).toString("hex").slice(0, 40)}`]: "1",
    });
    res.end(`{"echo":"${escaped}","path":${JSON.stringify(req.url)},"b64":"${Buffer.from(`ab${t}`).toString("base64")}"}`);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
  rmSync(runDir, { recursive: true, force: true });
});

it("keeps no form of the token or its secret in any part of an Exchange", async () => {
  const counterFile = join(runDir, "budget.count");
  writeFileSync(counterFile, "");
  const credentials = { primary: token };
  const plan: WorkerPlan = {
    id: "redaction",
    baseUrl,
    embeddedMock: false,
    profile: loadProfile(mockProfilePath).profile,
    credentials,
    credentialVars: { primary: "IDME_TOKEN_PRIMARY" },
    rateLimitedPool: [],
    secrets: secretsOf(credentials),
    seed: 1,
    today: "2026-01-01",
    budget: { limit: 10, counterFile },
    stopFile: `${counterFile}.stop`,
  };
  const api = createClient(plan, () => {});
  const x = await api.request("GET", `/api/v2/telecom/${encodeURIComponent(token)}?s=${encodeURIComponent(secret)}`, {
    headers: { "X-Note": `sent ${secret}` },
    body: { token },
  });
  expect(x.status).toBe(200);
  expect(x.json()).toMatchObject({ echo: "$IDME_TOKEN" });
  expect(x.request.path).toBe("/api/v2/telecom/$IDME_TOKEN?s=$IDME_TOKEN");
  expect(x.request.headers.Authorization).toBe("Bearer ID.me $IDME_TOKEN");
  expect(x.request.curl).toContain(`-H "Authorization: Bearer ID.me $IDME_TOKEN_PRIMARY"`);
  const kept = JSON.stringify({ request: x.request, response: x.response, summary: x.summary(), json: x.json() });
  expect(createScanner([token, secret]).scanString(kept)).toEqual([]);
});
