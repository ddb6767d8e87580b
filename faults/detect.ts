/**
 * Defines `detectFaults`: the suite against the conformant mock, then against every faulty mock of the
 * catalogues and every conformant variant — all through the one launcher, one plan per mock, the faulty
 * mocks in a single vitest process. Each run is judged from its own certification (faults/score.ts).
 *
 * Which tests run against a fault (`mode`):
 * - "reached" (default): the conformant run follows every fault's shadow (mock/shadows.ts) and learns which
 *   tests each fault can answer differently; a fault then runs exactly those tests. The others would get the
 *   conformant mock's answers and pass, so the verdict and the precision are those of a full run, given that
 *   tests do not depend on each other's state — except arranged state they share (`Ctx.shared`): a reached
 *   test brings every test that shares state with it (the requests are tagged with only one of them).
 * - "full": every test against every fault (no such assumption; several minutes).
 * - "quick": only the tests of the requirements a fault declares (fast, but blind to collateral failures).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildCertification, type Certification } from "../reporting/certification.js";
import { runFacts } from "../reporting/run-facts.js";
import { runSuite, runSuites } from "../run/launcher.js";
import { buildPlan, type PlanRequest, type RunPlan } from "../run/plan.js";
import type { RunResult, ShadowReach } from "../run/results.js";
import { couldNotJudge, type FaultScore, judge, judgeVariant, unreached, type VariantScore, variantUnjudged } from "./score.js";
import type { CatalogueFault, ConformantVariant } from "./types.js";

export const DEFAULT_SEED = 20240501;

export interface Catalogue {
  name: string;
  faults: readonly CatalogueFault[];
}

export type DetectionMode = "reached" | "full" | "quick";

export interface DetectionOptions {
  catalogues: readonly Catalogue[];
  variants?: readonly ConformantVariant[];
  mode?: DetectionMode;
  seed?: number;
  /** the injected "today" (default: the real date) */
  today?: string;
  maxWorkers?: number;
  /** fault ids that also run against every test in the same launch (a check of the pruning: `crossChecked`) */
  crossCheck?: readonly string[];
  /** progress lines (`fault 12/73 …`) */
  onProgress?: (line: string) => void;
}

export interface Detection {
  mode: DetectionMode;
  baseline: Certification;
  scores: FaultScore[];
  variants: VariantScore[];
  /** the `crossCheck` faults judged on a run of every test */
  crossChecked: FaultScore[];
  /** tests run against faults and variants, and what a full run of each would have been */
  testsRun: number;
  testsFull: number;
  durationMs: number;
}

const certify = (plan: RunPlan, result: RunResult) =>
  buildCertification({ result, facts: runFacts(plan, result), profile: plan.profile.profile, selected: plan.selection?.ids });

/** The tests a fault or variant runs against, or undefined for all of them. */
function testsFor(
  mode: DetectionMode,
  id: string,
  breaks: readonly string[],
  base: RunResult,
): { tests?: string[]; requirements?: string[] } {
  if (mode === "full") return {};
  if (mode === "quick") return { requirements: [...breaks] };
  const reach = base.shadows as ShadowReach;
  if (reach.everywhere.includes(id)) return {};
  // Every requirement stays in scope: a standard check may charge one whose own tests did not run.
  return { tests: withSharers(reach.reached[id] ?? [], base) };
}

/** `tests` and every test that shares arranged state with one of them (in the conformant run). */
export function withSharers(tests: readonly string[], base: Pick<RunResult, "tests">): string[] {
  const sharers = new Map<string, string[]>();
  for (const t of base.tests) for (const u of t.outcome.shared ?? []) sharers.set(u.state, [...(sharers.get(u.state) ?? []), t.id]);
  const reached = new Set(tests);
  const out = new Set(tests);
  for (const t of base.tests)
    if (reached.has(t.id)) for (const u of t.outcome.shared ?? []) for (const other of sharers.get(u.state) ?? []) out.add(other);
  return [...out];
}

/** The MUST requirements a run could not verify, and why: for the progress line of the conformant run. */
const unverifiedList = (c: Certification) =>
  c.notVerifiedMust.length ? `; not verified: ${c.notVerifiedMust.map((n) => `${n.id} (${n.reason})`).join("; ")}` : "";

