/**
 * No secret in any artifact: runs a small filtered conformance run against the embedded mock
 * whose accounts have canary secrets (fixtures file), signs the manifest with a canary key, and
 * scans every file the run wrote, and its console output, for the canaries in every form
 * (reporting/secrets-scan.ts).
 * A positive control (the run's own test titles) proves the scanner sees into every artifact kind.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { runConformance } from "../cli/run.js";
import { packageRoot as projectRoot } from "../lib/paths.js";
import type { RunResult } from "../run/results.js";
import { loadRegistry } from "./registry.js";
import { createScanner, scanForSecrets } from "./secrets-scan.js";

const roles = ["primary", "secondary", "inactiveAccount", "inactiveOrg", "productDisabled", "productInactive", "rateLimited"] as const;
const canary = (role: string) => `canary-${role}-${randomBytes(9).toString("hex")}`;
const secrets = Object.fromEntries(roles.map((r) => [r, canary(r)])) as Record<(typeof roles)[number], string>;
const signingKey = `canary-signing-${randomBytes(12).toString("hex")}`;

const work = mkdtempSync(join(tmpdir(), "idme-secrets-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A few requirements whose tests send credentials; no suite yet means there is nothing to scan. */
function pickRequirements(): string[] {
  const suiteFiles = readdirSync(join(projectRoot, "suites"), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith(".test.ts") && !f.startsWith("_self"));
  if (suiteFiles.length === 0) return [];
  const registry = loadRegistry();
  return ["auth", "input", "telecom", "health"].flatMap((area) =>
    registry
      .filter((r) => r.area === area)
      .slice(0, 2)
      .map((r) => r.id),
  );
}

const ids = pickRequirements();

describe("no secret reaches an artifact", () => {
  it.skipIf(ids.length === 0)(
    "scans every file of a conformance run for canary credentials (every form)",
    async () => {
      const fixtures = join(work, "fixtures.yaml");
      writeFileSync(
        fixtures,
        stringify({
          accounts: {
            primary: { secret: secrets.primary, active: true, organization: "org-active" },
            secondary: { secret: secrets.secondary, active: true, organization: "org-active" },
            inactiveAccount: { secret: secrets.inactiveAccount, active: false, organization: "org-active" },
            inactiveOrg: { secret: secrets.inactiveOrg, active: true, organization: "org-inactive" },
            productDisabled: {
              secret: secrets.productDisabled,
              active: true,
              organization: "org-active",
              disabledProducts: ["telecom.identity"],
            },
            productInactive: { secret: secrets.productInactive, active: true, organization: "org-passport-inactive" },
            rateLimited: {
              secret: secrets.rateLimited,
              active: true,
              organization: "org-active",
              rateLimit: { perProduct: 3, perAccount: 5, windowMs: 1000 },
            },
          },
        }),
      );
      const reports = join(work, "reports");
      let stdout = "";
      let stderr = "";
      // In-process, as the CLI performs a run (cli/run.ts); the signing key comes from the environment it is given.
      const done = await runConformance(
        { requirements: ids, reportsDir: reports, seed: 7, mockFixtures: fixtures },
        { html: true, allureResults: true, quiet: false },
        { out: (t) => (stdout += t), err: (t) => (stderr += t), env: { IDME_SIGNING_KEY: signingKey }, isTTY: false },
      );
      const run = { status: done.code, stdout, stderr };
      expect(run.status, `${run.stdout}\n${run.stderr}`).not.toBe(2);
      expect(existsSync(join(reports, "allure-report", "index.html"))).toBe(true);

      const tokens = roles.map((r) => Buffer.from(secrets[r]).toString("base64"));
      const canaries = [...roles.map((r) => secrets[r]), ...tokens, signingKey];
      const hits = scanForSecrets(reports, canaries).map(
        (h) => `${h.file} (${h.form}, ${h.via}: ${canaries[h.secretIndex].slice(0, 18)}…)`,
      );
      expect(hits).toEqual([]);
      const console = `${run.stdout}\n${run.stderr}`;
      const leaked = createScanner(canaries)
        .scanString(console)
        .map((h) => `console (${h.form}, ${h.via}): ${canaries[h.secretIndex].slice(0, 18)}…`);
      expect(leaked).toEqual([]);

      // Positive controls: the canary credentials were really used (only canary accounts exist, so
      // a 200 from a secured operation means a canary token was sent), and the scanner finds a
      // known string in each kind of artifact.
      const results = JSON.parse(readFileSync(join(reports, "results.json"), "utf8")) as RunResult;
      const exchanges = results.tests.flatMap((t) => t.outcome.exchanges);
      expect(exchanges.some((x) => x.operationId && x.operationId !== "getHealth" && x.response.status === 200)).toBe(true);
      const control = new Set(scanForSecrets(reports, [`[${ids[0]}]`]).map((h) => h.file.split("/")[0]));
      for (const kind of ["junit.xml", "certification.json", "allure-results", "allure-report"]) expect(control, kind).toContain(kind);
    },
    180_000,
  );
});
