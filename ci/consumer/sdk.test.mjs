// An SDK's own tests against the embedded mock, and a pipeline acting on a run's result: the
// package imported by its name, as a consumer would (node's own runner; vitest, jest or mocha alike).
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { profileSchemaPath, runConformance, startMock, version } from "idme-services-v2-conformance";

const work = mkdtempSync(join(tmpdir(), "consumer-"));
after(() => rmSync(work, { recursive: true, force: true }));

test("startMock: an SDK's tests get a base URL and tokens, then close it", async () => {
  const mock = await startMock();
  try {
    assert.match(mock.baseUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal((await fetch(`${mock.baseUrl}/health`)).status, 200);
    const anonymous = await fetch(`${mock.baseUrl}/api/v2/verification`, { method: "POST" });
    assert.equal(anonymous.status, 401);
    const signedIn = await fetch(`${mock.baseUrl}/api/v2/verification`, {
      method: "POST",
      headers: { authorization: `Bearer ID.me ${mock.tokens.primary}`, "content-type": "application/json" },
      body: "{}",
    });
    assert.notEqual(signedIn.status, 401);
  } finally {
    await mock.close();
  }
});

test("runConformance: the verdict, the requirement table and the artifacts, nothing printed", async () => {
  const printed = [];
  const r = await runConformance({ areas: ["health"], seed: 7, reports: join(work, "reports"), log: (t) => printed.push(t) });
  assert.equal(r.exitCode, 0, r.summary);
  assert.equal(r.verdict, "conformant");
  assert.equal(r.requirements.find((q) => q.id === "HEALTH-01")?.result, "pass");
  assert.equal(r.requirements.find((q) => q.id === "AUTH-01")?.result, "not-selected");
  assert.ok(existsSync(r.artifacts.junit) && existsSync(r.artifacts.certificationJson));
  assert.equal(JSON.parse(readFileSync(r.artifacts.certificationJson, "utf8")).facts.suite.version, version);
  assert.ok(printed.join("").includes("CONFORMANT"));
});

test("runConformance: a run that cannot start resolves with exit code 2 and one line", async () => {
  const r = await runConformance({ target: "not a url", reports: join(work, "bad") });
  assert.equal(r.exitCode, 2);
  assert.equal(r.verdict, "could-not-run");
  assert.match(r.problem, /^--target is not a URL/);
});

test("the profile schema is exported; the internal layout is not", async () => {
  const require = createRequire(import.meta.url);
  assert.equal(require.resolve("idme-services-v2-conformance/profile.schema.json"), profileSchemaPath);
  assert.equal(JSON.parse(readFileSync(profileSchemaPath, "utf8")).properties.$schema.type, "string");
  await assert.rejects(import("idme-services-v2-conformance/dist/run/plan.js"), { code: "ERR_PACKAGE_PATH_NOT_EXPORTED" });
});
