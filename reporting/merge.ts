/**
 * Defines `mergeShards`: the reports of the n shards of one run (`--shard i/n`, run/shards.ts) as one run —
 * their results joined, premises applied across them, the facts they share checked — so the merged
 * certification, JUnit, coverage and manifest are rendered by the same code as an unsharded run's
 * (reporting/finalize.ts) and judge the same. Every problem is a MergeError, one line.
 */
import { existsSync, readFileSync } from "node:fs";
import { type ReqId, requirements } from "../generated/requirements.js";
import { selectRequirements } from "../run/plan.js";
import { applyPremises } from "../run/premises.js";
import type { Profile } from "../run/profile.js";
import type { RunResult } from "../run/results.js";
import type { Certification } from "./certification.js";
import { artifactPaths } from "./paths.js";
import { type Manifest, sha256File } from "./manifest.js";
import type { RunFacts } from "./run-facts.js";

export class MergeError extends Error {
  override name = "MergeError";
}

interface ShardReports {
  dir: string;
  result: RunResult;
  certification: Certification;
}

export interface MergedRun {
  result: RunResult;
  facts: RunFacts;
  levels: Pick<Profile, "strict">;
  selected?: ReqId[];
}

/** A shard's results.json and certification.json, checked against the hashes of its manifest. */
function readShard(dir: string): ShardReports {
  const p = artifactPaths(dir);
  for (const f of [p.results, p.certificationJson, p.manifest])
    if (!existsSync(f)) throw new MergeError(`${dir} is not a shard's reports folder: no ${f.slice(dir.length + 1)}`);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(p.manifest, "utf8")) as Manifest;
  } catch {
    throw new MergeError(`${p.manifest} is not JSON`);
  }
  for (const [name, path] of [
    ["results.json", p.results],
    ["certification.json", p.certificationJson],
  ] as const) {
    const listed = manifest.files?.find((f) => f.path === name);
    if (!listed || listed.sha256 !== sha256File(path)) throw new MergeError(`${dir}: ${name} does not match its manifest (modified?)`);
  }
  return {
    dir,
    result: JSON.parse(readFileSync(p.results, "utf8")) as RunResult,
    certification: JSON.parse(readFileSync(p.certificationJson, "utf8")) as Certification,
  };
}

/** The strict switches the shards ran with, read back from the levels their certification gave. */
function strictOf(c: Certification): Profile["strict"] {
  const strict = { exactMessages: false, exactEdges: false, requireRetryAfter: false };
  for (const e of c.requirements) {
    const when = requirements[e.id]?.mustWhen;
    if (when && e.level === "MUST") strict[when.slice("strict.".length) as keyof typeof strict] = true;
  }
  return strict;
}

/** Facts every shard of one run shares: a difference means they are not parts of the same run. */
function sameRun(f: RunFacts): Record<string, unknown> {
  return {
    "suite version": f.suite.version,
    spec: f.specSha256,
    target: f.target,
    "mock faults": f.mockFaults.join(","),
    profile: f.profile.sha256,
    seed: f.seed,
    today: f.today,
    selection: JSON.stringify(f.selection),
  };
}

export function mergeShards(dirs: readonly string[], suiteVersion: string): MergedRun {
  if (dirs.length === 0) throw new MergeError("merge needs the shards' reports folders");
  const shards = dirs.map(readShard);
  const first = shards[0].certification.facts;
  const count = first.shard?.count;
  if (!count) throw new MergeError(`${shards[0].dir} is not a shard's reports (its run had no --shard)`);
  const byIndex = new Map<number, ShardReports>();
  for (const s of shards) {
    const f = s.certification.facts;
    if (!f.shard) throw new MergeError(`${s.dir} is not a shard's reports (its run had no --shard)`);
    if (f.shard.count !== count) throw new MergeError(`${s.dir} is shard ${f.shard.index}/${f.shard.count}, the others are of ${count}`);
    if (byIndex.has(f.shard.index))
      throw new MergeError(`shard ${f.shard.index}/${count} twice: ${byIndex.get(f.shard.index)?.dir} and ${s.dir}`);
    const [a, b] = [sameRun(first), sameRun(f)];
    const differs = Object.keys(a).find((k) => a[k] !== b[k]);
    if (differs)
      throw new MergeError(
        `${s.dir} is not part of the same run as ${shards[0].dir}: its ${differs} differs (${b[differs]} vs ${a[differs]})`,
      );
    byIndex.set(f.shard.index, s);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length) throw new MergeError(`missing shard(s) ${missing.map((i) => `${i}/${count}`).join(", ")}`);
  if (first.suite.version !== suiteVersion)
    throw new MergeError(`the shards ran suite ${first.suite.version}; merge them with that version, not ${suiteVersion}`);

  const ordered = [...byIndex.keys()].sort((a, b) => a - b).map((i) => byIndex.get(i) as ShardReports);
  const results = ordered.map((s) => s.result);
  const start = Math.min(...results.map((r) => Date.parse(r.startedAt)));
  const end = Math.max(...results.map((r) => Date.parse(r.startedAt) + r.durationMs));
  const result: RunResult = {
    planId: results[0].planId,
    baseUrl: results[0].baseUrl,
    embeddedMock: results[0].embeddedMock,
    mockFaults: results[0].mockFaults,
    startedAt: new Date(start).toISOString(),
    durationMs: end - start,
    // A premise that failed on another shard blocks a test here too, as in one run.
    tests: applyPremises(results.flatMap((r) => r.tests)),
    runErrors: results.flatMap((r) => r.runErrors),
    interrupted: results.some((r) => r.interrupted),
    requests: results.reduce((n, r) => n + r.requests, 0),
  };
  const facts: RunFacts = {
    ...first,
    startedAt: result.startedAt,
    durationMs: result.durationMs,
    requests: result.requests,
    shard: null,
  };
  const selection = first.selection ? selectRequirements(first.selection.areas, first.selection.requirements) : null;
  return { result, facts, levels: { strict: strictOf(shards[0].certification) }, ...(selection ? { selected: selection.ids } : {}) };
}
