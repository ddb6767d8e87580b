/**
 * Allure's side of a report fed while the run lasts (reporting/allure-live.ts): a report is started when the run
 * starts (its history read then), each test's files are read as they come, and at the end the report gets the
 * verdict — its title, its variables, the certification as a global attachment — and is built. Allure takes the
 * title and the variables in its config, before the first result; they are set on the started report instead:
 * the title is the report's `reportName` and the view's `reportName` option, and the variables are the config's
 * object, which Allure's store keeps (not a copy; Allure 3.18, pinned, and reporting/allure-live.test.ts checks
 * the built report against one built from scratch). The messages of one report are handled in their order.
 */
import { basename, resolve } from "node:path";
import type { ResultFileOut } from "./allure-results.js";
import { type AllureWork, type AllureWorkResult, loadAllure, runAllureWork, workFailure } from "./allure-work.js";

export type LiveMessage =
  | { live: "begin"; id: string; cwd: string; configPath: string }
  | { live: "feed"; id: string; files: readonly ResultFileOut[] }
  | {
      live: "finish";
      id: string;
      title: string;
      variables: Record<string, string>;
      files: readonly ResultFileOut[];
      /** Files shown under "Global Attachments": absolute paths. */
      globalAttachments: readonly string[];
    }
  | { live: "drop"; id: string };

/** The message that finishes a fed report, the only one that answers. */
export type LiveFinish = Extract<LiveMessage, { live: "finish" }>;
/** The messages of a fed report that need no answer. */
export type LivePost = Exclude<LiveMessage, LiveFinish>;

type Core = Awaited<ReturnType<typeof loadAllure>>["core"];
type Config = Awaited<ReturnType<Core["readConfig"]>>;

interface Fed {
  /** The report's work so far: each message waits for the one before. */
  chain: Promise<void>;
  report?: InstanceType<Core["AllureReport"]>;
  config?: Config;
  failed?: string;
}

/** The fed reports of one process or thread, by id. */
export class LiveReports {
  private readonly fed = new Map<string, Fed>();

  /** Starts, feeds or drops a fed report. */
  post(m: LivePost): void {
    if (m.live === "begin") {
      const f: Fed = { chain: Promise.resolve() };
      this.fed.set(m.id, f);
      f.chain = this.begin(f, m.cwd, m.configPath);
    } else if (m.live === "drop") this.fed.delete(m.id);
    else {
      const f = this.fed.get(m.id);
      if (f) f.chain = f.chain.then(() => this.read(f, m.files));
    }
  }

  /** Builds a fed report once the messages before have been handled. */
  finish(m: LiveFinish): Promise<AllureWorkResult> {
    const f = this.fed.get(m.id);
    this.fed.delete(m.id);
    if (!f) return Promise.resolve({ ok: false, message: "allure generate failed: the fed report was never started" });
    return f.chain.then(() => this.build(f, m));
  }

  private async begin(f: Fed, cwd: string, configPath: string): Promise<void> {
    try {
      const { core } = await loadAllure();
      f.config = await core.readConfig(cwd, configPath, {});
      f.report = new core.AllureReport(f.config);
      await f.report.start();
    } catch (e) {
      f.failed = workFailure(e);
    }
  }

  private async read(f: Fed, files: readonly ResultFileOut[]): Promise<void> {
    if (f.failed || !f.report) return;
    try {
      const { reader } = await loadAllure();
      const report = f.report;
      await Promise.all(files.map((file) => report.readResult(new reader.BufferResultFile(Buffer.from(file.data), file.name))));
    } catch (e) {
      f.failed = workFailure(e);
    }
  }

  private async build(f: Fed, m: LiveFinish): Promise<AllureWorkResult> {
    await this.read(f, m.files);
    if (f.failed || !f.report || !f.config) return { ok: false, message: f.failed ?? "allure generate failed: no report" };
    try {
      const { reader } = await loadAllure();
      (f.report as { reportName: string }).reportName = m.title;
      for (const p of f.config.plugins ?? []) if (p.options) (p.options as { reportName?: string }).reportName = m.title;
      Object.assign(f.config.variables ?? {}, m.variables);
      for (const path of m.globalAttachments) {
        const name = basename(path);
        f.report.realtimeDispatcher.sendGlobalAttachment(new reader.PathResultFile(resolve(path), name), name);
      }
      await f.report.done();
      return { ok: true, message: "" };
    } catch (e) {
      return { ok: false, message: workFailure(e) };
    }
  }
}

/** Allure's work in the thread or process it runs in: whole reports, and fed reports' messages. */
export function allureWorker(): { run: (work: AllureWork | LiveFinish) => Promise<AllureWorkResult>; post: (m: LivePost) => void } {
  const live = new LiveReports();
  return {
    run: (work) => ("live" in work ? live.finish(work) : runAllureWork(work)),
    post: (m) => live.post(m),
  };
}
