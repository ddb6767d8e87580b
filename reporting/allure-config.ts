/**
 * The Allure Report 3 configuration of one run, built from parameters and written as JSON next
 * to the run's staging folder (no environment variable, no config file that reads one).
 * One Allure view, a single self-contained HTML file: tests by operation (epic → tag → operationId).
 * The view by requirement is the suite's own page (reporting/requirements-html.ts): a second Allure
 * view of the same results cost ~2 s of every run.
 */
import type { Category } from "allure-js-commons/sdk";
import type { ReportView } from "./allure-banner.js";

export interface ReportViewConfig {
  /** Allure plugin id: the folder Allure writes this view into. */
  id: string;
  /** The file it becomes in the report folder. */
  file: string;
  label: string;
  groupBy: string[];
}

/** Allure's view: the front page (index.html). */
export const ALLURE_VIEW: ReportViewConfig = {
  id: "by-operation",
  file: "index.html",
  label: "by operation",
  groupBy: ["epic", "feature", "story"],
};

/** The report's pages as the banner links them: Allure's tree, then the requirements page. */
export const REPORT_PAGES: readonly ReportView[] = [
  { file: ALLURE_VIEW.file, label: ALLURE_VIEW.label },
  { file: "by-requirement.html", label: "by requirement" },
];

export const API_TITLE = "ID.me Services API v2 conformance";

/**
 * The charts of the front page's Charts section: the ones that say something about this suite's results. Allure's
 * default set adds ten that do not (one epic, one environment and no layer label here: pyramids, layer histograms and
 * per-environment problem maps of a single bar), and each costs time in every run.
 */
export const REPORT_CHARTS = [
  { type: "currentStatus", title: "Current status" },
  { type: "statusDynamics", title: "Status dynamics" },
  { type: "statusTransitions", title: "Status transitions" },
  {
    type: "testResultSeverities",
    title: "Test results by severity (critical: MUST, normal: SHOULD, minor: MAY)",
    levels: ["critical", "normal", "minor"],
    statuses: ["passed", "failed", "broken", "skipped", "unknown"],
    includeUnset: true,
  },
  {
    type: "stabilityDistribution",
    title: "Stability by tag (the tree's second level)",
    skipStatuses: ["skipped", "unknown"],
    threshold: 90,
    groupBy: "feature",
  },
  { type: "durations", title: "Durations histogram", groupBy: "none" },
] as const;

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
  const plugins = {
    [ALLURE_VIEW.id]: {
      import: "@allurereport/plugin-awesome",
      options: { singleFile: true, reportName: o.title, reportLanguage: "en", groupBy: ALLURE_VIEW.groupBy, charts: REPORT_CHARTS },
    },
  };
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
