/**
 * Defines `conformance`, `conformance.for` and `observe`: the only way a suite declares a test. Each test
 * proves one requirement, declared as data (task meta and a tag): the launcher reads the requirement and
 * the test's needs without parsing titles. When the test ends its outcome — verdict, findings charged to
 * requirements, observations, exchanges, seed — is task meta too. After the body, every exchange goes
 * through the standard checks (checks/registry.ts); what they find is charged to the requirement each
 * check enforces. A failed arrange step (`ctx.arrange(REQ, …)`) blocks the test instead of failing it.
 */
import { AssertionError } from "node:assert";
import { describe, type TestContext, TestRunner, test } from "vitest";
import { type CheckContext, standardFindings } from "../checks/index.js";
import { type ReqId, requirements } from "../generated/requirements.js";
import { withInputs } from "../generators/random.js";
import type { Exchange } from "../lib/exchange.js";
import { type Failure, formatExchange, formatFailure } from "../lib/failure.js";
import { valueAt } from "../lib/value-at.js";
import type { ConformanceMeta, Finding, Needs, TestOutcome } from "../run/outcome.js";
import type { Profile } from "../run/profile.js";
import { testKey, testSeed, type WorkerPlan } from "../run/worker-plan.js";
import { type ApiClient, createClient } from "./client.js";
import {
  BlockedError,
  BudgetExhaustedError,
  ContractAssertionError,
  MissingCredentialError,
  TargetUnreachableError,
  TooSlowToJudgeError,
} from "./errors.js";
import { currentPlans } from "./plan.js";
import { redactorFor } from "./redact.js";
import { arrangeShared, attempt, type Settled, type SharedState, replayShared, sharedState } from "./shared.js";
import { RunStoppedError } from "./stop.js";
import { fillTitle } from "./title.js";

export type { Settled } from "./shared.js";

export type { Needs } from "../run/outcome.js";

export interface Ctx {
  api: ApiClient;
  plan: WorkerPlan;
  profile: Profile;
  /** the injected "today" (YYYY-MM-DD, UTC) */
  today: string;
  /** Exchanges made so far in this test. */
  exchanges: readonly Exchange[];
  /** Observations for OPEN requirements (shown in the report, never judged). */
  record(what: string, value: unknown): Promise<void>;
  /**
   * Runs an arrange step that relies on requirement `by`: if its assertions fail, the test is blocked by
   * `by` (it verified nothing) instead of failing its own requirement. When `by` is the test's own
   * requirement the failure is the test's verdict.
   */
  arrange<T>(by: ReqId, step: () => Promise<T> | T): Promise<T>;
  /**
   * Arranged state that several tests of this file judge, each its own requirement: `build` runs once per
   * plan, in the test that asks first (its exchanges hold the requests), with inputs from a seed of its own
   * (`file#name`), so every test gets the same state whichever asked first and whatever the selection. An
   * arrange step of `build` that fails blocks (or fails) each test that shares it as if it had run the
   * step itself. `build` must be the same function wherever `name` is used.
   */
  shared<T>(name: string, build: (t: SharedCtx) => Promise<T>): Promise<T>;
  /** The value of a part of shared state its arrangement `attempt`ed; a failed part blocks (or fails) this test as `shared` would. */
  part<T>(settled: Settled<T>): Promise<T>;
  task: TestContext;
}

/** What the arrangement of shared state may use: no test's own state (record, task, exchanges). */
export type SharedCtx = Pick<Ctx, "api" | "profile" | "today" | "arrange"> & {
  /** Runs a part of the arrangement that only some tests need: a failure is kept for those that ask (`Ctx.part`). */
  attempt<T>(step: () => Promise<T>): Promise<Settled<T>>;
};

type Body = (ctx: Ctx) => Promise<void>;

/** Shared arranged state per run (its budget counter is the run's own), plan and file#name. */
const sharedStates = new Map<string, SharedState>();

/**
 * Why a test cannot run on this target, or undefined: out of scope when the profile says the target cannot
 * (no such role, capability or strict switch); a credential problem when it names the role but its variable
 * is not set (that leaves the requirement not verified: the run is incomplete).
 */
