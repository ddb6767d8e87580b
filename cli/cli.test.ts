/** The CLI as a user meets it: exit 2 with one line on stderr, fast, for runs that cannot start. */
import { spawnSync } from "node:child_process";
import { createHash, createPublicKey } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, appendFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { childEnv } from "../lib/process-env.js";
import { cliCommand } from "../lib/cli-command.js";
import { packageRoot as projectRoot } from "../lib/paths.js";
import { generateSigningKey, writeManifest } from "../reporting/manifest.js";
import { CLOSED_PORT } from "../robustness/bad-targets.js";

const work = mkdtempSync(join(tmpdir(), "idme-cli-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function cli(args: string[], env: Record<string, string> = {}, cwd = projectRoot) {
  const started = Date.now();
  const r = spawnSync(...cliCommand(args), {
    cwd,
    env: childEnv(env),
    encoding: "utf8",
    timeout: 60_000,
  });
  return { ...r, seconds: (Date.now() - started) / 1000 };
}

const oneLine = (s: string) => s.trim().split("\n");

describe("idme-conformance exit code 2", () => {
  it("reports a closed port in one line, within seconds, and writes no report", async () => {
    const port = CLOSED_PORT;
    const reports = join(work, "closed");
    const r = cli(["--target", `http://127.0.0.1:${port}`, "--reports", reports], { IDME_TOKEN_PRIMARY: "dummy-not-a-secret" });
    expect(r.status).toBe(2);
    expect(oneLine(r.stderr)).toEqual([`could not run: target unreachable: GET http://127.0.0.1:${port}/health: connection refused`]);
    expect(r.seconds).toBeLessThan(20); // tsx start-up dominates; the probe itself is bounded by 5 s
    expect(existsSync(reports)).toBe(false);
  });

  it("reports a bad profile in one line", () => {
    const profile = join(work, "bad.yaml");
    writeFileSync(profile, "name: broken\ncredentials: {}\n");
    const r = cli(["--profile", profile]);
    expect(r.status).toBe(2);
    expect(oneLine(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^could not run: profile .*bad\.yaml: .*primary/);
  });

  it("reports a bad --mock-fixtures file in one line, before anything starts", () => {
    const fixtures = join(work, "a5.json");
    writeFileSync(fixtures, '{"accounts": 5}');
    const reports = join(work, "bad-fixtures");
    const r = cli(["--mock-fixtures", fixtures, "--reports", reports]);
    expect(r.status).toBe(2);
    expect(oneLine(r.stderr)).toEqual([`could not run: fixtures ${fixtures}: accounts: must be object`]);
    expect(existsSync(reports)).toBe(false);
  });

  it("says standard input is empty for --profile - with nothing piped in", () => {
    const r = cli(["--profile", "-"]);
    expect(r.status).toBe(2);
    expect(oneLine(r.stderr)).toEqual([
      "could not run: profile (standard input): standard input is empty; pipe the profile into it (--profile - < my-target.yaml) or name its file (--profile my-target.yaml)",
    ]);
  });

  it("reports a missing credential variable named by the profile", () => {
    const r = cli(["--target", "http://127.0.0.1:1", "--profile", "profiles/sandbox.yaml"]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(
      "could not run: credential not set: the environment variable IDME_TOKEN_PRIMARY (role primary, named by profile idme-sandbox)",
    );
  });

  it("refuses a reports folder that cannot be written before anything runs, the run's and merge's", () => {
    const file = join(work, "F");
    writeFileSync(file, "");
    for (const args of [
      ["--no-html", "--requirement", "HEALTH-01", "--reports", join(file, "sub")],
      ["merge", join(work, "shard1"), "--reports", join(file, "sub")],
    ]) {
      const r = cli(args);
      expect(r.status).toBe(2);
      expect(oneLine(r.stderr)).toEqual([
        `could not run: --reports ${join(file, "sub")} cannot be created: ${file} is a file, not a folder; name a folder you can write to`,
      ]);
      expect(r.stdout).toBe(""); // no banner: no test ran
    }
  });

  it("refuses primary and secondary given one token before any request, naming both variables, never the token", async () => {
    const port = CLOSED_PORT;
    const token = "one-token-for-both-roles";
    const r = cli(["--target", `http://127.0.0.1:${port}`, "--profile", "profiles/sandbox.yaml"], {
      IDME_TOKEN_PRIMARY: token,
      IDME_TOKEN_SECONDARY: token,
    });
    expect(r.status).toBe(2);
    // Before the reachability probe: the closed port is never reported.
    expect(oneLine(r.stderr)).toEqual([
      "could not run: role primary (IDME_TOKEN_PRIMARY) and role secondary (IDME_TOKEN_SECONDARY) hold the same credential, but must be different accounts; set IDME_TOKEN_SECONDARY to another account's token, or unset it",
    ]);
    expect(`${r.stdout}${r.stderr}`).not.toContain(token);
  });

  it("rejects an unknown flag and an unknown requirement id", () => {
    expect(cli(["--bogus"]).status).toBe(2);
    const r = cli(["--requirement", "NOPE-1"]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe("could not run: unknown requirement id(s): NOPE-1 (npm run conformance -- --list shows them)");
  });

  it("names a stray word and what the run takes instead, with the command it was likely meant to be", () => {
    const r = cli(["--seed", "1", "mrge"]);
    expect(r.status).toBe(2);
    expect(oneLine(r.stderr)).toEqual([
      'error: unexpected argument "mrge": the run takes options only (see --help); did you mean the command "merge"?',
    ]);
    expect(cli(["--quiet", "extra"]).stderr).toMatch(
      /^error: unexpected argument "extra": .*; the commands are verify-manifest, keygen, merge/,
    );
  });

  // Commander exits 1 on a command's usage error, which verify-manifest means as "tampered".
  it.for([
    [["keygen", "extra"], /^error: too many arguments for 'keygen'/],
    [["verify-manifest", "a", "b"], /^error: too many arguments for 'verify-manifest'/],
    [["merge"], /^error: missing required argument 'dirs'/],
    [["proxy"], /^error: required option '--upstream <url>' not specified/],
    [["--requirements", "AUTH-01"], /^error: unknown option '--requirements' \(did you mean --requirement\?\)$/],
    [["merge", "--seeed", "1", "a"], /^error: unknown option '--seeed'$/],
  ] as const)("a usage error (%s) is one line and exit 2", ([args, line]) => {
    const r = cli([...args]);
    expect(r.status).toBe(2);
    expect(oneLine(r.stderr)).toHaveLength(1);
    expect(r.stderr.trim()).toMatch(line);
  });
});

import { facts } from "../lib/result-fixtures.js";

describe("the profile's path in the reports", () => {
  it("is relative to the working folder inside it, else only the file's name: never a path of this machine", () => {
    const project = join(work, "project");
    mkdirSync(join(project, "targets"), { recursive: true });
    const elsewhere = join(work, "elsewhere");
    mkdirSync(elsewhere);
    const profile = readFileSync(join(projectRoot, "profiles", "mock.yaml"), "utf8");
    writeFileSync(join(project, "targets", "inside.yaml"), profile);
    writeFileSync(join(elsewhere, "good.yaml"), profile);
    for (const [given, reported] of [
      [join("targets", "inside.yaml"), "targets/inside.yaml"],
      [join(elsewhere, "good.yaml"), "good.yaml"],
    ]) {
      const reports = join(project, "out");
      const r = cli(
        ["--requirement", "HEALTH-01", "--no-html", "--quiet", "--seed", "1", "--profile", given, "--reports", "out"],
        {},
        project,
      );
      expect(r.status, r.stderr).toBe(0);
      // The console is the user's own: it shows the file itself.
      expect(r.stdout).toContain(`profile  mock — ${resolve(project, given)} (sha256 `);
      const certification = JSON.parse(readFileSync(join(reports, "certification.json"), "utf8"));
      expect(certification.facts.profile.path).toBe(reported);
      expect(JSON.parse(readFileSync(join(reports, "manifest.json"), "utf8")).run.profile.path).toBe(reported);
      expect(readFileSync(join(reports, "certification.md"), "utf8")).toContain(`| profile | mock — \`${reported}\` (SHA-256 `);
      for (const f of readdirSync(reports, { recursive: true, withFileTypes: true }))
        if (f.isFile()) expect(readFileSync(join(f.parentPath, f.name), "utf8"), f.name).not.toContain(work);
    }
  });
});

describe("idme-conformance verify-manifest", () => {
  it("a folder that does not exist is a mistyped argument: one line, exit 2 (not the 'tampered' exit 1)", () => {
    const r = cli(["verify-manifest", join(work, "no-such-folder")]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^could not run: verify-manifest: .*no-such-folder is not a folder; name the reports folder of a run/);
  });

  it("unsigned: exit 0 with the facts and one integrity-only line; 1 naming a tampered file; 1 with --require-signature", () => {
    const dir = join(work, "manifest");
    mkdirSync(dir);
    writeFileSync(join(dir, "junit.xml"), "<testsuites/>");
    writeFileSync(join(dir, "certification.json"), "{}");
    writeManifest(dir, undefined, facts);
    const ok = cli(["verify-manifest", dir]);
    expect(ok.status).toBe(0);
    expect(oneLine(ok.stdout).at(-1)).toBe("integrity only: the manifest is unsigned, anyone can rewrite it (2 files match their hashes)");
    expect(ok.stdout).toMatch(/^target {5}embedded mock$/m);
    const strict = cli(["verify-manifest", dir, "--require-signature"]);
    expect(strict.status).toBe(1);
    expect(oneLine(strict.stderr)).toEqual(["the manifest is unsigned (--require-signature)"]);
    appendFileSync(join(dir, "junit.xml"), " ");
    const bad = cli(["verify-manifest", dir]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain("modified: junit.xml");
  });

  it("keygen prints a key pair and the fingerprint; a signed manifest needs --key-file or --fingerprint", () => {
    const k = cli(["keygen"]);
    expect(k.status).toBe(0);
    const privateKey = k.stdout.match(/-----BEGIN PRIVATE KEY-----[\s\S]*?-----END PRIVATE KEY-----\n/)![0];
    const publicKey = k.stdout.match(/-----BEGIN PUBLIC KEY-----[\s\S]*?-----END PUBLIC KEY-----\n/)![0];
    const fingerprint = k.stdout.match(/^fingerprint ([0-9a-f]{64})$/m)![1]!;
    expect(fingerprint).toBe(
      createHash("sha256")
        .update(createPublicKey(publicKey).export({ type: "spki", format: "der" }))
        .digest("hex"),
    );

    const dir = join(work, "signed");
    mkdirSync(dir);
    writeFileSync(join(dir, "certification.json"), '{"verdict":"non-conformant"}');
    writeManifest(dir, privateKey, facts);
    const pub = join(work, "signer.pub.pem");
    writeFileSync(pub, publicKey);

    const none = cli(["verify-manifest", dir]);
    expect(none.status).toBe(1);
    expect(oneLine(none.stderr)).toHaveLength(1);
    expect(none.stderr).toMatch(/^the manifest is signed \(ed25519\): pass --key-file .* or --fingerprint /);
    for (const args of [
      ["--key-file", pub],
      ["--fingerprint", fingerprint],
    ]) {
      const r = cli(["verify-manifest", dir, ...args]);
      expect(r.status, r.stderr).toBe(0);
      expect(oneLine(r.stdout).at(-1)).toBe(`verified: 1 files and the run's facts, signature valid (ed25519, key sha256:${fingerprint})`);
    }
    // A forger edits the verdict and re-signs with a key of their own.
    writeFileSync(join(dir, "certification.json"), '{"verdict":"conformant"}');
    const forger = generateSigningKey();
    writeManifest(dir, forger.privateKey, facts);
    expect(cli(["verify-manifest", dir]).status).toBe(1);
    for (const args of [
      ["--key-file", pub],
      ["--fingerprint", fingerprint],
    ]) {
      const r = cli(["verify-manifest", dir, ...args]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^signature invalid: /);
    }
    expect(cli(["verify-manifest", dir, "--key-file", join(work, "no-such-file")]).status).toBe(2);
  });

  it("a signed run prints its key's fingerprint; its manifest names the embedded mock and verifies with that fingerprint", () => {
    const key = generateSigningKey();
    const reports = join(work, "signed-run");
    const run = cli(["--requirement", "HEALTH-01", "--no-html", "--quiet", "--reports", reports, "--seed", "5"], {
      IDME_SIGNING_KEY: key.privateKey,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`manifest signed (ed25519), key fingerprint ${key.fingerprint}`);
    const r = cli(["verify-manifest", reports, "--fingerprint", key.fingerprint]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^target {5}embedded mock$/m);
    expect(r.stdout).toMatch(/^seed {7}5 · /m);
    expect(r.stdout).toMatch(/^profile {4}mock \(profiles\/mock\.yaml, sha256:[0-9a-f]{64}\)$/m);
  });
});
