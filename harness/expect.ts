/**
 * Defines `must`: the one way a test asserts. It runs assertion checks (checks/answers.ts,
 * checks/transaction-shape.ts) on an answer and throws every failure as one ContractAssertionError
 * carrying the failures as data and the exchange (its curl line). The `expect*` helpers are shorthands.
 */
import { type Assertion, errorAnswer, fieldIs, statusIs, that, transactionAnswer } from "../checks/answers.js";
import type { Exchange } from "../lib/exchange.js";
import type { Failure } from "../lib/failure.js";
import { ContractAssertionError } from "./errors.js";

export function must(x: Exchange, ...assertions: Assertion[]): void {
  const failures = assertions.map((a) => a(x)).filter((f): f is Failure => f !== undefined);
  if (failures.length > 0) throw new ContractAssertionError(failures, x);
}

/** Fails with `failure` unless `ok` (its check id must be registered in checks/registry.ts). */
export function expectThat(x: Exchange, ok: boolean, failure: Failure): void {
  must(x, that(ok, failure));
}

export const expectStatus = (x: Exchange, status: number, hint?: string): void => must(x, statusIs(status, hint));

export const expectError = (x: Exchange, status: number, codes: number | readonly number[], hint?: string): void =>
  must(x, errorAnswer(status, codes, hint));

export const expectTransaction = (x: Exchange, statusCode: number, codes: readonly number[] = [], hint?: string): void =>
  must(x, transactionAnswer(statusCode, codes, hint));

export const expectField = (x: Exchange, path: string, predicate: (v: unknown) => boolean, expected: string, hint?: string): void =>
  must(x, fieldIs(path, predicate, expected, hint));

export { field } from "../checks/answers.js";
