// Allure Report 3 configuration used by `npm run conformance` (reporting/allure-generate.ts).
// One self-contained index.html (opens from disk, no server), history kept in a JSONL file that
// lives outside the folders each run clears. The CLI passes the output folder and may move the
// history file with IDME_ALLURE_HISTORY (when --reports is not reports/).
// No `import { defineConfig } from "allure"`: importing that package runs its CLI.
import { readFileSync } from "node:fs";

// The same categories allure-vitest gets (reporting/allure.ts): Allure 3 takes its own from here.
const categories = JSON.parse(readFileSync(new URL("./reporting/categories.json", import.meta.url), "utf8"));

export default {
  name: "ID.me Services API v2 — conformance",
  output: "reports/allure-report",
  historyPath: process.env.IDME_ALLURE_HISTORY ?? "reports/history/allure-history.jsonl",
  historyLimit: 20,
  categories,
  plugins: {
    awesome: {
      options: {
        singleFile: true,
        reportName: "ID.me Services API v2 — conformance",
        reportLanguage: "en",
        groupBy: ["epic", "feature", "story"],
      },
    },
  },
};
