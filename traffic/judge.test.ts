/**
 * Judging recorded traffic: HAR files recorded from the embedded mock (conformant and faulty) through the
 * proxy, written back with the caller's real credential in them as a third-party recording would have it.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { faultsById } from "../faults/catalogue.js";
import { startMock } from "../mock/server.js";
import { exitCodeOf } from "../reporting/certification.js";
import { createScanner } from "../reporting/secrets-scan.js";
import { withDecodedSecrets } from "../harness/secret-forms.js";
import { type Har, writeHar } from "./har.js";
import { judgeHarFiles } from "./judge-har.js";
import { startProxy } from "./proxy.js";
import { writeTrafficReports } from "./reports.js";
import { sampleSession } from "./sample-client.js";
import { runJudge } from "./session.js";
import { trafficCertification } from "./verdict.js";

const work = mkdtempSync(join(tmpdir(), "idme-judge-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The sample client's session against a mock with these faults, as a HAR holding the real credential. */
async function recordHar(faults: string[], file: string): Promise<{ path: string; token: string; har: Har }> {
  const mock = await startMock({ faults: faultsById(faults) });
  const proxy = await startProxy({ upstream: mock.baseUrl });
  try {
    await sampleSession(proxy.url, mock.tokens.primary);
    const capture = await proxy.close();
    const har = writeHar(
      capture.exchanges.map((x) => ({ record: x.record })),
      { name: "a recorder", version: "1" },
    );
    // Third-party recordings carry the credential as it was sent, and none of the suite's own fields.
    for (const e of har.log.entries) {
      delete e._idmeConformance;
      for (const h of e.request.headers) h.value = h.value.replace("$IDME_TOKEN", mock.tokens.primary);
    }
    har.log.entries.push({ ...har.log.entries[0], request: { ...har.log.entries[0].request, url: "https://cdn.example/app.js" } });
    const path = join(work, file);
    writeFileSync(path, JSON.stringify(har));
    return { path, token: mock.tokens.primary, har };
  } finally {
    await mock.close();
  }
}

let conformant: Awaited<ReturnType<typeof recordHar>>;
beforeAll(async () => {
  conformant = await recordHar([], "conformant.har");
});

describe("judge FILE.har", () => {
  it("a HAR of the conformant mock: conformant within what was seen; the foreign entry is skipped with its reason", () => {
    const t = judgeHarFiles([conformant.path]);
    const { certification: c, summary } = trafficCertification(t, "judge");
    expect(c.verdict, c.summary).toBe("conformant");
    expect(summary.judged).toBe(9);
    expect(summary.skipped.byReason.map((r) => [r.reason, r.count])).toEqual([
      ["not a Services API v2 call (the path is neither /health nor under /api/v2)", 1],
    ]);
    expect(t.result.tests.map((x) => x.title)).toContain("#5 POST /api/v2/telecom/possession/sms/send → 422 (sendSmsCode)");
  });

  it.each([
    ["errors-as-object", ["SCHEMA-01"]],
    ["result-not-results", ["TRANSACTION-04"]],
    ["json-wrong-content-type", ["SCHEMA-06"]],
  ])("a HAR recorded from the mock with the fault %s fails, naming %s (exit 1)", async (fault, failing) => {
    const { path } = await recordHar([fault], `${fault}.har`);
    const { certification: c } = trafficCertification(judgeHarFiles([path]), "judge");
    expect(c.verdict).toBe("non-conformant");
    expect(exitCodeOf(c.verdict)).toBe(1);
    expect(c.failedMust).toEqual(failing);
    for (const id of failing) expect(faultsById([fault])[0].breaks).toContain(id);
  });

  it("one result per operation gives the same verdict", async () => {
    const { path } = await recordHar(["errors-as-object"], "by-op.har");
    const t = judgeHarFiles([path], { group: "operation" });
    expect(t.result.tests.map((x) => x.id)).toContain("traffic/operations#sendSmsCode");
    expect(new Set(t.result.tests.map((x) => x.id)).size).toBe(t.result.tests.length);
    expect(trafficCertification(t, "judge").certification.failedMust).toEqual(["SCHEMA-01"]);
  });

  it("writes the reports with the recording's credential redacted everywhere", async () => {
    let printed = "";
    const io = { out: (s: string) => (printed += s), err: (s: string) => (printed += s), env: {} };
    const reportsDir = join(work, "reports");
    const outcome = await runJudge({ files: [conformant.path], reportsDir, html: false }, io);
    expect(outcome.code).toBe(0);
    expect(printed.trim().split("\n").at(-1)).toMatch(/^verdict: CONFORMANT within what was seen: /);
    const scanner = createScanner(withDecodedSecrets([conformant.token]));
    expect(scanner.scanDir(reportsDir).map((h) => `${h.file}: ${h.form} (${h.via})`)).toEqual([]);
    expect(scanner.scanString(printed)).toEqual([]);
  });

  it("nothing to judge: NOTHING JUDGED, exit 3", async () => {
    const path = join(work, "foreign.har");
    const only = {
      ...conformant.har.log.entries[0],
      request: { ...conformant.har.log.entries[0].request, url: "https://cdn.example/x.css" },
    };
    writeFileSync(path, JSON.stringify({ log: { ...conformant.har.log, entries: [only] } }));
    const t = judgeHarFiles([path]);
    const r = await writeTrafficReports(t, { mode: "judge", reportsDir: join(work, "nothing"), html: false });
    expect(r.certification.verdict).toBe("incomplete");
    expect(exitCodeOf(r.certification.verdict)).toBe(3);
    expect(r.certification.summary).toBe("NOTHING JUDGED: no Services API v2 exchange in the traffic (0 exchange(s) judged, 1 skipped)");
  });
});
