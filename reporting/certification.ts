/**
 * The certification summary: every requirement of the registry with its result, the totals
 * and the verdict. Pure: the CLI gathers the inputs, this decides.
 *
 * Rules (docs/ARCHITECTURE.md, "Certification summary"):
 * - a requirement fails when one of its tests failed with a contract assertion;
 * - the verdict is non-conformant iff a MUST requirement failed; SHOULD/MAY failures are warnings;
 * - OPEN requirements never fail: their result is "observed";
 * - a test that hit an unreachable target or a suite defect makes its requirement "skip"
 *   (inconclusive) and is listed in `errors`; with no MUST failure the verdict is then
 *   "inconclusive" (exit code 2), as it is when no test ran.
 */
import type { Requirement } from "./registry.js";
import { classify, firstLine, type TestRecord } from "./test-record.js";
import type { RunError } from "./collector.js";

export type ReqResult = "pass" | "fail" | "skip" | "observed";

export interface RequirementEntry {
  id: string;
  level: Requirement["level"];
  basis: Requirement["basis"];
  area: string;
  text: string;
  result: ReqResult;
  reason: string;
  tests: { title: string; state: TestRecord["state"]; message?: string }[];
}

export interface RunMeta {
  suite: { name: string; version: string };
  specSha256: string;
  target: string;
  profile: string;
  seed: number | null;
  today: string;
  date: string;
  filter: { areas: string[]; requirements: string[] } | null;
}

export interface Certification extends Omit<RunMeta, "filter"> {
  filter: RunMeta["filter"];
  /** inconclusive: no MUST failure, but a test could not judge (unreachable, suite defect) or none ran. */
  verdict: "conformant" | "non-conformant" | "inconclusive";
  totals: { passed: number; failed: number; skipped: number; observed: number };
  tests: { passed: number; failed: number; skipped: number };
  warnings: { id: string; level: string; reason: string }[];
  /**
   * MUST requirements this run did not verify (skipped: missing role, capability, budget, filter).
   * A "conformant" verdict with any of these is partial: it says nothing about them.
   */
  unverifiedMust: string[];
  errors: { kind: string; source: string; message: string }[];
  requirements: RequirementEntry[];
}

export interface CertificationInput {
  registry: Requirement[];
  tests: TestRecord[];
  runErrors: RunError[];
  /** Requirement ids the filter selected; undefined when the run was not filtered. */
  selected?: ReadonlySet<string>;
  meta: RunMeta;
}

export function buildCertification(input: CertificationInput): Certification {
  const { registry, tests, runErrors, selected, meta } = input;
  const known = new Set(registry.map((r) => r.id));
  const errors: Certification["errors"] = runErrors.map((e) => ({
    kind: e.kind === "module" ? "suite-defect" : "unhandled",
    source: e.source,
    message: firstLine(e.message),
  }));

  const byReq = new Map<string, TestRecord[]>();
  for (const t of tests) {
    const outcome = classify(t);
    if (outcome === "not-run") continue; // filtered out or skipped without a reason: not evidence
    if (!t.requirement || !known.has(t.requirement)) {
      errors.push({ kind: "suite-defect", source: t.file, message: `test "${t.title}" names no known requirement id` });
      continue;
    }
    if (outcome === "unreachable" || outcome === "defect") {
      errors.push({
        kind: outcome === "unreachable" ? "target-unreachable" : "suite-defect",
        source: t.fullName,
        message: firstLine(`${t.errorName ?? "Error"}: ${t.message ?? ""}`),
      });
    }
    const list = byReq.get(t.requirement) ?? [];
    list.push(t);
    byReq.set(t.requirement, list);
  }

  const requirements = registry.map((req) => judge(req, byReq.get(req.id) ?? [], selected));
  const count = (r: ReqResult) => requirements.filter((e) => e.result === r).length;
  const ran = tests.filter((t) => classify(t) !== "not-run");
  const mustFailed = requirements.some((e) => e.result === "fail" && e.level === "MUST");
  return {
    suite: meta.suite,
    specSha256: meta.specSha256,
    target: meta.target,
    profile: meta.profile,
    seed: meta.seed,
    today: meta.today,
    date: meta.date,
    filter: meta.filter,
    verdict: mustFailed ? "non-conformant" : errors.length > 0 || ran.length === 0 ? "inconclusive" : "conformant",
    totals: { passed: count("pass"), failed: count("fail"), skipped: count("skip"), observed: count("observed") },
    tests: {
      passed: ran.filter((t) => t.state === "passed").length,
      failed: ran.filter((t) => t.state === "failed").length,
      skipped: ran.filter((t) => t.state === "skipped").length,
    },
    warnings: requirements
      .filter((e) => e.result === "fail" && e.level !== "MUST")
      .map((e) => ({ id: e.id, level: e.level, reason: e.reason })),
    unverifiedMust: requirements.filter((e) => e.result === "skip" && e.level === "MUST" && e.basis !== "OPEN").map((e) => e.id),
    errors,
    requirements,
  };
}