export function skipReason(
  needs: Needs | undefined,
  plan: Pick<WorkerPlan, "profile" | "credentials">,
): { reason: string; unverified: "out-of-scope" | "credential" } | undefined {
  const { profile, credentials } = plan;
  const out = (reason: string) => ({ reason, unverified: "out-of-scope" as const });
  for (const role of needs?.roles ?? []) {
    if (!profile.credentials[role]) return out(`the profile "${profile.name}" names no credential for the role ${role}`);
    if (!credentials[role])
      return { reason: `the environment variable ${profile.credentials[role]} (role ${role}) is not set`, unverified: "credential" };
  }
  for (const cap of needs?.capabilities ?? [])
    if (!profile.capabilities[cap]) return out(`the target does not support ${cap} (profile capabilities.${cap} is false)`);
  for (const s of needs?.strict ?? []) if (!profile.strict[s]) return out(`strict.${s} is off in the profile "${profile.name}"`);
  for (const f of needs?.profile ?? []) {
    if (valueAt(profile, f) === undefined) return out(`the profile "${profile.name}" does not state ${f}`);
  }
  return undefined;
}

/** A vitest `expect` failure is a contract failure of the test too; anything else is not. */
function asContractError(e: unknown, exchanges: readonly Exchange[]): ContractAssertionError | undefined {
  if (e instanceof ContractAssertionError) return e;
  const err = e as Error;
  if (err instanceof AssertionError || err?.name === "AssertionError") {
    const failure: Failure = {
      check: "assertion",
      title: err.message.split("\n")[0],
      expected: "(see the assertion)",
      received: err.message.split("\n").slice(1).join(" ").slice(0, 300),
    };
    return new ContractAssertionError([failure], exchanges.at(-1));
  }
  return undefined;
}

const firstLine = (s: string): string =>
  s
    .split("\n")
    .find((l) => l.trim() !== "")
    ?.trim() ?? "";

/** The text a failed test shows (console, JUnit, Allure): each finding with its requirement, then its exchange. */
function findingsText(findings: readonly Finding[], exchanges: readonly Exchange[]): string {
  const byExchange = new Map<number | undefined, Finding[]>();
  for (const f of findings) byExchange.set(f.exchange, [...(byExchange.get(f.exchange) ?? []), f]);
  return [...byExchange]
    .map(([i, list]) => {
      const blocks = list.map((f) => `[${f.requirement}] ${formatFailure(f.failure)}`);
      const x = i === undefined ? undefined : exchanges[i];
      return [...blocks, ...(x ? ["", formatExchange(x)] : [])].join("\n");
    })
    .join("\n\n");
}

