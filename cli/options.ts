/**
 * Validates the conformance command's flags into a plan request and the output options. Every problem is
 * a CannotRunError with a one-line message saying what is wrong and how to fix it (exit 2), before anything
 * runs.
 */
import { resolve } from "node:path";
import { faults as catalogue, faultsById } from "../faults/catalogue.js";
import type { PlanRequest } from "../run/plan.js";
import { nearest } from "../lib/config-problems.js";
import { CannotRunError } from "./errors.js";

export interface RawOptions {
  target?: string;
  profile?: string;
  area?: string;
  requirement?: string;
  budget?: string;
  reports?: string;
  seed?: string;
  today?: string;
  mockFaults?: string;
  mockFixtures?: string;
  shard?: string;
  html?: boolean;
  allureResults?: boolean;
  quiet?: boolean;
}

export interface OutputOptions {
  html: boolean;
  /** write allure-results/ too (default: no) */
  allureResults?: boolean;
  quiet: boolean;
}

const list = (s: string | undefined) =>
  (s ?? "")
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);

/** A flag that takes a value, given another flag instead (`--target --profile x`): say so, do not swallow it. */
function positiveInt(flag: string, s: string, min: number): number {
  if (!/^\d+$/.test(s.trim())) throw new CannotRunError(`${flag} must be a whole number: ${s}`);
  const n = Number(s);
  if (!Number.isSafeInteger(n) || n < min) throw new CannotRunError(`${flag} must be at least ${min}: ${s}`);
  return n;
}

export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function targetOf(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new CannotRunError(`--target is not a URL: ${raw} (e.g. --target https://services.idmelabs.com)`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new CannotRunError(`--target must be http(s): ${raw}`);
  if (url.username || url.password)
    throw new CannotRunError("--target must not carry credentials; the profile names the environment variables that hold them");
  return raw.replace(/\/+$/, "");
}

function shardOf(raw: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(raw.trim());
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count)
    throw new CannotRunError(`--shard must be i/n with 1 ≤ i ≤ n, e.g. --shard 2/4: ${raw}`);
  return { index, count };
}

export function parseRunOptions(raw: RawOptions, cwd = process.cwd()): { request: PlanRequest; output: OutputOptions } {
  const target = raw.target === undefined ? undefined : targetOf(raw.target);
  const faultIds = list(raw.mockFaults);
  if (faultIds.length && target) throw new CannotRunError("--mock-faults applies to the embedded mock only; drop --target");
  if (raw.mockFixtures && target) throw new CannotRunError("--mock-fixtures applies to the embedded mock only; drop --target");
  if (raw.mockFaults !== undefined && faultIds.length === 0)
    throw new CannotRunError("--mock-faults needs at least one fault id (--list shows them); drop the flag for the conformant mock");
  const unknown = faultIds.filter((id) => !catalogue.some((f) => f.id === id));
  if (unknown.length) {
    const ids = catalogue.map((f) => f.id);
    const named = unknown.map((id) => {
      const near = nearest(id, ids);
      return near ? `${id} (did you mean ${near}?)` : id;
    });
    throw new CannotRunError(`unknown fault(s) for --mock-faults: ${named.join(", ")}; known: ${ids.join(", ")}`);
  }
  if (raw.today !== undefined && !isIsoDate(raw.today))
    throw new CannotRunError(`--today must be a calendar date YYYY-MM-DD: ${raw.today}`);
  const request: PlanRequest = {
    ...(target ? { target } : {}),
    ...(raw.profile !== undefined ? { profile: raw.profile === "-" ? "-" : resolve(cwd, raw.profile) } : {}),
    areas: list(raw.area),
    requirements: list(raw.requirement).map((s) => s.toUpperCase()),
    ...(raw.budget !== undefined ? { budget: positiveInt("--budget", raw.budget, 1) } : {}),
    ...(raw.seed !== undefined ? { seed: positiveInt("--seed", raw.seed, 0) } : {}),
    ...(raw.today !== undefined ? { today: raw.today } : {}),
    reportsDir: resolve(cwd, raw.reports ?? "reports"),
    workDir: cwd,
    mockFaults: faultsById(faultIds),
    ...(raw.mockFixtures ? { mockFixtures: resolve(cwd, raw.mockFixtures) } : {}),
    ...(raw.shard !== undefined ? { shard: shardOf(raw.shard) } : {}),
  };
  return { request, output: { html: raw.html !== false, allureResults: raw.allureResults === true, quiet: raw.quiet === true } };
}
