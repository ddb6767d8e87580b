/**
 * The CI recipes, validated rather than just written: schemas, the CLI interface they call,
 * the script-injection guard, and their exit-code handling run here against a stub suite.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import { parse } from "yaml";
import { afterAll, describe, expect, it } from "vitest";
import { packageRoot as projectRoot } from "../lib/paths.js";
import { CLI_INTERFACE, checkInvocation, PLANNED, programFlags } from "./cli-interface.js";
import { condition } from "./github-expr.js";
import { gitlabJob, type JobRun, removeWorkspaces, runGithubSteps, runGitlabJob } from "./mini-runner.js";
import { sha256 } from "./schemas/refresh.js";
import { idmeInvocations } from "./shell-words.js";

// biome-ignore lint/suspicious/noExplicitAny: parsed YAML, walked freely by the assertions
type Json = Record<string, any>;
const read = (path: string) => readFileSync(join(projectRoot, path), "utf8");
const yaml = (text: string) => parse(text) as Json;

const FILES = { workflow: ".github/workflows/conformance.yml", action: "action.yml", gitlab: "ci/gitlab/conformance.gitlab-ci.yml" };
const workflow = yaml(read(FILES.workflow));
const action = yaml(read(FILES.action));
const gitlab = yaml(read(FILES.gitlab));
const pkg = JSON.parse(read("package.json")) as { version: string };
afterAll(removeWorkspaces);

// ---- (a) schemas --------------------------------------------------------------------------

const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as typeof addFormatsModule;
const validators = new Map<string, ValidateFunction>();
function validator(schema: "github-workflow.json" | "github-action.json" | "gitlab-ci.json"): ValidateFunction {
  if (!validators.has(schema)) {
    // SchemaStore's and GitLab's schemas omit `type` beside properties/items and list `required`
    // names under not/oneOf without defining them there: those three strict checks would refuse them.
    const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictTuples: false, strictRequired: false });
    ajv.addKeyword("markdownDescription"); // GitLab's editor hint
    addFormats(ajv);
    validators.set(schema, ajv.compile(JSON.parse(read(`ci/schemas/${schema}`))));
  }
  return validators.get(schema)!;
}
const schemaErrors = (schema: Parameters<typeof validator>[0], doc: unknown) => {
  const validate = validator(schema);
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
};

/** ```yaml blocks of ci/README.md that open with `# file: <path>`: whole documents. */
const readme = read("ci/README.md");
const readmeYaml = [...readme.matchAll(/```yaml\n# file: (\S+)\n([\s\S]*?)```/g)].map((m) => ({ path: m[1], doc: yaml(m[2]) }));
const schemaForPath = (path: string) => (path.endsWith(".gitlab-ci.yml") ? "gitlab-ci.json" : "github-workflow.json");

describe("(a) every recipe validates against its published schema", () => {
  // GitLab's schema accepts anything under a hidden key (.idme-conformance): the job that
  // extends it is validated too, with `extends` resolved.
  const gitlabResolved: Json = {
    "idme-conformance": gitlabJob(gitlab, "idme-conformance"),
    "idme-conformance-merge": gitlabJob(gitlab, ".idme-conformance-merge"),
  };
  it.each([
    ["workflow", workflow, "github-workflow.json"],
    ["action", action, "github-action.json"],
    ["gitlab", gitlab, "gitlab-ci.json"],
    ["gitlab, extends resolved", gitlabResolved, "gitlab-ci.json"],
  ] as const)("%s", (_, doc, schema) => {
    expect(schemaErrors(schema, doc)).toEqual([]);
  });

  it("so does each whole-file example of ci/README.md", () => {
    expect(readmeYaml.map((e) => e.path)).toEqual([".github/workflows/idme-conformance.yml", ".gitlab-ci.yml", ".gitlab-ci.yml"]);
    for (const { path, doc } of readmeYaml) expect(schemaErrors(schemaForPath(path), doc), path).toEqual([]);
  });

  it("and the schemas do reject broken recipes (they are not vacuous)", () => {
    const { jobs: _, ...noJobs } = workflow;
    expect(schemaErrors("github-workflow.json", noJobs)).not.toEqual([]);
    const noShell = structuredClone(action);
    delete noShell.runs.steps[1].shell;
    expect(schemaErrors("github-action.json", noShell)).not.toEqual([]);
    const badArtifacts = structuredClone(gitlabResolved);
    badArtifacts["idme-conformance"].artifacts.when = "sometimes";
    expect(schemaErrors("gitlab-ci.json", badArtifacts)).not.toEqual([]);
  });

  it("the vendored schemas are the ones ci/schemas/README.md records", () => {
    const table = read("ci/schemas/README.md");
    for (const f of ["github-workflow.json", "github-action.json", "gitlab-ci.json"]) {
      expect(table).toContain(sha256(readFileSync(join(projectRoot, "ci", "schemas", f))));
    }
  });
});

