/**
 * Defines the run records: one JSON line per exchange in $IDME_RUN_DIR (format in
 * docs/ARCHITECTURE.md), the request budget shared by every worker (a file that grows one byte
 * per request: appends are atomic, so workers need no other coordination), and the Allure step.
 */
import { appendFileSync, mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { threadId } from "node:worker_threads";
import { withAllure } from "./allure.js";
import { isDocumentedStatus, warmUpValidators } from "../lib/spec.js";
import { config } from "./config.js";
import type { Exchange } from "./exchange.js";

mkdirSync(config.runDir, { recursive: true });
warmUpValidators(); // once per worker, before any test: no compile stall between timed requests
const exchangesFile = join(config.runDir, `exchanges-${process.pid}-${threadId}.jsonl`);
const budgetFile = join(config.runDir, "budget.count");

/** Current test context, set by conformance(). */
export const current: { test: string; requirement: string | null } = { test: "", requirement: null };

export function spendBudget(): boolean {
  appendFileSync(budgetFile, ".");
  return statSync(budgetFile).size <= config.budget;
}

export async function recordExchange(x: Exchange): Promise<void> {
  const documented = x.operationId ? isDocumentedStatus(x.operationId, x.status) : false;
  appendFileSync(
    exchangesFile,
    `${JSON.stringify({
      test: current.test,
      requirement: current.requirement,
      operationId: x.operationId,
      method: x.request.method,
      path: x.request.path,
      status: x.status,
      errorCodes: x.errorCodes(),
      transactionStatus: x.transactionStatus() ?? null,
      transactionCodes: x.transactionCodes(),
      documented,
      durationMs: x.durationMs,
    })}\n`,
  );
  await withAllure((allure) =>
    allure.step(`${x.request.method} ${x.request.path} → ${x.status}`, async () => {
      await allure.attachment(
        "request",
        [
          `${x.request.method} ${x.request.url}`,
          ...Object.entries(x.request.headers).map(([k, v]) => `${k}: ${v}`),
          "",
          x.request.bodyPreview,
          "",
          "# reproduce:",
          x.request.curl,
        ].join("\n"),
        "text/plain",
      );
      await allure.attachment(
        "response",
        [
          `HTTP ${x.status} (${x.durationMs} ms, ${x.response.bytes} bytes${x.response.truncated ? ", truncated" : ""})`,
          ...Object.entries(x.response.headers).map(([k, v]) => `${k}: ${v}`),
          "",
          x.response.text.slice(0, 20_000),
        ].join("\n"),
        "text/plain",
      );
    }),
  );
}
