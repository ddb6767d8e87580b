/**
 * Defines `config`: the one place that reads the environment (see docs/ARCHITECTURE.md).
 * Frozen; tests read profile fields from it and never branch on the target's name.
 */
import { join } from "node:path";
import { defaultProfilePath, loadProfile, projectRoot, roles, type Profile, type Role } from "./profile.js";

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

function readSeed(raw: string | undefined): number {
  const n = Number(raw);
  return raw !== undefined && Number.isInteger(n) ? n : Math.floor(Math.random() * 2 ** 31);
}

const env = process.env;
const profilePath = env.IDME_PROFILE || defaultProfilePath;
const profile: Profile = loadProfile(profilePath);
const credentials: Partial<Record<Role, string>> = {};
for (const role of roles) {
  const variable = profile.credentials[role];
  const value = variable ? env[variable] : undefined;
  if (value) credentials[role] = value;
}

export interface Config {
  baseUrl: string;
  embeddedMock: boolean;
  profilePath: string;
  profile: Profile;
  credentials: Readonly<Partial<Record<Role, string>>>;
  seed: number;
  today: string;
  runDir: string;
  budget: number;
}

export const config: Readonly<Config> = Object.freeze({
  baseUrl: (env.IDME_BASE_URL || profile.baseUrl || "").replace(/\/+$/, ""),
  embeddedMock: env.IDME_EMBEDDED_MOCK === "1",
  profilePath,
  profile,
  credentials: Object.freeze(credentials),
  seed: readSeed(env.IDME_SEED),
  today: env.IDME_TODAY || todayUtc(),
  runDir: env.IDME_RUN_DIR || join(projectRoot, "reports", ".run"),
  budget: Number(env.IDME_BUDGET) || profile.requestBudget,
});

/** Every secret the run knows, for redaction: each token and the secret it decodes to. */
export function knownSecrets(): string[] {
  const out = new Set<string>();
  for (const token of Object.values(config.credentials)) {
    if (!token) continue;
    out.add(token.trim());
    const decoded = Buffer.from(token.trim(), "base64").toString("utf8");
    if (decoded.length >= 6) out.add(decoded);
  }
  return [...out];
}
