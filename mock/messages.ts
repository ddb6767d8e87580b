// The mock's view of the error catalogue: messages, statuses and which operation documents which code.
// lib/spec.ts is the only reader of the spec; the mock keeps no copy of the texts.
import { catalogue } from "../lib/spec.js";

export function message(code: number): string {
  const { http, transaction } = catalogue();
  const found = http.find((e) => e.code === code) ?? transaction.find((e) => e.code === code);
  if (!found) throw new Error(`code ${code} is not in the error catalogue`);
  return found.message;
}

export function httpStatusOf(code: number): number | undefined {
  return catalogue().http.find((e) => e.code === code)?.status;
}

/** Transaction-level codes of a family that the spec documents for an operation. */
export function transactionCodes(family: "telecom" | "document", operationId: string): number[] {
  return catalogue()
    .transaction.filter((e) => e.family === family && (e.operations as string[]).includes(operationId))
    .map((e) => e.code);
}

/** HTTP-level codes with a given status that the spec documents for an operation. */
export function httpCodes(status: number, operationId: string): number[] {
  return catalogue()
    .http.filter((e) => e.status === status && (e.operations as string[]).includes(operationId))
    .map((e) => e.code);
}