async function run(
  plan: WorkerPlan,
  id: ReqId,
  task: TestContext,
  body: Body,
  needs: Needs | undefined,
  observeOnly: boolean,
): Promise<void> {
  const meta = task.task.meta.conformance as ConformanceMeta;
  const key = testKey(task.task.file.name, task.task.name);
  const seed = testSeed(plan.seed, key);
  const outcome: TestOutcome = { verdict: "pass", findings: [], observations: [], exchanges: [], checked: {}, seed };
  meta.outcome = outcome;
  const exchanges: Exchange[] = [];
  const why = skipReason(needs, plan);
  if (why) {
    Object.assign(outcome, { verdict: "skipped", unverified: why.unverified, reason: why.reason });
    task.skip(why.reason);
  }
  const api = createClient(
    plan,
    (exchange) => {
      outcome.exchanges.push(exchange.record);
      exchanges.push(exchange);
    },
    key,
  );
  // What a test records is often what the target sent (headers, codes, names): redacted as an exchange is.
  const redactor = redactorFor(plan.secrets);
  const record = async (what: string, value: unknown): Promise<void> => {
    outcome.observations.push({ what: redactor.text(what), value: redactor.value(value) });
  };
  const arrange = async <T>(by: ReqId, step: () => Promise<T> | T): Promise<T> => {
    try {
      return await step();
    } catch (e) {
      const c = by === id ? undefined : asContractError(e, exchanges);
      // An answer the step could not read (every failure names the rule that made it unreadable, a schema slip
      // such as status.code "200") blocks by that rule, which the standard checks fail, not by the step's own.
      const unreadable = c?.failures.every((f) => f.blockedBy) ? (c.failures[0]?.blockedBy as ReqId | undefined) : undefined;
      throw c ? new BlockedError(unreadable && unreadable !== id ? unreadable : by, c) : e;
    }
  };
  const shared = async <T>(name: string, build: (t: SharedCtx) => Promise<T>): Promise<T> => {
    const state = `${task.task.file.name.replace(/\.test\.[tj]s$/, ".test")}#${name}`;
    const s = sharedState(sharedStates, `${plan.budget.counterFile}\u0000${plan.id}\u0000${state}`, build, key, () =>
      // Inputs of its own: the same state whichever test asked first and whatever the selection.
      withInputs(testSeed(plan.seed, state), () =>
        build({ api, profile: plan.profile, today: plan.today, arrange: arrangeShared, attempt }),
      ),
    );
    outcome.shared = [...(outcome.shared ?? []), { state, arrangedBy: s.arrangedBy }];
    return s.result.then(
      (v) => v as T,
      (e: unknown) => replayShared(arrange, e),
    );
  };
  const part = async <T>(settled: Settled<T>): Promise<T> => (settled.ok ? settled.value : replayShared(arrange, settled.failure));
  const charge = (requirement: ReqId, failure: Failure, exchange: number | undefined) => {
    if (failure.open)
      outcome.observations.push({
        what: `${failure.check} (OPEN: not judged)`,
        value: redactor.text(`${failure.title} — ${failure.open}`),
      });
    else outcome.findings.push({ requirement, failure, ...(exchange === undefined || exchange < 0 ? {} : { exchange }) });
  };

  let error: unknown;
  const ownFailedAt = new Set<number>();
  try {
    await withInputs(seed, () =>
      body({ api, plan, profile: plan.profile, today: plan.today, exchanges, record, arrange, shared, part, task }),
    );
  } catch (e) {
    const contract = asContractError(e, exchanges);
    if (e instanceof RunStoppedError) {
      Object.assign(outcome, { verdict: "error", unverified: "interrupted", reason: e.message });
      error = e;
    } else if (e instanceof BudgetExhaustedError || e instanceof MissingCredentialError) {
      Object.assign(outcome, {
        verdict: "skipped",
        unverified: e instanceof BudgetExhaustedError ? "budget" : "credential",
        reason: e.message,
      });
    } else if (e instanceof BlockedError) {
      Object.assign(outcome, { verdict: "blocked", unverified: "blocked", blockedBy: e.by, reason: e.message });
    } else if (contract && observeOnly) {
      // An OPEN requirement never fails the target: a deviation is what it observed.
      outcome.observations.push({ what: "deviation", value: redactor.text(firstLine(contract.message)) });
    } else if (contract) {
      const at = contract.exchange ? exchanges.indexOf(contract.exchange) : -1;
      const judged = contract.failures.filter((f) => !f.blockedBy);
      // Every failed assertion could not judge (the codes of a malformed envelope): blocked by that rule.
      const blocker = judged.length === 0 ? contract.failures[0]?.blockedBy : undefined;
      if (blocker)
        Object.assign(outcome, {
          verdict: "blocked",
          unverified: "blocked",
          blockedBy: blocker,
          reason: `blocked by ${blocker}: ${contract.failures[0]?.title}`,
        });
      for (const f of judged) charge(id, f, at);
      if (outcome.findings.length > 0) outcome.verdict = "fail";
      if (at >= 0) ownFailedAt.add(at);
    } else {
      const unreachable = e instanceof TargetUnreachableError;
      Object.assign(outcome, {
        verdict: "error",
        unverified: unreachable ? "unreachable" : e instanceof TooSlowToJudgeError ? "timeout" : "defect",
        reason: firstLine(String((e as Error)?.message ?? e)),
      });
      error = e;
    }
  }
  if (observeOnly && outcome.verdict === "pass") outcome.verdict = "observed";

  // Every response of every test is held to the spec, whatever the test itself asserted (OPEN tests excepted:
  // what they provoke may be exactly what the contract leaves open).
  if (!observeOnly) {
    const checkCtx: CheckContext = { exactMessages: plan.profile.strict.exactMessages };
    exchanges.forEach((x, i) => {
      const examined = (check: string) => {
        outcome.checked[check] = (outcome.checked[check] ?? 0) + 1;
      };
      for (const { def, failure } of standardFindings(x, checkCtx, ownFailedAt.has(i), examined)) charge(def.requirement, failure, i);
    });
  }

  if (outcome.findings.length > 0)
    throw new ContractAssertionError(
      outcome.findings.map((f) => f.failure),
      undefined,
      findingsText(outcome.findings, exchanges),
    );
  if (error !== undefined) throw error;
  if (outcome.verdict === "skipped" || outcome.verdict === "blocked") task.skip(outcome.reason);
}

