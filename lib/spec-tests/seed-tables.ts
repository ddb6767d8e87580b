/**
 * Reads the error tables of ID.me's overview page (docs/sources/services-api-overview.txt, a verbatim copy):
 * the page writes each row as the code followed at once by its message ("2200Referenced product is not active").
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../paths.js";

export const seedPath = join(packageRoot, "docs", "sources", "services-api-overview.txt");

export interface SeedRow {
  /** the HTTP status of the table (401 …) or the transaction family ("telecom", "document") */
  table: number | "telecom" | "document";
  code: number;
  message: string;
}

/** Every table row of the page, under the table heading it follows. */
export function seedRows(text = readFileSync(seedPath, "utf8")): SeedRow[] {
  const rows: SeedRow[] = [];
  let table: SeedRow["table"] | undefined;
  for (const line of text.split("\n")) {
    const status = /^(\d{3}) — /.exec(line);
    if (status) table = Number(status[1]);
    else if (line === "Telecom") table = "telecom";
    else if (line === "Document") table = "document";
    const row = /^(\d{4})(\D.*)$/.exec(line);
    if (row && table !== undefined) rows.push({ table, code: Number(row[1]), message: row[2] });
  }
  return rows;
}

/** The `"message": "…"` texts of the page's JSON examples, by the code written just before them. */
export function seedExampleMessages(text = readFileSync(seedPath, "utf8")): { code: number; message: string }[] {
  return [...text.matchAll(/"code": (\d+),\n\d+ "message": "([^"]*)"/g)].map((m) => ({ code: Number(m[1]), message: m[2] }));
}
