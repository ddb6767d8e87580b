/**
 * A run's HTML report fed while the run lasts. Allure's process starts the report (reading its history) as the
 * first test ends, and reads each test's files as the test ends, on CPU the tests leave idle at its low priority;
 * after the last test only the build is left. That work took ~0.3–0.5 s after the last test (BENCHMARKS.md).
 *
 * The report is finished from what was fed only when the run's final results are the tests fed: a test the
 * premises block after the run (run/premises.ts) is a new result, and the report is then built from scratch.
 * A test without an exchange is fed at the end: its place on the timeline is the run's start, known then.
 */
import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { resolve } from "node:path";
import type { RunResult, TestResult } from "../run/results.js";
import type { AllureEngine } from "./allure-engine.js";
import { API_TITLE } from "./allure-config.js";
import { type AllureStage, makeStage, writeAllureConfig } from "./allure-generate.js";
import { categoriesFile, environmentFile, type ResultFileOut, testResultFiles } from "./allure-results.js";
import type { Certification } from "./certification.js";

/** A fed report whose results are the run's: what is left to read, and where it is staged. */
export interface FedReport {
  id: string;
  engine: AllureEngine;
  stage: AllureStage;
  late: readonly ResultFileOut[];
}

export class LiveAllureReport {
  private readonly id = randomUUID();
  private readonly fed = new Set<TestResult>();
  private open = true;

  private constructor(
    private readonly engine: AllureEngine,
    private readonly stage: AllureStage,
  ) {
    engine.post({ live: "begin", id: this.id, cwd: stage.dir, configPath: stage.configPath });
    engine.post({ live: "feed", id: this.id, files: [categoriesFile()] });
  }

  /** Starts the report of a run whose HTML report goes to `outputDir`; its title and variables come at the end. */
  static start(engine: AllureEngine, o: { outputDir: string; historyPath: string; historyLimit?: number }): LiveAllureReport {
    const stage = makeStage(resolve(o.outputDir), o.historyPath);
    // The variables' object is the one Allure's store keeps: the verdict's are put into it at the end.
    writeAllureConfig(stage, { ...o, title: API_TITLE, variables: {}, globalAttachments: [] });
    return new LiveAllureReport(engine, stage);
  }

  /** Feeds one finished test. */
  add(t: TestResult): void {
    if (!this.open || t.outcome.exchanges.length === 0) return;
    this.fed.add(t);
    // The fallback start is never used: a test with an exchange starts at its first.
    this.engine.post({ live: "feed", id: this.id, files: testResultFiles(t, 0) });
  }

  /** The fed report, when `run`'s results are the tests fed (else it is dropped, and undefined). */
  take(run: RunResult, certification: Certification): FedReport | undefined {
    if (!this.open) return undefined;
    const final = new Set(run.tests);
    if (![...this.fed].every((t) => final.has(t))) {
      this.drop();
      return undefined;
    }
    this.open = false;
    const started = Date.parse(run.startedAt);
    const late = [environmentFile(certification), ...run.tests.filter((t) => !this.fed.has(t)).flatMap((t) => testResultFiles(t, started))];
    return { id: this.id, engine: this.engine, stage: this.stage, late };
  }

  /** Forgets the report (a run that writes none, or a from-scratch one). */
  drop(): void {
    if (!this.open) return;
    this.open = false;
    this.engine.post({ live: "drop", id: this.id });
    rmSync(this.stage.dir, { recursive: true, force: true });
  }
}
