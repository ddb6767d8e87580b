/**
 * Defines `allureResultFiles` and `writeAllureResults`: the run's Allure results, made from results.json's data
 * after the run (one result per test, one step per exchange with its request and response, observations as
 * attachments, labels for the tree and the requirement, categories and the environment block). The run decided
 * every verdict already; Allure only shows them. The same files feed the HTML report from memory
 * (reporting/allure-generate.ts); the results folder is written only when asked for (`--allure-results`), for
 * other Allure tools. Files are written without an fsync each: a folder is rewritten by the next run.
 */
import { createHash, randomUUID } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Attachment, Label, Link, StepResult, TestResult as AllureResult } from "allure-js-commons";
import { stringifyEnvInfo } from "allure-js-commons/sdk/reporter";
import { operations } from "../generated/operations.js";
import { type ReqId, requirements } from "../generated/requirements.js";
import { decisionUrl, specUrl } from "../harness/links.js";
import type { ExchangeRecord } from "../lib/exchange.js";
import type { RunResult, TestResult } from "../run/results.js";
import { categories, environmentInfo } from "./allure.js";
import { foundViolation } from "./failure-text.js";
import type { Certification } from "./certification.js";

const API_NAME = "ID.me Services API v2";

type Status = "passed" | "failed" | "broken" | "skipped";

const statusOf = (t: TestResult): Status => {
  // Failed as in JUnit: also a test whose standard checks charged another requirement while it passed or was blocked.
  if (foundViolation(t)) return "failed";
  switch (t.outcome.verdict) {
    case "pass":
    case "observed":
      return "passed";
    case "fail":
      return "failed";
    case "error":
      return "broken";
    default:
      return "skipped";
  }
};

const md5 = (s: string) => createHash("md5").update(s).digest("hex");

/** feature = tag and story = operationId of what the test exercised (its last exchange); else the requirement's operations. */
function treePlace(t: TestResult): { feature: string; story: string } {
  const req = requirements[t.requirement];
  const acted = [...t.outcome.exchanges].reverse().find((x) => x.operationId)?.operationId;
  const ops = acted ? [acted] : req.operations.includes("*") ? [] : [...req.operations];
  const tags = [...new Set(ops.map((o) => operations.find((op) => op.id === o)?.tag ?? req.area))];
  // One value per label: Allure lists a result under every value of a grouping label.
  return { feature: (tags.length ? tags : [req.area]).join(", "), story: ops.length ? ops.join(", ") : "every operation" };
}

function labelsOf(t: TestResult): Label[] {
  const req = requirements[t.requirement as ReqId];
  const { feature, story } = treePlace(t);
  return [
    { name: "epic", value: API_NAME },
    { name: "feature", value: feature },
    { name: "story", value: story },
    { name: "requirement", value: t.requirement },
    { name: "basis", value: req.basis },
    { name: "severity", value: req.level === "MUST" ? "critical" : req.level === "SHOULD" ? "normal" : "minor" },
    { name: "obligation", value: req.basis === "OPEN" ? `OPEN ${req.level} (observed, never judged)` : req.level },
    { name: "requirementTitle", value: `${t.requirement}: ${req.text}` },
    { name: "verdict", value: t.outcome.verdict },
    { name: "package", value: t.file },
    { name: "framework", value: "vitest" },
    { name: "language", value: "javascript" },
  ];
}

function linksOf(t: TestResult): Link[] {
  const req = requirements[t.requirement];
  return [
    ...req.sources.map((ref) => ({ name: ref, url: specUrl(ref) ?? ref })),
    ...(req.decision ? [{ name: req.decision, url: decisionUrl(req.decision) }] : []),
  ];
}

export function requestText(x: ExchangeRecord): string {
  return [
    `${x.request.method} ${x.request.url}`,
    ...Object.entries(x.request.headers).map(([k, v]) => `${k}: ${v}`),
    "",
    x.request.bodyPreview,
    "",
    "# reproduce:",
    x.request.curl,
  ].join("\n");
}

export function responseText(x: ExchangeRecord): string {
  return [
    `HTTP ${x.response.status} (${x.durationMs} ms, ${x.response.bytes} bytes${x.response.truncated ? ", truncated" : ""})`,
    ...Object.entries(x.response.headers).map(([k, v]) => `${k}: ${v}`),
    "",
    x.response.text.slice(0, 20_000),
  ].join("\n");
}

/** One file of an Allure results folder: its name there and its content. */
export interface ResultFileOut {
  name: string;
  data: string;
}
type FileOut = ResultFileOut;

/** One Allure result and the attachment files it refers to. */
export function allureResultOf(t: TestResult, fallbackStart: number): { result: AllureResult; files: FileOut[] } {
  const files: FileOut[] = [];
  const attach = (name: string, data: string, type: string, ext: string): Attachment => {
    const source = `${randomUUID()}-attachment.${ext}`;
    files.push({ name: source, data });
    return { name, source, type };
  };
  const failedAt = new Set(t.outcome.findings.map((f) => f.exchange));
  const steps: StepResult[] = t.outcome.exchanges.map((x, i) => {
    const start = Date.parse(x.startedAt);
    return {
      name: `${x.request.method} ${x.request.path} → ${x.response.status}`,
      status: failedAt.has(i) ? "failed" : "passed",
      statusDetails: {},
      stage: "finished",
      steps: [],
      attachments: [attach("request", requestText(x), "text/plain", "txt"), attach("response", responseText(x), "text/plain", "txt")],
      parameters: [],
      start,
      stop: start + x.durationMs,
    } as StepResult;
  });
  const start = steps[0]?.start ?? fallbackStart;
  const status = statusOf(t);
  const message = status === "failed" || status === "broken" ? (t.message ?? t.outcome.reason) : t.outcome.reason;
  const title = t.title;
  const result = {
    uuid: randomUUID(),
    name: title,
    fullName: t.id,
    historyId: md5(t.id),
    testCaseId: md5(t.id),
    status,
    statusDetails: message ? { message } : {},
    stage: "finished",
    labels: labelsOf(t),
    links: linksOf(t),
    parameters: [],
    steps,
    attachments: t.outcome.observations.map((o) =>
      attach(`observed: ${o.what}`, JSON.stringify(o.value, null, 2) ?? "null", "application/json", "json"),
    ),
    start,
    stop: start + t.durationMs,
  } as AllureResult;
  return { result, files };
}

/** One test's files: its result and the attachments it refers to. */
export function testResultFiles(t: TestResult, fallbackStart: number): ResultFileOut[] {
  const { result, files } = allureResultOf(t, fallbackStart);
  return [{ name: `${result.uuid}-result.json`, data: JSON.stringify(result) }, ...files];
}

/** The categories, the same for every run. */
export const categoriesFile = (): ResultFileOut => ({ name: "categories.json", data: JSON.stringify(categories) });

/** The environment block, which shows the run's verdict: known at the end. */
export const environmentFile = (certification: Certification): ResultFileOut => ({
  name: "environment.properties",
  data: stringifyEnvInfo(environmentInfo(certification)),
});

/** Every file of the run's Allure results folder. */
export function allureResultFiles(run: RunResult, certification: Certification): ResultFileOut[] {
  const started = Date.parse(run.startedAt);
  return [categoriesFile(), environmentFile(certification), ...run.tests.flatMap((t) => testResultFiles(t, started))];
}

export async function writeAllureResults(dir: string, files: readonly ResultFileOut[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  // In batches: a few hundred files open at once is plenty for the file system.
  for (let i = 0; i < files.length; i += 256) await Promise.all(files.slice(i, i + 256).map((f) => writeFile(join(dir, f.name), f.data)));
}
