/**
 * Defines `loadProfile`: reads a target profile (YAML or JSON), validates it against
 * profiles/profile.schema.json and fills the defaults. A bad profile is a ProfileError with a
 * one-line message (the CLI turns it into exit code 2).
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parse as parseYaml } from "yaml";

export const roles = [
  "primary",
  "secondary",
  "inactiveAccount",
  "inactiveOrg",
  "productDisabled",
  "productInactive",
  "rateLimited",
] as const;
export type Role = (typeof roles)[number];

export interface Profile {
  name: string;
  description?: string;
  baseUrl?: string;
  credentials: Partial<Record<Role, string>> & { primary: string };
  products: { disabledForProductDisabledRole?: string; inactiveForProductInactiveRole?: string };
  rateLimits?: { perProduct: number; perAccount: number; windowMs: number };
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
  webhook: { listenHost: string; publicBaseUrl?: string };
  requestBudget: number;
}

export class ProfileError extends Error {
  override name = "ProfileError";
}

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
export const defaultProfilePath = join(projectRoot, "profiles", "mock.yaml");

const schema = JSON.parse(readFileSync(join(projectRoot, "profiles", "profile.schema.json"), "utf8"));
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(schema);

const defaults = {
  products: {},
  otpRetryLimit: 3,
  imageBounds: { minBytes: 40_960, maxBytes: 16_777_216 },
  pendingStatusCodes: [100],
  polling: { intervalMs: 1000, maxWaitMs: 60_000 },
  timeouts: { requestMs: 15_000, webhookWaitMs: 10_000 },
  strict: { exactMessages: false, exactEdges: false, requireRetryAfter: false },
  capabilities: { rateLimitTests: false, webhookTests: false, serverErrorTrigger: false, documentFailCodes: false, otpExpiry: true },
  webhook: { listenHost: "127.0.0.1" },
  requestBudget: 500,
};

export function parseProfile(text: string, source: string): Profile {
  let raw: unknown;
  try {
    raw = parseYaml(text); // YAML is a superset of JSON: one parser for both
  } catch (e) {
    throw new ProfileError(`profile ${source} is not valid YAML/JSON: ${(e as Error).message.split("\n")[0]}`);
  }
  if (!validate(raw)) {
    const first = validate.errors?.[0];
    throw new ProfileError(`profile ${source}: ${first?.instancePath || "/"} ${first?.message ?? "is invalid"}`);
  }
  const p = raw as Partial<Profile> & { name: string; credentials: Profile["credentials"] };
  return {
    ...defaults,
    ...p,
    polling: { ...defaults.polling, ...p.polling },
    timeouts: { ...defaults.timeouts, ...p.timeouts },
    strict: { ...defaults.strict, ...p.strict },
    capabilities: { ...defaults.capabilities, ...p.capabilities },
    webhook: { ...defaults.webhook, ...p.webhook },
  } as Profile;
}

export function loadProfile(path: string = defaultProfilePath): Profile {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new ProfileError(`profile file not found: ${path}`);
  }
  return parseProfile(text, path);
}

/** The environment variables a profile needs that are not set (the CLI reports them, exit 2). */
export function missingCredentialVariables(profile: Profile, env: NodeJS.ProcessEnv = process.env): string[] {
  const primary = profile.credentials.primary;
  return env[primary] ? [] : [primary];
}
