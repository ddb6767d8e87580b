/**
 * Defines `RunPlan` and `buildPlan`: one typed value that says everything about a run — target, profile,
 * roles and their credentials, selection, budget, seed, today, reports folder, embedded-mock faults and
 * fixtures, shard. This module is the only reader of the environment and of the profile file; everything
 * downstream gets the plan as a parameter (the workers a part of it, run/worker-plan.ts).
 */
import { type ReqId, requirements } from "../generated/requirements.js";
import { missingRoles, mergeFixtures } from "../mock/fixtures.js";
import { FixturesError, loadFixturesFile } from "../mock/fixtures-file.js";
import type { FixturesInput } from "../mock/types.js";
import type { Fault } from "../mock/faults-api.js";
import { type LoadedProfile, loadProfile, mockProfilePath, ProfileError, type Role, roles, sandboxProfilePath } from "./profile.js";
import { sharedCredential } from "./shared-credentials.js";
import { maxShards } from "./shards.js";
import { type SuiteFacts, suiteFacts } from "./suite-facts.js";

/** A reason the run cannot start: the CLI prints it on one line and exits 2. */
export class PlanError extends Error {
  override name = "PlanError";
}

export type Target =
  | {
      kind: "embedded-mock";
      faults: readonly Fault[];
      fixtures?: FixturesInput;
      fixturesPath?: string;
      /** faults the mock follows without applying them (mock/shadows.ts); the run's requests name their tests */
      shadows?: readonly Fault[];
    }
  | { kind: "url"; baseUrl: string };

export interface Selection {
  areas: string[];
  requirements: string[];
  /** the union of both, resolved against the registry */
  ids: ReqId[];
}

export interface RunPlan {
  /** unique among the plans of one launch (the fault batch launches many) */
  id: string;
  suite: SuiteFacts;
  target: Target;
  profile: LoadedProfile;
  /** url targets: role → token read from the variables the profile names (embedded mock: filled at start) */
  credentials: Partial<Record<Role, string>>;
  /** url targets: tokens of the profile's rateLimitedPool whose variables are set, with their variables */
  rateLimitedPool: { token: string; variable: string }[];
  /** roles the profile names whose variable is not set (their tests are not verified: the run is incomplete) */
  missingCredentials: Role[];
  /** embedded mock: credential variables the caller had set, ignored (the mock's own tokens are used) */
  ignoredVariables: string[];
  selection: Selection | null;
  /** only these tests (ids as in results.json, `file#title`), within the selection; absent = all */
  tests?: string[];
  budget: number;
  seed: number;
  today: string;
  reportsDir: string;
  /** the folder the run's relative paths were given from: the reports name the profile relative to it */
  workDir: string;
  /** part `index` of `count`: the tests of the areas run/shards.ts deals to it (scopeOf) */
  shard?: { index: number; count: number };
  /** signs the manifest (ed25519 PEM or HMAC secret); never reaches a worker or an artifact */
  signingKey?: string;
}

export interface PlanRequest {
  id?: string;
  target?: string;
  /** a profile file, or "-" for standard input; default: the mock's profile, or the cautious sandbox profile for a foreign target */
  profile?: string;
  areas?: string[];
  requirements?: string[];
  budget?: number;
  seed?: number;
  today?: string;
  reportsDir: string;
  /** the folder relative paths were given from (default: this process's working folder) */
  workDir?: string;
  /** embedded mock only: deviations to apply (the CLI resolves fault ids) */
  mockFaults?: readonly Fault[];
  /** embedded mock only: a fixtures file (YAML or JSON) */
  mockFixtures?: string;
  /** embedded mock only: faults to follow, not apply (fault detection's first run) */
  mockShadows?: readonly Fault[];
  /** only these tests (`file#title`) */
  tests?: string[];
  shard?: { index: number; count: number };
}

export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export function selectRequirements(areas: readonly string[], ids: readonly string[]): Selection | null {
  if (areas.length === 0 && ids.length === 0) return null;
  const registry = Object.values(requirements);
  const knownAreas = [...new Set(registry.map((r) => r.area))].sort();
  const badIds = ids.filter((id) => !(id in requirements));
  if (badIds.length) throw new PlanError(`unknown requirement id(s): ${badIds.join(", ")} (npm run conformance -- --list shows them)`);
  const badAreas = areas.filter((a) => !knownAreas.includes(a));
  if (badAreas.length) throw new PlanError(`unknown area(s): ${badAreas.join(", ")} (known: ${knownAreas.join(", ")})`);
  const selected = new Set<ReqId>(ids as ReqId[]);
  for (const r of registry) if (areas.includes(r.area)) selected.add(r.id as ReqId);
  return { areas: [...areas], requirements: [...ids], ids: [...selected].sort() };
}

