/** What `allure generate` does, as a function of its inputs: Allure Report 3's core reads the config and the results and runs the view's plugin. */
import { resolve } from "node:path";
import type { ResultFileOut } from "./allure-results.js";

export interface AllureWork {
  cwd: string;
  configPath: string;
  results: { dir: string } | { files: readonly ResultFileOut[] };
}
export interface AllureWorkResult {
  ok: boolean;
  message: string;
}

let allure: Promise<{ core: typeof import("@allurereport/core"); reader: typeof import("@allurereport/reader-api") }> | undefined;

/** Loads Allure's modules once per thread (~0.6 s). */
export function loadAllure(): NonNullable<typeof allure> {
  allure ??= (async () => {
    const [core, reader, ci] = await Promise.all([
      import("@allurereport/core"),
      import("@allurereport/reader-api"),
      import("@allurereport/ci"),
    ]);
    forgetTheLocalCheckout(ci);
    // The view's plugin, which Allure's config reader imports by name.
    await import("@allurereport/plugin-awesome");
    return { core, reader };
  })();
  return allure;
}

/** The local CI descriptor's getters that run `git` in this process's folder (@allurereport/ci 3.18, detectors/local.js). */
const LOCAL_GIT_FACTS = ["repoName", "jobRunBranch", "sourceBranch", "provider", "repository"] as const;

/**
 * Outside a CI system Allure describes the folder it runs in: five `git` processes (~60 ms, blocking) for its
 * name, branch and `origin` URL, which the report then embeds — a certification report would carry the caller's
 * project, branch and a remote URL that may hold credentials (`https://user:token@host/…`, kept as it is). The
 * report is about the target, not that folder: on the local descriptor those getters answer nothing. A CI
 * system's descriptor (job and run links from its environment) is left as Allure made it.
 */
function forgetTheLocalCheckout(ci: typeof import("@allurereport/ci")): void {
  const found = ci.detect();
  if (!ci.isLocalCiDescriptor(found)) return;
  for (const key of LOCAL_GIT_FACTS) Object.defineProperty(found, key, { get: () => undefined, configurable: true });
}

/** What went wrong in Allure's work, in one line. */
export const workFailure = (e: unknown): string => `allure generate failed: ${String((e as Error)?.message ?? e).split("\n")[0]}`;

export async function runAllureWork({ cwd, configPath, results }: AllureWork): Promise<AllureWorkResult> {
  try {
    const { core, reader } = await loadAllure();
    const report = new core.AllureReport(await core.readConfig(cwd, configPath, {}));
    await report.start();
    if ("dir" in results) await report.readDirectory(resolve(results.dir));
    else await Promise.all(results.files.map((f) => report.readResult(new reader.BufferResultFile(Buffer.from(f.data), f.name))));
    await report.done();
    return { ok: true, message: "" };
  } catch (e) {
    return { ok: false, message: workFailure(e) };
  }
}
