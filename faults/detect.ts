/**
 * Defines `detectFaults`: the suite against the conformant mock, then against every faulty mock of the
 * catalogues and every conformant variant — all through the one launcher, one plan (= vitest project) per
 * mock in a single vitest process. Each run is judged from its own certification (faults/score.ts).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildCertification, type Certification } from "../reporting/certification.js";
import { runFacts } from "../reporting/run-facts.js";
import { runSuite, runSuites } from "../run/launcher.js";
import { buildPlan, type RunPlan } from "../run/plan.js";
import type { RunResult } from "../run/results.js";
import { type FaultScore, judge, judgeVariant, type VariantScore } from "./score.js";
import type { CatalogueFault, ConformantVariant } from "./types.js";

export const DEFAULT_SEED = 20240501;

export interface Catalogue {
  name: string;
  faults: readonly CatalogueFault[];
}

export interface DetectionOptions {
  catalogues: readonly Catalogue[];
  variants?: readonly ConformantVariant[];
  /** run the whole suite against each fault (precision needs it); else only the tests of its `breaks` */
  full?: boolean;
  seed?: number;
  /** the injected "today" (default: the real date) */
  today?: string;
  maxWorkers?: number;
  /** progress lines (`fault 12/73 …`) */
  onProgress?: (line: string) => void;
}

export interface Detection {
  baseline: Certification;
  scores: FaultScore[];
  variants: VariantScore[];
  durationMs: number;
}

const certify = (plan: RunPlan, result: RunResult) =>
  buildCertification({ result, facts: runFacts(plan, result), profile: plan.profile.profile, selected: plan.selection?.ids });

export async function detectFaults(options: DetectionOptions): Promise<Detection> {
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), "idme-faults-"));
  const seed = options.seed ?? DEFAULT_SEED;
  const progress = options.onProgress ?? (() => {});
  try {
    const planOf = (id: string, extra: Partial<Parameters<typeof buildPlan>[0]> = {}) =>
      buildPlan(
        { id, reportsDir: join(dir, id.replace(/[^\w.-]/g, "_")), seed, ...(options.today ? { today: options.today } : {}), ...extra },
        {},
      );
    const basePlan = planOf("conformant");
    const baseRun = await runSuite(basePlan, { maxWorkers: options.maxWorkers });
    const baseline = certify(basePlan, baseRun);
    progress(`conformant mock: ${baseline.summary} (${(baseRun.durationMs / 1000).toFixed(1)} s)`);
    // How many tests each requirement has: a fault's run is done when all its selected tests reported.
    const perRequirement = new Map<string, number>();
    for (const t of baseRun.tests) perRequirement.set(t.requirement, (perRequirement.get(t.requirement) ?? 0) + 1);

    const faultPlans = options.catalogues.flatMap((c) =>
      c.faults.map((f) => ({
        catalogue: c.name,
        fault: f,
        plan: planOf(`${c.name}:${f.id}`, { mockFaults: [f], ...(options.full ? {} : { requirements: [...f.breaks] }) }),
      })),
    );
    const variantPlans = (options.variants ?? []).map((v) => ({ variant: v, plan: planOf(`variant:${v.id}`, { mockFaults: [v] }) }));
    const plans = [...faultPlans.map((p) => p.plan), ...variantPlans.map((p) => p.plan)];
    const expected = new Map(
      plans.map((p) => [
        p.id,
        p.selection ? p.selection.ids.reduce((n, id) => n + (perRequirement.get(id) ?? 0), 0) : baseRun.tests.length,
      ]),
    );
    const seen = new Map<string, number>();
    let finished = 0;
    const results = await runSuites(plans, {
      maxWorkers: options.maxWorkers,
      onTest: (plan) => {
        const n = (seen.get(plan.id) ?? 0) + 1;
        seen.set(plan.id, n);
        if (n === expected.get(plan.id))
          progress(`fault ${++finished}/${plans.length} ${plan.id} done · ${((Date.now() - started) / 1000).toFixed(0)} s`);
      },
    });
    const byId = new Map(results.map((r) => [r.planId, r]));
    const scores = faultPlans.map(({ catalogue, fault, plan }) => {
      const r = byId.get(plan.id) as RunResult;
      return judge(fault, catalogue, certify(plan, r), r.durationMs);
    });
    const variants = variantPlans.map(({ variant, plan }) => judgeVariant(variant, certify(plan, byId.get(plan.id) as RunResult)));
    return { baseline, scores, variants, durationMs: Date.now() - started };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