// ---- scripts of each recipe ---------------------------------------------------------------

interface Script {
  where: string;
  text: string;
}
const githubScripts = (doc: Json, file: string): Script[] =>
  Object.entries<Json>(doc.jobs ?? { action: { steps: doc.runs?.steps } }).flatMap(([job, j]) =>
    (j.steps as Json[])
      .filter((s) => typeof s.run === "string")
      .map((s) => ({ where: `${file} ${job} '${s.name ?? s.run}'`, text: s.run })),
  );
const GITLAB_KEYWORDS = new Set(["default", "include", "stages", "variables", "workflow", "image", "services", "cache", "spec"]);
const gitlabScripts = (doc: Json, file: string): Script[] =>
  Object.entries<Json>(doc)
    .filter(([k, v]) => !GITLAB_KEYWORDS.has(k) && v && typeof v === "object")
    .flatMap(([job, j]) =>
      ["before_script", "script", "after_script"].flatMap((key) =>
        ([] as unknown[])
          .concat(j[key] ?? [])
          .flat(Number.POSITIVE_INFINITY)
          .map((line) => ({ where: `${file} ${job}.${key}`, text: String(line) })),
      ),
    );
const readmeSh = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => ({ where: "ci/README.md sh", text: m[1] }));
const SCRIPTS = {
  workflow: githubScripts(workflow, FILES.workflow),
  action: githubScripts(action, FILES.action),
  gitlab: gitlabScripts(gitlab, FILES.gitlab),
  readme: [
    ...readmeSh,
    ...readmeYaml.flatMap(({ path, doc }) => (path.endsWith(".gitlab-ci.yml") ? gitlabScripts : githubScripts)(doc, path)),
  ],
};

// ---- (b) the CLI interface ----------------------------------------------------------------

