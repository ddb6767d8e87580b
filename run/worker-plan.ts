/**
 * Defines `WorkerPlan`: the part of a run plan the test workers get (through vitest's provide/inject,
 * never through the environment): serializable data only. Built by the launcher (run/launcher.ts) once
 * the target is known (the embedded mock's URL and tokens exist only after it started).
 */
import { createHash } from "node:crypto";
import type { ReqId } from "../generated/requirements.js";
import type { Profile, Role } from "./profile.js";
import type {} from "vitest"; // the augmented module (see run/outcome.ts)

export interface WorkerPlan {
  /** unique per plan of a launch (a fault batch launches many) */
  id: string;
  baseUrl: string;
  embeddedMock: boolean;
  profile: Profile;
  /** role → token; absent roles have no credential */
  credentials: Partial<Record<Role, string>>;
  /** role → the environment variable a user sets for it (curl lines, messages) */
  credentialVars: Partial<Record<Role, string>>;
  /** more accounts with the rateLimited role's limits, in the profile's order (token and its variable) */
  rateLimitedPool: { token: string; variable: string }[];
  /** every secret the run knows (tokens and what they decode to), for redaction */
  secrets: string[];
  seed: number;
  /** the injected "today" (YYYY-MM-DD, UTC) */
  today: string;
  budget: { limit: number; counterFile: string };
  /** created by the launcher when the run is stopped: no request is sent and no wait goes on after (harness/stop.ts) */
  stopFile: string;
  /** the requirements this plan runs; absent = every one (tests of others are not even declared) */
  selection?: ReqId[];
  /** only these tests (`testKey`), within the selection */
  tests?: string[];
  /** every request names its test (header x-conformance-test): the embedded mock follows fault shadows */
  tagTests?: boolean;
}

declare module "vitest" {
  export interface ProvidedContext {
    /** the plans of this vitest project: one for a run, many for a fault batch (same profile and today) */
    plans: WorkerPlan[];
  }
}

/**
 * A test's stable id: its file (without the .ts/.js ending, so sources and the compiled package agree) and
 * its title. The same in a run and in a fault batch, where each plan's tests sit in a suite of their own.
 */
export function testKey(file: string, title: string): string {
  return `${file.replace(/\.test\.[tj]s$/, ".test")}#${title}`;
}

/** The seed of one test: the run's seed and the test's stable id, so any selection replays the same inputs. */
export function testSeed(runSeed: number, testId: string): number {
  return createHash("sha256").update(`${runSeed}\u0000${testId}`).digest().readUInt32BE(0) & 0x7fffffff;
}

/** Every secret of a set of credentials: each token and the secret it decodes to. */
export function secretsOf(credentials: Partial<Record<Role, string>>, more: readonly string[] = []): string[] {
  const out = new Set<string>();
  for (const token of [...Object.values(credentials), ...more]) {
    if (!token) continue;
    out.add(token.trim());
    const decoded = Buffer.from(token.trim(), "base64").toString("utf8");
    if (decoded.length >= 6) out.add(decoded);
  }
  return [...out];
}