/** The fixtures file of an embedded-mock run, checked, with an account for every role the profile names. */
function readFixtures(path: string, profile: LoadedProfile, named: readonly Role[]): FixturesInput {
  let fixtures: FixturesInput;
  try {
    fixtures = loadFixturesFile(path);
  } catch (e) {
    if (e instanceof FixturesError) throw new PlanError(e.message);
    throw e;
  }
  // A role without an account would leave its tests unverified, with a reason about credential variables.
  const missing = missingRoles(mergeFixtures(fixtures)).filter((r) => named.includes(r));
  if (missing.length)
    throw new PlanError(
      `fixtures ${path}: accounts: no account for the role(s) ${missing.join(", ")}, which profile ${profile.profile.name} names (accounts replaces the default accounts: list every role, as profiles/mock-fixtures.example.yaml does)`,
    );
  return fixtures;
}

/** Builds the plan of one run; `env` is the environment (the only place it is read). */
export function buildPlan(req: PlanRequest, env: NodeJS.ProcessEnv, readStdin?: () => string): RunPlan {
  const foreign = req.target !== undefined;
  let profile: LoadedProfile;
  try {
    profile = loadProfile(req.profile ?? (foreign ? sandboxProfilePath : mockProfilePath), readStdin);
  } catch (e) {
    if (e instanceof ProfileError) throw new PlanError(e.problems.length > 1 ? `${e.message} (${e.problems.length} problems)` : e.message);
    throw e;
  }
  const baseUrl = req.target ?? profile.profile.baseUrl;
  const embedded = baseUrl === undefined;
  if (!embedded && (req.mockFaults?.length || req.mockFixtures || req.mockShadows?.length)) {
    throw new PlanError(`--mock-faults and --mock-fixtures apply to the embedded mock only; this run targets ${baseUrl}`);
  }
  const named = roles.filter((r) => profile.profile.credentials[r] !== undefined);
  const vars = named.map((r) => profile.profile.credentials[r] as string);
  const credentials: Partial<Record<Role, string>> = {};
  if (!embedded)
    for (const r of named)
      if (env[profile.profile.credentials[r] as string]) credentials[r] = env[profile.profile.credentials[r] as string];
  if (!embedded && !credentials.primary) {
    throw new PlanError(
      `credential not set: the environment variable ${profile.profile.credentials.primary} (role primary, named by profile ${profile.profile.name})`,
    );
  }
  const rateLimitedPool = embedded
    ? []
    : (profile.profile.rateLimitedPool ?? []).flatMap((v) => (env[v] ? [{ token: env[v] as string, variable: v }] : []));
  const shared = sharedCredential(credentials, profile.profile.credentials, rateLimitedPool, profile.profile.products);
  if (shared) throw new PlanError(shared);
  const selection = selectRequirements(req.areas ?? [], req.requirements ?? []);
  if (req.shard && req.shard.count > maxShards)
    throw new PlanError(
      `--shard ${req.shard.index}/${req.shard.count}: at most ${maxShards} shards (the rate-limit and webhook areas share one)`,
    );
  const total = req.budget ?? profile.profile.requestBudget;
  return {
    id: req.id ?? "run",
    suite: suiteFacts(),
    target: embedded
      ? {
          kind: "embedded-mock",
          faults: req.mockFaults ?? [],
          ...(req.mockFixtures ? { fixtures: readFixtures(req.mockFixtures, profile, named), fixturesPath: req.mockFixtures } : {}),
          ...(req.mockShadows?.length ? { shadows: req.mockShadows } : {}),
        }
      : { kind: "url", baseUrl: baseUrl.replace(/\/+$/, "") },
    profile,
    credentials,
    rateLimitedPool,
    missingCredentials: embedded ? [] : named.filter((r) => !credentials[r]),
    ignoredVariables: embedded ? vars.filter((v) => env[v] !== undefined) : [],
    selection,
    ...(req.tests ? { tests: [...req.tests] } : {}),
    // Shards share the budget: each gets its part, so all of them together never send more than asked.
    budget: req.shard ? Math.max(1, Math.floor(total / req.shard.count)) : total,
    seed: req.seed ?? Math.floor(Math.random() * 2 ** 31),
    today: req.today ?? todayUtc(),
    reportsDir: req.reportsDir,
    workDir: req.workDir ?? process.cwd(),
    ...(req.shard ? { shard: req.shard } : {}),
    ...(env.IDME_SIGNING_KEY ? { signingKey: env.IDME_SIGNING_KEY } : {}),
  };
}