describe("(b) every idme-conformance command line uses only the documented interface", () => {
  it("the interface table exists in the CLI (buildProgram), or is planned", () => {
    const program = programFlags();
    const missing: string[] = [];
    for (const [sub, spec] of Object.entries(CLI_INTERFACE)) {
      for (const [flag, arity] of Object.entries(spec.flags)) {
        const actual = program[sub]?.[flag] ?? PLANNED[sub]?.[flag];
        // Implemented: no longer planned (ci/cli-interface.ts).
        if (program[sub]?.[flag] && PLANNED[sub]?.[flag]) missing.push(`${sub || "run"} ${flag}: implemented, delete it from PLANNED`);
        if (actual !== arity) missing.push(`${sub || "run"} ${flag} (${arity}): ${actual ?? "absent"}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it.each(Object.entries({ workflow: 4, action: 1, gitlab: 2, readme: 1 }))("%s: %i invocation(s), each valid", (recipe, count) => {
    const found = SCRIPTS[recipe as keyof typeof SCRIPTS].flatMap((s) => idmeInvocations(s.text).map((args) => ({ where: s.where, args })));
    expect(found).toHaveLength(count);
    for (const { where, args } of found) expect(checkInvocation(args), `${where}: ${args.join(" ")}`).toEqual([]);
  });

  it("the parser reads the recipes' idioms, and the check rejects what is outside the interface", () => {
    const script = `code=0\nnpx --yes --package "p@1.0.0" -- idme-conformance --reports "$R" \\\n  \${T:+--target "$T"} --quiet || code=$?\necho "x=$code" >> "$GITHUB_OUTPUT"`;
    expect(idmeInvocations(script)).toEqual([["--reports", "$R", "--target", "$T", "--quiet"]]);
    expect(idmeInvocations("npx idme-conformance merge shards/*/ --reports out 2>&1 | tee log")).toEqual([
      ["merge", "shards/*/", "--reports", "out"],
    ]);
    expect(checkInvocation(["--area", "auth"])).toEqual(["run: --area is not in the interface"]);
    expect(checkInvocation(["--budget", "--quiet"])).toEqual(["run: --budget needs a value"]);
    expect(checkInvocation(["keygen"])).toEqual(["unknown subcommand or stray argument 'keygen'"]);
    expect(checkInvocation(["merge", "--reports", "out"])).toEqual(["merge: 0 positional argument(s), expected 1…Infinity"]);
    expect(checkInvocation(["verify-manifest", "r", "--key-file", "k", "--fingerprint", "f"])).toEqual([
      "verify-manifest: --key-file and --fingerprint exclude each other",
    ]);
    expect(checkInvocation(["--quiet=yes", "--shard=1/3"])).toEqual(["run: --quiet takes no value"]);
  });
});

// ---- (c) script injection -----------------------------------------------------------------

describe("(c) no expression is interpolated into a shell script", () => {
  it.each(["workflow", "action", "gitlab", "readme"] as const)("%s", (recipe) => {
    const tainted = SCRIPTS[recipe].filter((s) => /\$\{\{|\$\[\[/.test(s.text)).map((s) => s.where);
    expect(tainted).toEqual([]);
  });

  it("secrets reach only the steps that run the suite, never a job or the workflow", () => {
    expect(JSON.stringify(workflow.env ?? {})).not.toMatch(/secrets\./);
    for (const [name, job] of Object.entries<Json>(workflow.jobs)) {
      expect(JSON.stringify(job.env ?? {}), name).not.toMatch(/secrets\./);
      for (const step of job.steps as Json[]) {
        if (/secrets\./.test(JSON.stringify(step.env ?? {})))
          expect(idmeInvocations(step.run ?? ""), `${name} '${step.name}'`).not.toEqual([]);
      }
    }
  });

  it("every action used is pinned to an exact version", () => {
    const uses = [...Object.values<Json>(workflow.jobs).flatMap((j) => j.steps as Json[]), ...(action.runs.steps as Json[])]
      .map((s) => s.uses)
      .filter(Boolean);
    expect(uses.length).toBeGreaterThan(5);
    for (const u of uses) expect(u).toMatch(/^[\w.-]+\/[\w./-]+@(v\d+\.\d+\.\d+|[0-9a-f]{40})$/);
  });
});

// ---- (d) exit codes, run against a stub suite ---------------------------------------------

const VERDICT = ["conformant", "non-conformant", "could-not-run", "incomplete"];
const ran = (r: JobRun, name: string) => r.steps.find((s) => s.name === name)?.ran;
const log = (r: JobRun) => r.steps.map((s) => s.output).join("");
const suiteCalls = (r: JobRun) => r.calls.filter((c) => c.tool === "npx" && c.argv.includes("idme-conformance"));
const argsOf = (r: JobRun, n = 0) => {
  const argv = suiteCalls(r)[n]?.argv ?? [];
  return argv.slice(argv.indexOf("idme-conformance") + 1);
};

describe("(d) only exit 0 passes; the reports and outputs survive every outcome", () => {
  it("no recipe masks a failure (continue-on-error, allow_failure)", () => {
    expect(read(FILES.workflow) + read(FILES.action)).not.toMatch(/continue-on-error/);
    for (const [name, job] of Object.entries<Json>(gitlab)) expect(job?.allow_failure, name).toBeUndefined();
  });

  describe("workflow", () => {
    const contexts = (event: string, extra: Json = {}) => ({
      github: { event_name: event, run_number: 17, event: { pull_request: { head: { repo: { fork: false } } } } },
      inputs: {},
      secrets: { IDME_TOKEN_PRIMARY: "tok-primary", IDME_TOKEN_SECONDARY: "tok-secondary", IDME_SIGNING_KEY: "" },
      vars: {},
      needs: { sandbox: { result: "success" } },
      ...extra,
    });
    const runJob = (job: string, ctx: Json, exit: number, verifyExit = 0) =>
      runGithubSteps({
        steps: workflow.jobs[job].steps,
        contexts: ctx,
        env: { ...workflow.env, ...workflow.jobs[job].env },
        defaultShell: workflow.defaults.run.shell,
        stub: { exit, verifyExit },
      });

    it("triggers and job selection: the mock on PRs and pushes, the sharded target nightly and on demand", () => {
      expect(Object.keys(workflow.on)).toEqual(["pull_request", "push", "schedule", "workflow_dispatch"]);
      expect(Object.keys(workflow.on.workflow_dispatch.inputs)).toEqual(["target", "profile", "budget"]);
      expect(workflow.jobs.mock.strategy.matrix.node).toEqual([20, 22]);
      expect(workflow.jobs.sandbox.strategy.matrix.shard).toEqual([1, 2, 3]);
      const selected = (event: string, sandbox = "success") =>
        Object.entries<Json>(workflow.jobs)
          .filter(([, j]) => condition(j.if, { contexts: contexts(event, { needs: { sandbox: { result: sandbox } } }), failed: false }))
          .map(([n]) => n);
      expect(selected("pull_request", "skipped")).toEqual(["mock"]);
      expect(selected("push", "skipped")).toEqual(["mock"]);
      expect(selected("schedule", "failure")).toEqual(["sandbox", "merge"]);
      expect(selected("workflow_dispatch")).toEqual(["sandbox", "merge"]);
    });

    it.each([0, 1, 2, 3])("mock job, suite exits %i", (exit) => {
      const r = runJob("mock", contexts("pull_request", { matrix: { node: 20 } }), exit);
      expect(r.ok, log(r)).toBe(exit === 0);
      expect(r.code).toBe(exit);
      expect(argsOf(r)).toEqual(["--reports", "reports"]);
      for (const step of ["Publish JUnit", "Job summary", "Upload the reports", "Verdict"]) expect(ran(r, step), step).toBe(true);
      expect(r.summary).toContain(exit === 2 ? "No certification.md" : `Certification summary — ${VERDICT[exit].toUpperCase()}`);
      if (exit === 2) expect(log(r)).toContain("::error title=could not run::");
    });

    it.each([0, 1, 2, 3])("sandbox shard job, suite exits %i; the secrets reach the suite, not npm ci", (exit) => {
      const r = runJob("sandbox", contexts("schedule", { matrix: { shard: 2 } }), exit);
      expect(r.ok).toBe(exit === 0);
      expect(argsOf(r)).toEqual([
        ...["--target", "https://services.idmelabs.com", "--profile", "profiles/sandbox.yaml", "--budget", "200"],
        ...["--shard", "2/3", "--seed", "17", "--reports", "reports", "--quiet"],
      ]);
      expect(suiteCalls(r)[0].idme).toEqual(["IDME_TOKEN_PRIMARY", "IDME_TOKEN_SECONDARY"]);
      expect(r.calls.filter((c) => c.tool === "npm").map((c) => c.idme)).toEqual([[]]);
      expect(ran(r, "Upload the shard's reports")).toBe(true);
    });

    it("workflow_dispatch inputs reach the flags", () => {
      const inputs = { target: "https://staging.example.test", profile: "profiles/mine.yaml", budget: "50" };
      const r = runJob("sandbox", contexts("workflow_dispatch", { inputs, matrix: { shard: 1 } }), 0);
      expect(argsOf(r).slice(0, 8)).toEqual(["--target", inputs.target, "--profile", inputs.profile, "--budget", "50", "--shard", "1/3"]);
    });

    it.each([0, 1, 2, 3])("merge job, merge exits %i", (exit) => {
      const r = runJob("merge", contexts("schedule", { matrix: {} }), exit);
      expect(r.ok).toBe(exit === 0);
      expect(argsOf(r)).toEqual(["merge", "shards/*/", "--reports", "reports"]);
      expect(ran(r, "Verify the manifest's signature")).toBe(false); // no fingerprint configured
      expect(ran(r, "Upload the merged reports")).toBe(true);
    });

    it("merge job with a fingerprint: a manifest that does not verify fails a conformant run", () => {
      const ctx = contexts("schedule", { matrix: {}, vars: { IDME_MANIFEST_FINGERPRINT: "ab12" } });
      const good = runJob("merge", ctx, 0);
      expect(good.ok).toBe(true);
      expect(argsOf(good, 1)).toEqual(["verify-manifest", "reports", "--fingerprint", "ab12", "--require-signature"]);
      const tampered = runJob("merge", ctx, 0, 1);
      expect(tampered.ok).toBe(false);
      expect(ran(tampered, "Upload the merged reports")).toBe(true);
      expect(ran(runJob("merge", ctx, 2), "Verify the manifest's signature")).toBe(false); // nothing to verify
    });
  });

  describe("composite action", () => {
    const defaults = Object.fromEntries(Object.entries<Json>(action.inputs).map(([k, v]) => [k, v.default ?? ""]));
    const runAction = (inputs: Json, callerEnv: Record<string, string> = {}, exit = 0) =>
      runGithubSteps({
        steps: action.runs.steps,
        contexts: { inputs: { ...defaults, ...inputs }, github: {} },
        callerEnv,
        stub: { exit },
        outputs: action.outputs,
      });
    const creds = { IDME_TOKEN_PRIMARY: "tok-primary", IDME_TOKEN_SECONDARY: "tok-secondary" };
    const sandbox = {
      target: "https://services.idmelabs.com",
      profile: "p.yaml",
      budget: "300",
      credentials: "IDME_TOKEN_PRIMARY IDME_TOKEN_SECONDARY",
    };

    it("declares the inputs and outputs, and runs the package version this repository is at", () => {
      expect(Object.keys(action.inputs)).toEqual([
        "target",
        "profile",
        "budget",
        "shard",
        "seed",
        "reports",
        "credentials",
        "node-version",
        "version",
        "artifact-name",
      ]);
      expect(Object.keys(action.outputs)).toEqual(["verdict", "report-path", "exit-code"]);
      expect(defaults.reports).toBe("reports");
      expect(defaults.version).toBe(pkg.version);
    });

    it.each([0, 1, 2, 3])("suite exits %i: outputs set, reports uploaded, action result follows the code", (exit) => {
      const r = runAction(sandbox, creds, exit);
      expect(r.ok, log(r)).toBe(exit === 0);
      expect(r.code).toBe(exit);
      expect(r.outputs).toEqual({ verdict: VERDICT[exit], "report-path": join(r.cwd, "reports"), "exit-code": String(exit) });
      expect(ran(r, "Upload the reports")).toBe(true);
      expect(suiteCalls(r)[0].argv).toEqual([
        ...["--yes", "--package", `idme-services-v2-conformance@${pkg.version}`, "--", "idme-conformance"],
        ...["--reports", "reports", "--target", sandbox.target, "--profile", "p.yaml", "--budget", "300"],
      ]);
      expect(suiteCalls(r)[0].idme).toEqual(["IDME_TOKEN_PRIMARY", "IDME_TOKEN_SECONDARY"]);
    });

    it("empty inputs leave their flags out (the embedded mock)", () => {
      expect(argsOf(runAction({}))).toEqual(["--reports", "reports"]);
    });

    it("a shard and a seed reach --shard and --seed", () => {
      expect(argsOf(runAction({ shard: "2/4", seed: "77" }))).toEqual(["--reports", "reports", "--shard", "2/4", "--seed", "77"]);
    });

    it.each([
      [{ credentials: "IDME_TOKEN_PRIMARY,IDME_TOKEN_SECONDARY" }, { IDME_TOKEN_PRIMARY: "t" }, "credential IDME_TOKEN_SECONDARY is empty"],
      [{ credentials: "IDME_TOKEN_PRIMARY;touch pwned" }, creds, "is not an environment variable name"],
      [{ version: "latest" }, {}, "must be an exact version"],
      [{ version: "^0.1.0" }, {}, "must be an exact version"],
      [{ shard: "2 of 4" }, {}, "input shard must be i/n"],
      [{ seed: "7; touch pwned" }, {}, "input seed must be an integer"],
    ])("refuses %o before running anything: exit 2, could-not-run", (inputs, env, message) => {
      const r = runAction(inputs, env);
      expect(r.ok).toBe(false);
      expect(r.code).toBe(2);
      expect(suiteCalls(r)).toEqual([]);
      expect(r.outputs.verdict).toBe("could-not-run");
      expect(log(r)).toContain(message);
      expect(existsSync(join(r.cwd, "pwned"))).toBe(false);
    });

    it("inputs cannot inject shell code: they arrive as single arguments", () => {
      const evil = { target: `x"; touch pwned; echo "`, profile: "$(touch pwned2)", budget: "`touch pwned3`" };
      const r = runAction(evil);
      expect(argsOf(r)).toEqual(["--reports", "reports", "--target", evil.target, "--profile", evil.profile, "--budget", evil.budget]);
      for (const f of ["pwned", "pwned2", "pwned3"]) expect(existsSync(join(r.cwd, f))).toBe(false);
    });
  });

  describe("GitLab template", () => {
    const job: Json = gitlabJob(gitlab, "idme-conformance");

    it("node:20, the reports kept always, JUnit for the Tests tab", () => {
      expect(job.image).toBe("node:20");
      expect(job.artifacts).toMatchObject({ when: "always", paths: ["reports/", "shards/"], reports: { junit: "reports/junit.xml" } });
      expect(job.variables.CONFORMANCE_VERSION).toBe(pkg.version);
    });

    it.each(["sh", "bash"] as const)(
      "%s: the job's exit code is the suite's (so allow_failure: exit_codes: [3] relaxes only 3)",
      (shell) => {
        for (const exit of [0, 1, 2, 3]) {
          const r = runGitlabJob(job, { shell, exit });
          expect(r.ok, log(r)).toBe(exit === 0);
          expect(r.code).toBe(exit);
          expect(argsOf(r)).toEqual(["--reports", "reports"]);
          if (exit === 2) expect(log(r)).toContain("COULD NOT RUN (exit 2)");
          if (exit !== 2) expect(log(r)).toContain("# Certification summary"); // after_script
        }
      },
    );

    it("variables reach the flags, and cannot inject shell code", () => {
      const variables = { CONFORMANCE_TARGET: "https://x.test", CONFORMANCE_PROFILE: "a b.yaml", CONFORMANCE_BUDGET: "$(touch pwned)" };
      const r = runGitlabJob(job, { shell: "sh", variables });
      expect(argsOf(r)).toEqual([
        "--reports",
        "reports",
        "--target",
        "https://x.test",
        "--profile",
        "a b.yaml",
        "--budget",
        "$(touch pwned)",
      ]);
      expect(existsSync(join(r.cwd, "pwned"))).toBe(false);
    });

    describe("shards", () => {
      const leg = { CI_NODE_INDEX: "2", CI_NODE_TOTAL: "3", CI_PIPELINE_IID: "41", CONFORMANCE_TARGET: "https://x.test" };
      const merge: Json = gitlabJob(gitlab, ".idme-conformance-merge");

      it.each([0, 1, 2, 3])(
        "a leg of a parallel job runs its part into shards/i/ with the pipeline's seed; exit %i is the leg's",
        (exit) => {
          const r = runGitlabJob(job, { shell: "sh", variables: leg, exit });
          expect(r.code).toBe(exit);
          expect(argsOf(r)).toEqual(["--reports", "shards/2", "--target", "https://x.test", "--shard", "2/3", "--seed", "41"]);
          if (exit !== 2) expect(log(r)).toContain("# Certification summary"); // after_script, from shards/2/
        },
      );

      it("CONFORMANCE_SEED chooses the legs' seed", () => {
        const r = runGitlabJob(job, { shell: "sh", variables: { ...leg, CONFORMANCE_SEED: "7" } });
        expect(argsOf(r).slice(-2)).toEqual(["--seed", "7"]);
      });

      it("the merge job needs every leg, runs after failed ones too, and keeps only the merged reports", () => {
        expect(merge.needs).toEqual(["idme-conformance"]);
        expect(merge.when).toBe("always");
        expect(merge.artifacts).toMatchObject({ when: "always", paths: ["reports/"], reports: { junit: "reports/junit.xml" } });
      });

      it.each(["sh", "bash"] as const)("%s: the merge job's exit code is the merged verdict's", (shell) => {
        for (const exit of [0, 1, 2, 3]) {
          const r = runGitlabJob(merge, { shell, exit });
          expect(r.code, log(r)).toBe(exit);
          expect(argsOf(r)).toEqual(["merge", "shards/*/", "--reports", "reports"]);
          if (exit !== 2) expect(log(r)).toContain("# Certification summary");
        }
      });
    });
  });
});