interface Declared {
  id: ReqId;
  title: string;
  body: Body;
  needs: Needs | undefined;
  observeOnly: boolean;
}

/** Files whose tests share state on the target and so run one after another, whatever the profile's concurrency. */
const inOrderFiles = new WeakSet<object>();

/**
 * Called at the top of a suite file whose tests depend on running one after another (they share an
 * account's rate-limit window, for instance): they never overlap, whatever the profile's concurrency.
 */
export function inOrder(): void {
  inOrderFiles.add(TestRunner.getCurrentSuite().file);
}

/** The profile lets the tests of this file overlap (one plan's tests; plans of a batch always overlap). */
const overlapping = (plan: WorkerPlan): boolean => plan.profile.concurrency > 1 && !inOrderFiles.has(TestRunner.getCurrentSuite().file);

function declareFor(plan: WorkerPlan, d: Declared): void {
  const title = `[${d.id}] ${d.title}`;
  // Not selected: not even declared (no skip to count).
  if (plan.selection && !plan.selection.includes(d.id)) return;
  if (plan.tests && !plan.tests.includes(testKey(TestRunner.getCurrentSuite().file.name, title))) return;
  const meta: ConformanceMeta = {
    requirement: d.id,
    planId: plan.id,
    ...(d.needs ? { needs: d.needs } : {}),
    ...(d.observeOnly ? { observeOnly: true } : {}),
  };
  // The [ID] prefix is for people reading JUnit and the console; the launcher reads the meta.
  test(title, { tags: [d.id], meta: { conformance: meta }, concurrent: overlapping(plan) }, (task) =>
    run(plan, d.id, task, d.body, d.needs, d.observeOnly),
  );
}

/** Per test file of a fault batch: the tests declared so far, read when the plans' suites are collected. */
const pendingByFile = new WeakMap<object, Declared[]>();

function declare(id: ReqId, title: string, body: Body, needs: Needs | undefined, observeOnly: boolean): void {
  if (!requirements[id]) throw new Error(`unknown requirement ${id}`);
  const d: Declared = { id, title, body, needs, observeOnly };
  const plans = currentPlans();
  if (plans.length === 1) {
    declareFor(plans[0] as WorkerPlan, d);
    return;
  }
  // A fault batch: the file's tests once per plan, plans concurrently, each plan's tests as its profile
  // allows (in order, or overlapping). Suite bodies run after the file is imported, so one
  // suite per plan, registered at the file's first test, holds every test of the file.
  const file = TestRunner.getCurrentSuite().file;
  let pending = pendingByFile.get(file);
  if (!pending) {
    const list: Declared[] = [];
    pending = list;
    pendingByFile.set(file, list);
    for (const plan of plans)
      describe.concurrent(plan.id, () => {
        describe("tests", { concurrent: overlapping(plan), sequential: !overlapping(plan) }, () => {
          for (const t of list) declareFor(plan, t);
        });
      });
  }
  pending.push(d);
}

export function conformance(id: ReqId, title: string, body: Body, needs?: Needs): void {
  if (requirements[id]?.basis === "OPEN") throw new Error(`${id} is OPEN: declare it with observe(), not conformance()`);
  declare(id, title, body, needs, false);
}

/**
 * A table of cases: `conformance.for(rows)("answers $name with 422", (row, ctx) => …)`.
 * Each row names its own requirement in `req`; `$field` in the title is filled from the row. Rows hold
 * data and functions, never generated values (inputs are made inside the test, from its seed).
 */
conformance.for =
  <T extends { req: ReqId }>(rows: readonly T[]) =>
  (title: string, body: (row: T, ctx: Ctx) => Promise<void>, needs?: Needs | ((row: T) => Needs | undefined)): void => {
    for (const row of rows) {
      conformance(row.req, fillTitle(title, row), (ctx) => body(row, ctx), typeof needs === "function" ? needs(row) : needs);
    }
  };

/** OPEN requirements: send, record what was seen, never fail the target (it still fails on a suite defect). */
export function observe(id: ReqId, title: string, body: Body, needs?: Needs): void {
  if (requirements[id]?.basis !== "OPEN") throw new Error(`${id} is not OPEN: declare it with conformance()`);
  declare(id, title, body, needs, true);
}
