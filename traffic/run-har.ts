/**
 * `--har FILE` of a normal run: the run's exchanges (every test's, from results.json: redacted already) as
 * HAR 1.2, so a later suite version can judge them again (`idme-conformance judge FILE`). Each entry names
 * its test (`comment`) and keeps the operation, the curl line and the OPEN codes under `_idmeConformance`.
 */
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { RunResult } from "../run/results.js";
import { suiteFacts } from "../run/suite-facts.js";
import { type Har, type HarSource, writeHar } from "./har.js";
import { redactRecord } from "./record.js";
import { TrafficSecrets } from "./secrets.js";

/** `env`: its IDME_TOKEN_* values are redacted once more (the run redacted every record already). */
export function harOfRun(result: RunResult, env: NodeJS.ProcessEnv = {}): Har {
  const secrets = new TrafficSecrets(env);
  const r = secrets.size ? secrets.redactor() : undefined;
  const sources: HarSource[] = result.tests.flatMap((t) =>
    t.outcome.exchanges.map((record) => ({
      record: r ? redactRecord(record, r) : record,
      test: { id: t.id, title: t.title, requirement: t.requirement, observeOnly: t.observeOnly },
    })),
  );
  const facts = suiteFacts();
  return writeHar(
    sources,
    { name: "idme-conformance", version: facts.version },
    `${facts.name} ${facts.version}${facts.commit ? ` (${facts.commit})` : ""}: a run against ${result.embeddedMock ? "the embedded mock" : result.baseUrl}${result.mockFaults.length ? ` with faults ${result.mockFaults.join(", ")}` : ""}, started ${result.startedAt}`,
  );
}

/** Checks the HAR's folder before the run (a run must not end in a missing folder). */
export function checkHarPath(path: string): string {
  const full = resolve(path);
  const dir = dirname(full);
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new Error(`--har: the folder ${dir} does not exist; create it or name a file in an existing folder`);
  if (existsSync(full) && statSync(full).isDirectory()) throw new Error(`--har: ${full} is a folder; name a file, e.g. ${full}/run.har`);
  return full;
}

/** Writes the HAR of the run whose results.json is at `resultsPath`; the line to print. */
export function writeRunHar(resultsPath: string, harPath: string, env: NodeJS.ProcessEnv = {}): string {
  const result = JSON.parse(readFileSync(resultsPath, "utf8")) as RunResult;
  const har = harOfRun(result, env);
  writeFileSync(harPath, `${JSON.stringify(har)}\n`);
  return `HAR of the run's ${har.log.entries.length} exchanges in ${harPath} (judge it again: idme-conformance judge ${harPath})`;
}
