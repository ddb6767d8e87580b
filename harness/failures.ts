/** Defines `formatFailures` and `throwIfFailures`: the one layout of a contract failure message. */
import type { Failure } from "../checks/types.js";
import { ContractAssertionError } from "./errors.js";
import type { Exchange } from "./exchange.js";

export function formatFailure(f: Failure): string {
  return [`✗ ${f.check}: ${f.title}`, `  Expected: ${f.expected}`, `  Received: ${f.received}`, f.hint ? `  Hint: ${f.hint}` : ""]
    .filter(Boolean)
    .join("\n");
}

export function formatFailures(failures: readonly Failure[], x?: Exchange): string {
  const lines = failures.map(formatFailure);
  if (x) lines.push("", `Exchange: ${x.summary()}`, "Reproduce with:", `  ${x.request.curl}`);
  return lines.join("\n");
}

export function throwIfFailures(failures: readonly Failure[], x?: Exchange): void {
  if (failures.length > 0) throw new ContractAssertionError(formatFailures(failures, x));
}
