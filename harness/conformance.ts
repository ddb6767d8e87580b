/**
 * Defines `conformance`, `conformance.for` and `observe`: the only way a suite declares a test.
 * Each test proves one requirement: the title is prefixed `[ID]`, the Allure labels come from the
 * registry and the spec, missing roles/capabilities/budget become honest skips with a reason,
 * and after the body every exchange of the test goes through the standard checks.
 */
import { withAllure } from "./allure.js";
import { test, type TestContext } from "vitest";
import { standardChecks } from "../checks/index.js";
import { operations } from "../generated/operations.js";
import { requirements, type ReqId } from "../generated/requirements.js";
import { api, MissingCredentialError, onExchange, type ApiClient } from "./client.js";
import { config, type Config } from "./config.js";
import { BudgetExhaustedError, ContractAssertionError } from "./errors.js";
import type { Exchange } from "./exchange.js";
import { formatFailures } from "./failures.js";
import { decisionUrl, specUrl } from "./links.js";
import type { Profile, Role } from "./profile.js";
import { current } from "./records.js";
import { valueAt } from "./value-at.js";

export interface Needs {
  roles?: readonly Role[];
  capabilities?: readonly (keyof Profile["capabilities"])[];
  /** profile.strict switches the test needs on (exact edges, exact messages, Retry-After). */
  strict?: readonly (keyof Profile["strict"])[];
  /** Profile fields that must be present. */
  profile?: readonly ("rateLimits" | "products.disabledForProductDisabledRole" | "products.inactiveForProductInactiveRole")[];
}

export interface Ctx {
  api: ApiClient;
  profile: Profile;
  config: Readonly<Config>;
  /** Exchanges made so far in this test. */
  exchanges: readonly Exchange[];
  /** Observations for OPEN requirements (shown in the report, never judged). */
  record(what: string, value: unknown): Promise<void>;
  task: TestContext;
}

type Body = (ctx: Ctx) => Promise<void>;

export const API_NAME = "ID.me Services API v2";

/** Why a test cannot run on this target, or undefined. */
export function skipReason(needs: Needs | undefined, profile: Profile = config.profile, creds = config.credentials): string | undefined {
  for (const role of needs?.roles ?? []) {
    if (!profile.credentials[role]) return `the profile "${profile.name}" names no credential for the role ${role}`;
    if (!creds[role]) return `the environment variable ${profile.credentials[role]} (role ${role}) is not set`;
  }
  for (const cap of needs?.capabilities ?? [])
    if (!profile.capabilities[cap]) return `the target does not support ${cap} (profile capabilities.${cap} is false)`;
  for (const s of needs?.strict ?? []) if (!profile.strict[s]) return `strict.${s} is off in the profile "${profile.name}"`;
  for (const f of needs?.profile ?? []) {
    if (valueAt(profile, f) === undefined) return `the profile "${profile.name}" does not state ${f}`;
  }
  return undefined;
}

async function label(id: ReqId): Promise<void> {
  await withAllure(async (allure) => {
    const req = requirements[id];
    await allure.epic(API_NAME);
    await allure.label("requirement", id);
    await allure.label("basis", req.basis);
    await allure.severity(req.level === "MUST" ? "critical" : req.level === "SHOULD" ? "normal" : "minor");
    for (const ref of req.sources) await allure.link(specUrl(ref) ?? ref, ref);
    if (req.decision) await allure.link(decisionUrl(req.decision), req.decision);
  });
}

/**
 * feature = tag and story = operationId of the operation the test exercised (its last exchange: the
 * "act" step); a test that sent nothing (skipped) falls back to the requirement's operations.
 */
async function placeInTree(id: ReqId, exchanges: readonly Exchange[]): Promise<void> {
  await withAllure(async (allure) => {
    const req = requirements[id];
    const acted = [...exchanges].reverse().find((x) => x.operationId)?.operationId;
    const ops = acted ? [acted] : req.operations.includes("*") ? [] : req.operations;
    const tags = new Set(ops.map((o) => operations.find((op) => op.id === o)?.tag ?? req.area));
    for (const t of tags.size ? tags : [req.area]) await allure.feature(t);
    for (const op of ops.length ? ops : ["every operation"]) await allure.story(op);
  });
}

