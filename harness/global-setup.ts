/**
 * Vitest global setup of the `conformance` project. With no IDME_BASE_URL it starts the embedded
 * mock on an ephemeral port (with IDME_MOCK_FAULTS / IDME_MOCK_FIXTURES if set) and puts its URL
 * and the role tokens into the environment that harness/config.ts reads in the workers.
 * It also writes run.json (seed, today, target) so reports can cite them.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseYaml } from "yaml";
import { defaultProfilePath, loadProfile, projectRoot, roles } from "./profile.js";

export default async function setup(): Promise<() => Promise<void>> {
  const env = process.env;
  const profile = loadProfile(env.IDME_PROFILE || defaultProfilePath);
  let close = async (): Promise<void> => {};
  if (!env.IDME_SEED) env.IDME_SEED = String(Math.floor(Math.random() * 2 ** 31));
  if (!env.IDME_TODAY) env.IDME_TODAY = new Date().toISOString().slice(0, 10);

  if (!env.IDME_BASE_URL && !profile.baseUrl) {
    const { startMock } = await import("../mock/server.js");
    const { faultsById } = await import("../faults/catalogue.js");
    const faults = faultsById(
      (env.IDME_MOCK_FAULTS ?? "")
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    );
    const fixtures = env.IDME_MOCK_FIXTURES ? parseYaml(readFileSync(env.IDME_MOCK_FIXTURES, "utf8")) : undefined;
    // The injected "today" (D17) must be the mock's today too, or the 18th-birthday edge is judged on another day.
    const today = env.IDME_TODAY;
    const configure = today
      ? (b: { today: () => Date }) => {
          b.today = () => new Date(`${today}T12:00:00Z`);
        }
      : undefined;
    const mock = await startMock({ port: 0, host: "127.0.0.1", faults, fixtures, configure });
    env.IDME_BASE_URL = mock.baseUrl;
    env.IDME_EMBEDDED_MOCK = "1";
    for (const role of roles) {
      const variable = profile.credentials[role];
      const token = mock.tokens[role];
      if (variable && token && !env[variable]) env[variable] = token;
    }
    close = () => mock.close();
  }
  const runDir = env.IDME_RUN_DIR || join(projectRoot, "reports", ".run");
  env.IDME_RUN_DIR = runDir;
  mkdirSync(runDir, { recursive: true });
  // A run's records and budget start empty, whoever started the run (CLI or plain vitest).
  for (const f of readdirSync(runDir)) if (f === "budget.count" || /^exchanges-.*\.jsonl$/.test(f)) rmSync(join(runDir, f));
  writeFileSync(
    join(runDir, "run.json"),
    JSON.stringify(
      {
        seed: Number(env.IDME_SEED),
        today: env.IDME_TODAY,
        baseUrl: env.IDME_BASE_URL,
        profile: profile.name,
        embeddedMock: env.IDME_EMBEDDED_MOCK === "1",
        mockFaults: env.IDME_MOCK_FAULTS || "",
        startedAt: new Date().toISOString(),
      },
      null,
      2,
    ),
  );
  console.log(`[conformance] target ${env.IDME_BASE_URL} · profile ${profile.name} · seed ${env.IDME_SEED} · today ${env.IDME_TODAY}`);
  return close;
}
