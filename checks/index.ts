/**
 * The standard checks: run by conformance() on every exchange of every test. Order matters
 * only for reading: the most specific diagnosis first (D6 before the generic schema failure).
 */
import { results_not_result } from "./results-not-result";
import { response_documented, schema_conformant } from "./schema-conformant";
import type { Check } from "./types";

export const standardChecks: readonly Check[] = [
  response_documented,
  results_not_result,
  schema_conformant,
];

export type { Check, Failure } from "./types";