export async function detectFaults(options: DetectionOptions): Promise<Detection> {
  const started = Date.now();
  const mode = options.mode ?? "reached";
  const dir = mkdtempSync(join(tmpdir(), "idme-faults-"));
  const seed = options.seed ?? DEFAULT_SEED;
  const progress = options.onProgress ?? (() => {});
  const variants = options.variants ?? [];
  try {
    const planOf = (id: string, extra: Partial<PlanRequest> = {}) =>
      buildPlan(
        { id, reportsDir: join(dir, id.replace(/[^\w.-]/g, "_")), seed, ...(options.today ? { today: options.today } : {}), ...extra },
        {},
      );
    const everyFault = [...options.catalogues.flatMap((c) => c.faults), ...variants];
    const basePlan = planOf("conformant", mode === "reached" ? { mockShadows: everyFault } : {});
    let baseRun = await runSuite(basePlan, { maxWorkers: options.maxWorkers });
    let baseline = certify(basePlan, baseRun);
    progress(`conformant mock: ${baseline.summary} (${(baseRun.durationMs / 1000).toFixed(1)} s)${unverifiedList(baseline)}`);
    // Seen in `npm test` on a loaded machine (load average 14): a rate window outlasted, the baseline INCOMPLETE.
    // Could not judge is not failed: the conformant run is made once more, as faults are below.
    if (baseline.failedMust.length === 0 && baseline.notVerifiedMust.length > 0) {
      baseRun = await runSuite({ ...basePlan, id: "again:conformant" }, { maxWorkers: options.maxWorkers });
      baseline = certify(basePlan, baseRun);
      progress(`conformant mock, again: ${baseline.summary}${unverifiedList(baseline)}`);
    }

    const scores = new Map<string, FaultScore>();
    const plans: RunPlan[] = [];
    const faultPlans: { catalogue: string; fault: CatalogueFault; plan: RunPlan }[] = [];
    for (const c of options.catalogues)
      for (const fault of c.faults) {
        const only = testsFor(mode, fault.id, fault.breaks, baseRun);
        if (only.tests?.length === 0) {
          scores.set(`${c.name}:${fault.id}`, unreached(fault, c.name));
          continue;
        }
        const plan = planOf(`${c.name}:${fault.id}`, { mockFaults: [fault], ...only });
        faultPlans.push({ catalogue: c.name, fault, plan });
        plans.push(plan);
      }

    const variantPlans: { variant: ConformantVariant; plan?: RunPlan }[] = variants.map((variant) => {
      const only = testsFor(mode === "quick" ? "full" : mode, variant.id, [], baseRun);
      if (only.tests?.length === 0) return { variant };
      const plan = planOf(`variant:${variant.id}`, { mockFaults: [variant], ...only });
      plans.push(plan);
      return { variant, plan };
    });

    // How many tests each plan has: its progress line comes when all of them reported.
    const perRequirement = new Map<string, number>();
    for (const t of baseRun.tests) perRequirement.set(t.requirement, (perRequirement.get(t.requirement) ?? 0) + 1);
    const expected = new Map(
      plans.map((p) => [
        p.id,
        p.tests?.length ?? (p.selection ? p.selection.ids.reduce((n, id) => n + (perRequirement.get(id) ?? 0), 0) : baseRun.tests.length),
      ]),
    );
    const seen = new Map<string, number>();
    let finished = 0;
    const results = plans.length
      ? await runSuites(plans, {
          maxWorkers: options.maxWorkers,
          onTest: (plan) => {
            const n = (seen.get(plan.id) ?? 0) + 1;
            seen.set(plan.id, n);
            if (n === expected.get(plan.id))
              progress(`fault ${++finished}/${plans.length} ${plan.id} done · ${((Date.now() - started) / 1000).toFixed(0)} s`);
          },
        })
      : [];
    // The cross-check runs after, in a launch of its own: whole suites beside the pruned plans would load the
    // machine and make timing-bound tests (webhook retries, rate windows) unjudgeable.
    const crossPlans: { catalogue: string; fault: CatalogueFault; plan: RunPlan }[] = [];
    for (const c of options.catalogues)
      for (const fault of c.faults.filter((f) => options.crossCheck?.includes(f.id)))
        crossPlans.push({ catalogue: c.name, fault, plan: planOf(`full:${c.name}:${fault.id}`, { mockFaults: [fault] }) });
    if (crossPlans.length) {
      progress(`cross-check: ${crossPlans.length} fault(s) against every test`);
      results.push(
        ...(await runSuites(
          crossPlans.map((p) => p.plan),
          { maxWorkers: options.maxWorkers },
        )),
      );
    }
    const byId = new Map(results.map((r) => [r.planId, r]));
    // A fault missed because a requirement it breaks could not be judged (rate windows, webhook retries: the
    // launch's ~250 plans load the machine) is run again, alone with the others like it: "could not judge" is not
    // "missed". Seen in `npm test`: three rate-limit faults, RATE-02 and RATE-06 not verified, caught when run again.
    // Variants alike: a test in error says nothing about the variant yet.
    const certified = (plan: RunPlan) => certify(plan, byId.get(plan.id) as RunResult);
    const unjudged = [
      ...faultPlans.filter(({ fault, plan }) => couldNotJudge(fault, certified(plan))).map((p) => p.plan),
      ...variantPlans.flatMap(({ plan }) => (plan && variantUnjudged(certified(plan)) ? [plan] : [])),
    ];
    if (unjudged.length) {
      progress(`again, alone: ${unjudged.length} plan(s) whose requirements could not be judged: ${unjudged.map((p) => p.id).join(", ")}`);
      const again = await runSuites(
        unjudged.map((p) => ({ ...p, id: `again:${p.id}` })),
        { maxWorkers: options.maxWorkers },
      );
      for (const r of again) byId.set(r.planId.slice("again:".length), r);
    }
    const judged = ({ catalogue, fault, plan }: { catalogue: string; fault: CatalogueFault; plan: RunPlan }) => {
      const r = byId.get(plan.id) as RunResult;
      return judge(fault, catalogue, certify(plan, r), r.durationMs);
    };
    for (const p of faultPlans) scores.set(`${p.catalogue}:${p.fault.id}`, judged(p));
    return {
      mode,
      baseline,
      crossChecked: crossPlans.map(judged),
      scores: options.catalogues.flatMap((c) => c.faults.map((f) => scores.get(`${c.name}:${f.id}`) as FaultScore)),
      variants: variantPlans.map(({ variant, plan }) =>
        judgeVariant(variant, plan ? certify(plan, byId.get(plan.id) as RunResult) : undefined),
      ),
      testsRun: results.reduce((n, r) => n + r.tests.length, 0),
      testsFull: baseRun.tests.length * everyFault.length,
      durationMs: Date.now() - started,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
