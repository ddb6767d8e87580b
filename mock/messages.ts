// The mock's view of the error catalogue. TEMPORARY: reads x-error-catalogue via lib/spec-document.ts until lib/spec.ts exports catalogue().
import { loadSpec } from "../lib/spec-document.js";

export interface CatalogueEntry {
  code: number;
  message: string;
  /** HTTP status for HTTP-level codes */
  status?: number;
  /** family for transaction-level codes */
  family?: "telecom" | "document";
  operations: string[];
}

let entries: CatalogueEntry[] | undefined;

function load(): CatalogueEntry[] {
  const c = loadSpec()["x-error-catalogue"];
  return [...c.http, ...c.transaction] as CatalogueEntry[];
}

export function catalogueEntries(): CatalogueEntry[] {
  return (entries ??= load());
}

function entry(code: number): CatalogueEntry {
  const e = catalogueEntries().find((x) => x.code === code);
  if (!e) throw new Error(`code ${code} is not in the error catalogue`);
  return e;
}

export function message(code: number): string {
  return entry(code).message;
}

export function httpStatusOf(code: number): number | undefined {
  return catalogueEntries().find((x) => x.code === code)?.status;
}

const documentedFor = (e: CatalogueEntry, operationId: string) =>
  e.operations.includes("*") ? operationId !== "getHealth" : e.operations.includes(operationId);

/** Transaction-level codes of a family that the spec documents for an operation. */
export function transactionCodes(family: "telecom" | "document", operationId: string): number[] {
  return catalogueEntries()
    .filter((e) => e.family === family && documentedFor(e, operationId))
    .map((e) => e.code);
}

/** HTTP-level codes with a given status that the spec documents for an operation. */
export function httpCodes(status: number, operationId: string): number[] {
  return catalogueEntries()
    .filter((e) => e.status === status && documentedFor(e, operationId))
    .map((e) => e.code);
}
