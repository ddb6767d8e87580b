/**
 * `npm run lint:spec`: Redocly's lint of the spec with redocly.yaml, through its library (the same rules as
 * `redocly lint`, without the CLI's Node-version banner on every `npm test`). Exit 1 on any error.
 */
import { formatProblems, getTotals, lint, loadConfig } from "@redocly/openapi-core";
import { join } from "node:path";
import { packageRoot } from "../lib/paths.js";

const config = await loadConfig({ configPath: join(packageRoot, "redocly.yaml") });
const problems = await lint({ ref: join(packageRoot, "openapi", "services-v2.yaml"), config });
const totals = getTotals(problems);
if (problems.length) formatProblems(problems, { totals, version: "openapi-core", format: "stylish", color: false });
process.stdout.write(`spec lint: ${totals.errors} error(s), ${totals.warnings} warning(s)\n`);
process.exit(totals.errors > 0 ? 1 : 0);
