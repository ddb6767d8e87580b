/**
 * The Allure Report 3 configuration of one run, built from parameters and written as JSON next
 * to the run's staging folder (no environment variable, no config file that reads one).
 * Two views of the same results, each a single self-contained HTML file:
 * tests by operation (epic → tag → operationId) and tests by requirement (MUST/SHOULD/… → requirement).
 */
import type { Category } from "allure-js-commons/sdk";

export interface ReportViewConfig {
  /** Allure plugin id: the folder Allure writes this view into. */
  id: string;
  /** The file it becomes in the report folder. */
  file: string;
  label: string;
  groupBy: string[];
}

/** The first view is the front page (index.html). */
export const REPORT_VIEWS: readonly ReportViewConfig[] = [
  { id: "by-operation", file: "index.html", label: "by operation", groupBy: ["epic", "feature", "story"] },
  // Labels added by reporting/allure.ts's listener from the requirement registry.
  { id: "by-requirement", file: "by-requirement.html", label: "by requirement", groupBy: ["obligation", "requirementTitle"] },
];

export const API_TITLE = "ID.me Services API v2 conformance";

export interface AllureConfigInput {
  /** Folder Allure writes into (a staging folder: the views are moved out of it). */
  outputDir: string;
  historyPath: string;
  /** Runs kept in the history file; every test's history tab carries one entry per kept run. */
  historyLimit: number;
  /** Shown as the title of each view and of the browser tab. */
  title: string;
  /** Allure's "Variables" block, above the metadata on the front page. */
  variables: Record<string, string>;
  /** Files (relative to the directory allure runs in) shown under "Global Attachments". */
  globalAttachments: string[];
  categories: Category[];
}

export function allureConfig(o: AllureConfigInput): Record<string, unknown> {
  const plugins = Object.fromEntries(
    REPORT_VIEWS.map((v) => [
      v.id,
      {
        import: "@allurereport/plugin-awesome",
        options: {
          singleFile: true,
          reportName: v.file === "index.html" ? o.title : `${o.title} (${v.label})`,
          reportLanguage: "en",
          groupBy: v.groupBy,
        },
      },
    ]),
  );
  return {
    name: o.title,
    output: o.outputDir,
    historyPath: o.historyPath,
    historyLimit: o.historyLimit,
    categories: o.categories,
    variables: o.variables,
    ...(o.globalAttachments.length ? { globalAttachments: o.globalAttachments } : {}),
    plugins,
  };
}
