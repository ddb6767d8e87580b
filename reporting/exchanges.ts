/** Reads the harness's exchange records (`$IDME_RUN_DIR/exchanges-*.jsonl`). */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { ExchangeRecord } from "./coverage.js";

export function readExchanges(runDir: string): ExchangeRecord[] {
  if (!existsSync(runDir)) return [];
  const out: ExchangeRecord[] = [];
  for (const name of readdirSync(runDir)
    .filter((n) => /^exchanges-.*\.jsonl$/.test(n))
    .sort()) {
    for (const line of readFileSync(join(runDir, name), "utf8").split("\n")) {
      if (!line.trim()) continue;
      try {
        out.push(JSON.parse(line) as ExchangeRecord);
      } catch {
        // A line cut short by a crashed worker is not evidence; skip it.
      }
    }
  }
  return out;
}
