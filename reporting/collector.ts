/**
 * Vitest reporter that keeps one TestRecord per finished test (for the certification summary
 * and the Allure skip reasons) and the errors raised outside tests (a suite file that fails to
 * import, an unhandled rejection): those make the run "could not run".
 */
import { relative, sep } from "node:path";
import type { Reporter, TestCase, TestModule } from "vitest/node";
import { requirementOf, type TestRecord } from "./test-record.js";

export interface RunError {
  kind: "module" | "unhandled";
  source: string;
  message: string;
}

export class CollectorReporter implements Reporter {
  readonly tests: TestRecord[] = [];
  readonly runErrors: RunError[] = [];
  /** Allure-style key (`file#suite title`) → skip reason, read by the Allure listener. */
  readonly skipNotes = new Map<string, string>();

  constructor(private readonly root: string = process.cwd()) {}

  onTestCaseResult(testCase: TestCase): void {
    const r = testCase.result();
    if (r.state === "pending") return;
    const file = relative(this.root, testCase.module.moduleId).split(sep).join("/");
    const error = r.state === "failed" ? r.errors[0] : undefined;
    const note = r.state === "skipped" ? r.note : undefined;
    const record: TestRecord = {
      title: testCase.name,
      fullName: testCase.fullName,
      file,
      requirement: requirementOf(testCase.name),
      state: r.state,
      note,
      errorName: error?.name,
      message: error?.message,
      durationMs: testCase.diagnostic()?.duration,
    };
    this.tests.push(record);
    if (note) this.skipNotes.set(allureKey(file, testCase), note);
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<{ message?: string; name?: string }>): void {
    for (const m of testModules) {
      for (const e of m.errors()) {
        this.runErrors.push({ kind: "module", source: relative(this.root, m.moduleId), message: `${e.name ?? "Error"}: ${e.message}` });
      }
    }
    for (const e of unhandledErrors) {
      this.runErrors.push({ kind: "unhandled", source: "vitest", message: `${e.name ?? "Error"}: ${e.message ?? String(e)}` });
    }
  }
}

/** The tail of allure-vitest's fullName: `<file>#<suite names and title joined by spaces>`. */
export function allureKey(file: string, testCase: Pick<TestCase, "name" | "parent">): string {
  const names = [testCase.name];
  let p: unknown = testCase.parent;
  while (p && (p as { type?: string }).type === "suite") {
    names.unshift((p as { name: string }).name);
    p = (p as { parent?: unknown }).parent;
  }
  return `${file}#${names.join(" ")}`;
}
