/**
 * A small Allure results folder with one test of each kind a run produces (passed with its HTTP
 * exchange, contract failure, unreachable target, blocked, budget skip, and one labelled under
 * two tags and three operations), passed through the run listener as the reporter does.
 * Input of the report tests: a real `allure generate` in a second or two.
 */
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { type Label, Stage, Status, type TestResult } from "allure-js-commons";
import { FileSystemWriter } from "allure-js-commons/sdk/reporter";
import { facts, finding, runResult, testResult } from "../lib/result-fixtures.js";
import { loadProfile, mockProfilePath } from "../run/profile.js";
import { environmentInfo, treeLabels } from "./allure.js";
import type { VerdictInput } from "./allure-verdict.js";
import { buildCertification, type Certification } from "./certification.js";
import { requirements, type ReqId } from "../generated/requirements.js";
import type { TestResult as TestResultOfRun } from "../run/results.js";

interface FixtureTest {
  req: string;
  title: string;
  status: Status;
  features: string[];
  stories: string[];
  message?: string;
  trace?: string;
  exchange?: boolean;
}

export const FIXTURE_TESTS: readonly FixtureTest[] = [
  {
    req: "HEALTH-02",
    title: "answers GET /health with 200",
    status: Status.PASSED,
    features: ["health"],
    stories: ["getHealth"],
    exchange: true,
  },
  {
    req: "HEALTH-01",
    title: "answers GET /health with an empty body",
    status: Status.FAILED,
    features: ["health"],
    stories: ["getHealth"],
    message: "✗ empty_body: GET /health has an empty body",
    trace: "ContractAssertionError: ✗ empty_body\n    at run (harness/conformance.ts:1:1)",
    exchange: true,
  },
  {
    req: "AUTH-01",
    title: "rejects a missing token with 401",
    status: Status.BROKEN,
    features: ["auth"],
    stories: ["getHealth"],
    message: "GET http://127.0.0.1:9/health: connection refused",
    trace: "TargetUnreachableError: connection refused",
  },
  {
    req: "AUTH-02",
    title: "rejects an expired token with 401",
    status: Status.SKIPPED,
    features: ["auth"],
    stories: ["getHealth"],
    message: "blocked by AUTH-01: the target did not answer",
  },
  {
    req: "DOCUMENT-04",
    title: "reaches status failed for each document code",
    status: Status.SKIPPED,
    features: ["document"],
    stories: ["verifyLicense"],
    message: "the request budget of 5 requests is spent",
  },
  // Two tags × three operations: six rows in Allure's tree before the listener joined them.
  {
    req: "ACCESS-09",
    title: "answers 403 / 2100 before 422 for an unknown document",
    status: Status.PASSED,
    features: ["telecom", "document"],
    stories: ["verifyTelecomIdentity", "verifyPassport", "verifyLicense"],
  },
];

/** Writes the fixture results into `dir` (created); returns how many tests it holds. */
export function writeFixtureResults(dir: string): number {
  mkdirSync(dir, { recursive: true });
  const writer = new FileSystemWriter({ resultsDir: dir });
  let start = Date.UTC(2026, 0, 1);
  for (const t of FIXTURE_TESTS) {
    const labels: Label[] = [
      { name: "epic", value: "ID.me Services API v2" },
      { name: "requirement", value: t.req },
      ...t.features.map((value) => ({ name: "feature", value })),
      ...t.stories.map((value) => ({ name: "story", value })),
    ];
    const attachments = t.exchange ? exchangeAttachments(writer) : [];
    const title = `[${t.req}] ${t.title}`;
    const result: TestResult = {
      uuid: randomUUID(),
      name: title,
      fullName: `idme:suites/fixture.test.ts#${title}`,
      historyId: randomUUID().replace(/-/g, ""),
      testCaseId: randomUUID().replace(/-/g, ""),
      status: t.status,
      statusDetails: t.message ? { message: t.message, trace: t.trace } : {},
      stage: Stage.FINISHED,
      labels,
      links: [{ name: "DOC: health", url: "https://developers.id.me/documentation/health", type: "link" }],
      parameters: [],
      attachments: [],
      steps: attachments.length
        ? [
            {
              name: "GET /health → 200",
              status: Status.PASSED,
              stage: Stage.FINISHED,
              statusDetails: {},
              steps: [],
              attachments,
              parameters: [],
              start,
              stop: start + 5,
            },
          ]
        : [],
      start,
      stop: start + 10,
    };
    start += 20;
    result.labels = treeLabels(result.labels, (id) => requirements[id as ReqId]);
    writer.writeResult(result);
  }
  writer.writeEnvironmentInfo(environmentInfo(fixtureCertification()));
  return FIXTURE_TESTS.length;
}

function exchangeAttachments(writer: FileSystemWriter) {
  return (["request", "response"] as const).map((name) => {
    const source = `${randomUUID()}-attachment.txt`;
    const text =
      name === "request" ? "GET http://127.0.0.1:9/health\n\n# reproduce:\ncurl -sS -i 'http://127.0.0.1:9/health'" : "HTTP 200\n\n";
    writer.writeAttachment(source, Buffer.from(text));
    return { name, source, type: "text/plain" };
  });
}

/** The fixture run: non-conformant on one MUST requirement, one not verified; its tests and their certification. */
export function fixtureRun(): { certification: Certification; tests: TestResultOfRun[] } {
  const tests = [
    testResult("HEALTH-01", { verdict: "fail", findings: [finding("HEALTH-01")] }),
    // A passing MUST requirement (HEALTH-02 is a SHOULD since issue 9, D2).
    testResult("AUTH-05"),
    testResult("AUTH-01", { verdict: "error", unverified: "unreachable", reason: "connection refused" }),
    testResult("AUTH-02", {
      verdict: "blocked",
      unverified: "blocked",
      blockedBy: "AUTH-01",
      reason: "blocked by AUTH-01: the target did not answer",
    }),
  ];
  const certification = buildCertification({
    result: runResult(tests),
    facts,
    profile: loadProfile(mockProfilePath).profile,
    selected: ["HEALTH-01", "AUTH-05", "AUTH-01", "AUTH-02"],
  });
  return { certification, tests };
}

export function fixtureCertification(): Certification {
  return fixtureRun().certification;
}

/** A certification verdict to head the fixture report. */
export function fixtureVerdict(): VerdictInput {
  return fixtureCertification();
}
