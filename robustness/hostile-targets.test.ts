/**
 * No secret reaches an artifact, whatever a hostile target sends back: for each hostile case of
 * robustness/hostile-targets.ts, a run (runConformance, in this process, as the CLI performs it) goes to the
 * mock as a foreign target with canary credentials, then every file it wrote and its console output are scanned for
 * every form of every canary (reporting/secrets-scan.ts). Positive controls prove the scanner sees
 * into each kind of artifact: the test titles, and the control string the target echoes in the same
 * forms as the credential.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createScanner, type SecretHit } from "../reporting/secrets-scan.js";
import { ROLES } from "../mock/types.js";
import { envNameOf, HOSTILE_CASES, type HostileCase, makeCanaries, startHostileTarget, writeHostileProfile } from "./hostile-targets.js";
import { runConformance } from "../cli/run.js";

const HARD_LIMIT_MS = 90_000;
/** Tests that send credentials (a Basic header, an inactive account, a padded token, two products, the webhook). */
const REQUIREMENTS = "AUTH-02,AUTH-06,AUTH-09,TELECOM-IDENTITY-01,TELECOM-GET-01,WEBHOOK-01,WEBHOOK-04";
/** The case whose run also writes (and scans) the single-file HTML report. */
const WITH_HTML: HostileCase = "json-escaped";

const work = mkdtempSync(join(tmpdir(), "idme-hostile-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const profile = join(work, "hostile-profile.yaml");
writeHostileProfile(profile);

/** Where each case's control must show up (the artifact kinds its leak lands in; JUnit holds bodies of failed tests only). */
const controlIn: Record<HostileCase, string[]> = {
  plain: ["junit.xml", "allure-results"],
  "json-escaped": ["allure-results", "allure-report", "results.json"],
  "re-encoded": ["allure-results", "results.json"],
  hidden: ["allure-results", "results.json"],
  split: ["allure-results", "results.json"],
  header: ["allure-results"],
  "webhook-forward": ["junit.xml", "allure-results"],
  url: ["junit.xml", "allure-results", "results.json"],
};

const describeHits = (hits: SecretHit[], names: string[]) =>
  hits.map((h) => `${h.file}: ${names[h.secretIndex]} as ${h.form} (${h.via}) ×${h.count}`);

describe.concurrent("a run against a hostile target", () => {
  it.for(HOSTILE_CASES)("%s: no form of any canary reaches an artifact or the console", { timeout: HARD_LIMIT_MS + 20_000 }, async (c) => {
    const canaries = makeCanaries();
    const target = await startHostileTarget(c, canaries);
    const reports = join(work, c);
    let stdout = "";
    let stderr = "";
    const started = Date.now();
    let code: number;
    try {
      const run = await runConformance(
        { target: target.baseUrl, profile, requirements: REQUIREMENTS.split(","), reportsDir: reports, seed: 7 },
        { html: c === WITH_HTML, allureResults: true, quiet: false },
        {
          out: (t) => (stdout += t),
          err: (t) => (stderr += t),
          env: Object.fromEntries(ROLES.map((r) => [envNameOf(r), canaries.tokens[r]])),
          isTTY: false,
        },
      );
      code = run.code;
    } finally {
      await target.close();
    }
    const run = { code, ms: Date.now() - started, stdout, stderr };
    const context = `exit ${run.code} after ${run.ms} ms\nstderr: ${run.stderr.slice(-2000)}\nstdout: ${run.stdout.slice(-2000)}`;
    expect(run.code, context).not.toBe(2);

    // One scan for the canaries and the positive controls (the scan is most of the cost with the HTML report).
    const canaryList = ROLES.flatMap((r) => [canaries.secrets[r], canaries.tokens[r]]);
    const names = ROLES.flatMap((r) => [`secret of ${r}`, `token of ${r}`]);
    const TITLES = ["[AUTH-09]", "[WEBHOOK-01]"];
    // The split case cuts tokens in pieces: its control is a token too.
    const control = c === "split" ? canaries.controlToken : canaries.control;
    const scanner = createScanner([...canaryList, ...TITLES, control]);
    const isCanary = (h: { secretIndex: number }) => h.secretIndex < canaryList.length;
    const isTitle = (h: { secretIndex: number }) => h.secretIndex >= canaryList.length && h.secretIndex < canaryList.length + TITLES.length;
    const isControl = (h: { secretIndex: number }) => h.secretIndex === canaryList.length + TITLES.length;
    const all = scanner.scanDir(reports);
    const onConsole = scanner.scanString(`${run.stdout}\n${run.stderr}`).map((m) => ({ ...m, file: "(console)" }));
    expect(describeHits([...all, ...onConsole].filter(isCanary), names)).toEqual([]);

    // Positive controls. The titles: every artifact kind holds them (and the HTML report when written), and the console.
    const kindOf = (h: SecretHit) => h.file.split("/")[0]!;
    const titleKinds = new Set(all.filter(isTitle).map(kindOf));
    const kinds = ["junit.xml", "certification.json", "allure-results", "results.json", ...(c === WITH_HTML ? ["allure-report"] : [])];
    for (const kind of kinds) expect(titleKinds, `title in ${kind}`).toContain(kind);
    expect(onConsole.filter(isTitle).length, "titles on the console").toBeGreaterThan(0);
    // The control, echoed in the same forms as the credential, is found where the leak would land.
    const controlHits = all.filter(isControl);
    const controlKinds = new Set(controlHits.map(kindOf));
    for (const kind of controlIn[c]) expect(controlKinds, `control of ${c} in ${kind}`).toContain(kind);
    if (c === "re-encoded") for (const form of ["base64", "base64url", "hex"]) expect(controlHits.map((h) => h.form)).toContain(form);
    if (c === "json-escaped") expect(controlHits.map((h) => h.via)).toContain("escaped");
    // Found as runs of the token (its pieces), not only whole (the look-alike and spaced forms).
    if (c === "split") expect(controlHits.some((h) => h.part && h.file.startsWith("allure-results"))).toBe(true);
  });
});
