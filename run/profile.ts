/**
 * Target profiles: what the suite may assume about a target (YAML or JSON, schema in
 * profiles/profile.schema.json). `parseProfile` validates a text and fills the defaults; every problem
 * is reported at once, each naming the offending property (with a did-you-mean for typos).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadSpec } from "../lib/spec.js";
import { packageRoot } from "../lib/paths.js";
import { sha256Hex } from "../lib/sha256.js";
import * as ahead from "../generated/profile-validator.js";
import { schemaProblems } from "../lib/config-problems.js";
import { schemaValidator } from "../lib/config-schema.js";
import { parseConfigText } from "../lib/config-text.js";
import { profileSchemaPath } from "./profile-schema.js";

// The roles are the mock's (the same names in the mock, the profiles and the suite).
import { ROLES as roles, type Role } from "../mock/types.js";
import { unreadableFile } from "../lib/unreadable-file.js";
export { roles, type Role };

export interface Profile {
  name: string;
  description?: string;
  baseUrl?: string;
  credentials: Partial<Record<Role, string>> & { primary: string };
  products: { disabledForProductDisabledRole?: string; inactiveForProductInactiveRole?: string };
  rateLimits?: { perProduct: number; perAccount: number; windowMs: number };
  /** env var names of more accounts with the rateLimited role's limits (one per rate-limit test) */
  rateLimitedPool?: string[];
  otpRetryLimit: number;
  imageBounds: { minBytes: number; maxBytes: number };
  pendingStatusCodes: number[];
  polling: { intervalMs: number; maxWaitMs: number };
  timeouts: { requestMs: number; webhookWaitMs: number };
  strict: { exactMessages: boolean; exactEdges: boolean; requireRetryAfter: boolean };
  capabilities: {
    rateLimitTests: boolean;
    webhookTests: boolean;
    serverErrorTrigger: boolean;
    documentFailCodes: boolean;
    otpExpiry: boolean;
  };
  /** quietMs: no delivery for this long (and 3× the longest gap seen) means no more are coming */
  webhook: { listenHost: string; publicBaseUrl?: string; quietMs: number };
  requestBudget: number;
  /** tests of one suite file in flight at once (1: one after another) */
  concurrency: number;
}

/** A profile that cannot be used; `problems` lists every reason, one line each. */
export class ProfileError extends Error {
  override name = "ProfileError";
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`profile ${source}: ${problems.join("; ")}`);
  }
}

export const profilesDir = join(packageRoot, "profiles");
export const mockProfilePath = join(profilesDir, "mock.yaml");
/** The cautious profile a foreign target gets when none is named (no rate-limit, webhook or 500 tests). */
export const sandboxProfilePath = join(profilesDir, "sandbox.yaml");

const schemaText = readFileSync(profileSchemaPath, "utf8");
const schema = JSON.parse(schemaText);
const validate = schemaValidator(schemaText, ahead);

const defaults = {
  products: {},
  otpRetryLimit: 3,
  imageBounds: { minBytes: 40_960, maxBytes: 16_777_216 },
  pendingStatusCodes: [100],
  polling: { intervalMs: 1000, maxWaitMs: 60_000 },
  timeouts: { requestMs: 15_000, webhookWaitMs: 10_000 },
  strict: { exactMessages: false, exactEdges: false, requireRetryAfter: false },
  capabilities: { rateLimitTests: false, webhookTests: false, serverErrorTrigger: false, documentFailCodes: false, otpExpiry: true },
  webhook: { listenHost: "127.0.0.1", quietMs: 300 },
  requestBudget: 500,
  concurrency: 1,
};

/** Pending codes must be codes the spec lets a transaction answer carry, and not a final one. */
function pendingCodeProblems(codes: readonly number[]): string[] {
  const allowed = (loadSpec().components.schemas.TransactionStatus.properties.code.enum as number[]) ?? [];
  const finals = [200, 300];
  return codes
    .filter((c) => !allowed.includes(c) || finals.includes(c))
    .map((c) =>
      finals.includes(c)
        ? `pendingStatusCodes: ${c} is a final status.code (200 completed, 300 unsuccessful), it cannot mean pending`
        : `pendingStatusCodes: ${c} is not a status.code the spec allows (TransactionStatus.code: ${allowed.join(", ")}); a target answering it fails schema validation`,
    );
}

export function parseProfile(text: string, source: string): Profile {
  const parsed = parseConfigText(text, source);
  if ("problem" in parsed) throw new ProfileError(source, [parsed.problem]);
  const raw = parsed.value;
  // An empty document (nothing, or only comments) parses to null: "(top level): must be object" would not say so.
  if (raw === null || raw === undefined)
    throw new ProfileError(source, ["is empty (no YAML or JSON document in it); start from a copy of profiles/sandbox.yaml"]);
  if (!validate(raw)) throw new ProfileError(source, schemaProblems(schema, validate.errors));
  // `$schema` is for editors only: it is not part of the profile.
  const { $schema: _editorSchema, ...p } = raw as Partial<Profile> & {
    name: string;
    credentials: Profile["credentials"];
    $schema?: string;
  };
  const profile = {
    ...defaults,
    ...p,
    polling: { ...defaults.polling, ...p.polling },
    timeouts: { ...defaults.timeouts, ...p.timeouts },
    strict: { ...defaults.strict, ...p.strict },
    capabilities: { ...defaults.capabilities, ...p.capabilities },
    webhook: { ...defaults.webhook, ...p.webhook },
  } as Profile;
  const problems = pendingCodeProblems(profile.pendingStatusCodes);
  if (profile.imageBounds.minBytes >= profile.imageBounds.maxBytes) problems.push("imageBounds: minBytes must be below maxBytes");
  if (problems.length) throw new ProfileError(source, problems);
  return profile;
}

export interface LoadedProfile {
  profile: Profile;
  /** the file it came from, or "-" for standard input */
  path: string;
  /** SHA-256 of the exact bytes read, for the banner, the certification and the manifest */
  sha256: string;
}

const STDIN = "(standard input)";

/** Why the profile's bytes could not be read, and what to do instead. */
function unreadable(path: string, code: string | undefined): string {
  if (path === "-")
    return `standard input could not be read (${code ?? "unknown error"}); pipe the profile into it (--profile - < my-target.yaml) or name its file (--profile my-target.yaml)`;
  return unreadableFile(code, "profiles/sandbox.yaml");
}

/** Reads a profile file, or standard input for "-" (`readStdin` is injectable for tests). */
export function loadProfile(path: string, readStdin: () => string = () => readFileSync(0, "utf8")): LoadedProfile {
  let text: string;
  try {
    text = path === "-" ? readStdin() : readFileSync(path, "utf8");
  } catch (e) {
    throw new ProfileError(path === "-" ? STDIN : path, [unreadable(path, (e as NodeJS.ErrnoException).code)]);
  }
  if (path === "-" && text.trim() === "")
    throw new ProfileError(STDIN, [
      "standard input is empty; pipe the profile into it (--profile - < my-target.yaml) or name its file (--profile my-target.yaml)",
    ]);
  return {
    profile: parseProfile(text, path === "-" ? STDIN : path),
    path,
    sha256: sha256Hex(text),
  };
}
