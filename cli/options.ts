/**
 * Validates the conformance command's flags into RunOptions. Every problem is a CannotRunError
 * with a one-line message (exit 2) before anything runs.
 */
import { resolve } from "node:path";
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
  html?: boolean;
  quiet?: boolean;
}

export interface RunOptions {
  target?: string;
  profile?: string;
  areas: string[];
  requirements: string[];
  budget?: number;
  reportsDir: string;
  seed?: number;
  today?: string;
  mockFaults: string[];
  html: boolean;
  quiet: boolean;
}

const list = (s: string | undefined) =>
  (s ?? "")
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);

export function parseRunOptions(raw: RawOptions, cwd = process.cwd()): RunOptions {
  let target: string | undefined;
  if (raw.target !== undefined) {
    let url: URL;
    try {
      url = new URL(raw.target);
    } catch {
      throw new CannotRunError(`--target is not a URL: ${raw.target}`);
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") throw new CannotRunError(`--target must be http(s): ${raw.target}`);
    if (url.username || url.password) throw new CannotRunError("--target must not carry credentials; name them in the profile");
    target = raw.target.replace(/\/+$/, "");
  }
  const budget = raw.budget === undefined ? undefined : positiveInt("--budget", raw.budget, 1);
  const seed = raw.seed === undefined ? undefined : positiveInt("--seed", raw.seed, 0);
  if (raw.today !== undefined && !isIsoDate(raw.today)) throw new CannotRunError(`--today must be a date YYYY-MM-DD: ${raw.today}`);
  const mockFaults = list(raw.mockFaults);
  if (mockFaults.length && target) throw new CannotRunError("--mock-faults applies to the embedded mock only; drop --target");
  return {
    target,
    profile: raw.profile === undefined ? undefined : resolve(cwd, raw.profile),
    areas: list(raw.area),
    requirements: list(raw.requirement).map((s) => s.toUpperCase()),
    budget,
    reportsDir: resolve(cwd, raw.reports ?? "reports"),
    seed,
    today: raw.today,
    mockFaults,
    html: raw.html !== false,
    quiet: raw.quiet === true,
  };
}

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