function judge(req: Requirement, tests: TestRecord[], selected: ReadonlySet<string> | undefined): RequirementEntry {
  const base = { id: req.id, level: req.level, basis: req.basis, area: req.area, text: req.text };
  const listed = tests.map((t) => ({
    title: t.fullName,
    state: t.state,
    ...(t.message || t.note ? { message: firstLine(t.message ?? t.note) } : {}),
  }));
  const entry = (result: ReqResult, reason: string): RequirementEntry => ({ ...base, result, reason, tests: listed });

  if (tests.length === 0) {
    return entry("skip", selected && !selected.has(req.id) ? "not run (filtered)" : "untested: no test in the suite ran for it");
  }
  const outcomes = tests.map((t) => ({ t, o: classify(t) }));
  const contract = outcomes.find((x) => x.o === "contract");
  const broken = outcomes.find((x) => x.o === "unreachable" || x.o === "defect");
  const passed = outcomes.filter((x) => x.o === "pass").length;

  if (req.basis === "OPEN") {
    // OPEN questions are reported, never failed (api-reference.md).
    if (contract) return entry("observed", `observed a deviation: ${firstLine(contract.t.message)}`);
    if (passed) return entry("observed", `observed in ${passed} test(s)`);
  }
  if (contract) return entry("fail", firstLine(contract.t.message) || "contract assertion failed");
  if (broken) {
    const kind = broken.o === "unreachable" ? "target unreachable" : "suite defect";
    return entry("skip", `inconclusive (${kind}): ${firstLine(`${broken.t.errorName ?? "Error"}: ${broken.t.message ?? ""}`)}`);
  }
  const skipped = outcomes.filter((x) => x.o === "skipped");
  if (passed) return entry("pass", skipped.length ? `${passed} passed, ${skipped.length} skipped: ${firstLine(skipped[0].t.note)}` : "");
  return entry("skip", firstLine(skipped[0]?.t.note) || "skipped");
}

/** Exit code of a conformance run: 1 non-conformant, 2 could not run (inconclusive), 0 conformant. */
/** The verdict as one line: `conformant`, or `conformant (partial: N MUST requirements not verified)`, … */
export function verdictLine(c: Pick<Certification, "verdict" | "unverifiedMust">): string {
  const n = c.unverifiedMust.length;
  return c.verdict === "conformant" && n > 0 ? `conformant (partial: ${n} MUST requirement${n === 1 ? "" : "s"} not verified)` : c.verdict;
}

export function exitCodeOf(c: Pick<Certification, "verdict">): 0 | 1 | 2 {
  // A MUST failure is certain even if other tests broke: non-conformant wins over inconclusive.
  return c.verdict === "non-conformant" ? 1 : c.verdict === "inconclusive" ? 2 : 0;
}
