/** The spec facts the coverage matrix needs, read through lib/spec.ts (the only spec reader). */
import { catalogue, operations, specSha256 } from "../lib/spec.js";
import type { SpecFacts } from "./coverage.js";

export function specFacts(): SpecFacts {
  const cat = catalogue();
  return {
    operations: operations().map((o) => ({ operationId: o.id, statuses: [...o.statuses] })),
    httpCodes: cat.http.map((e) => ({ code: e.code, status: e.status, operations: [...e.operations] })),
    transactionCodes: cat.transaction.map((e) => ({ code: e.code, operations: [...e.operations] })),
  };
}

export { specSha256 };