async function run(id: ReqId, title: string, task: TestContext, body: Body, needs: Needs | undefined, observeOnly: boolean): Promise<void> {
  await label(id);
  const exchanges: Exchange[] = [];
  task.onTestFinished(() => placeInTree(id, exchanges));
  const why = skipReason(needs);
  if (why) task.skip(why);
  current.test = title;
  current.requirement = id;
  onExchange((x) => exchanges.push(x));
  const record = async (what: string, value: unknown): Promise<void> => {
    await withAllure((allure) => allure.attachment(`observed: ${what}`, JSON.stringify(value, null, 2), "application/json"));
    await task.annotate(`observed ${what}: ${JSON.stringify(value)}`, "observation");
  };
  try {
    await body({ api, profile: config.profile, config, exchanges, record, task });
  } catch (e) {
    if (e instanceof BudgetExhaustedError || e instanceof MissingCredentialError) task.skip(e.message);
    const err = enrich(e, exchanges) as Error;
    // An OPEN requirement never fails the target, but a broken suite or target still shows.
    if (!observeOnly || err?.name !== "ContractAssertionError") throw err;
    await record("deviation", err.message);
  } finally {
    onExchange(undefined);
  }
  if (observeOnly) return;
  // Every response of every test is held to the spec, whatever the test itself asserted.
  for (const x of exchanges) {
    const failures = standardChecks.map((c) => c(x)).filter((f) => f !== undefined);
    if (failures.length > 0) throw new ContractAssertionError(formatFailures(failures, x));
  }
}

/** A failed vitest `expect` gets the last exchange and its curl line, and becomes a contract failure. */
function enrich(e: unknown, exchanges: readonly Exchange[]): unknown {
  const err = e as Error;
  if (err?.name !== "AssertionError") return e;
  const last = exchanges[exchanges.length - 1];
  if (!last) return e;
  const wrapped = new ContractAssertionError(`${err.message}\n\nExchange: ${last.summary()}\nReproduce with:\n  ${last.request.curl}`);
  wrapped.stack = err.stack;
  return wrapped;
}

function declare(id: ReqId, title: string, body: Body, needs?: Needs, observeOnly = false): void {
  if (!requirements[id]) throw new Error(`unknown requirement ${id}`);
  const full = `[${id}] ${title}`;
  test(full, (task) => run(id, full, task, body, needs, observeOnly));
}

export function conformance(id: ReqId, title: string, body: Body, needs?: Needs): void {
  if (requirements[id]?.basis === "OPEN") throw new Error(`${id} is OPEN: declare it with observe(), not conformance()`);
  declare(id, title, body, needs);
}

/**
 * A table of cases: `conformance.for(rows)("answers $name with 422", (row, ctx) => …)`.
 * Each row names its own requirement in `req`; `$field` in the title is filled from the row.
 */
conformance.for =
  <T extends { req: ReqId }>(rows: readonly T[]) =>
  (title: string, body: (row: T, ctx: Ctx) => Promise<void>, needs?: Needs | ((row: T) => Needs | undefined)): void => {
    for (const row of rows) {
      const filled = title.replace(/\$([A-Za-z_][\w.]*)/g, (_, path: string) => String(valueAt(row, path)));
      conformance(row.req, filled, (ctx) => body(row, ctx), typeof needs === "function" ? needs(row) : needs);
    }
  };

/** OPEN requirements: send, record what was seen, never fail the target (it still fails on a suite defect). */
export function observe(id: ReqId, title: string, body: Body, needs?: Needs): void {
  if (requirements[id]?.basis !== "OPEN") throw new Error(`${id} is not OPEN: declare it with conformance()`);
  declare(id, title, body, needs, true);
}
