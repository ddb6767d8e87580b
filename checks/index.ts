/**
 * The standard checks: run by conformance() on every exchange of every test. Order matters
 * only for reading: the most specific diagnosis first (D6 before the generic schema failure).
 */
import { config } from "../harness/config.js";
import { error_code_documented } from "./error-code-documented.js";
import { error_envelope } from "./error-envelope.js";
import { error_message_matches } from "./error-message-matches.js";
import { json_content_type } from "./json-content-type.js";
import { no_html_or_stacktrace } from "./no-html-or-stacktrace.js";
import { product_name } from "./product-name.js";
import { results_not_result } from "./results-not-result.js";
import { response_documented, schema_conformant } from "./schema-conformant.js";
import { timestamps_valid } from "./timestamps-valid.js";
import { transaction_consistency } from "./transaction-consistency.js";
import type { Check } from "./types.js";

export const standardChecks: readonly Check[] = [
  response_documented,
  results_not_result,
  // Precise diagnoses before the generic schema failure (they name the slip; the schema names the path).
  no_html_or_stacktrace,
  json_content_type,
  error_envelope,
  error_code_documented,
  // D14: exact message text only where the profile asks for it; otherwise messages are checked loosely.
  ...(config.profile.strict.exactMessages ? [error_message_matches] : []),
  transaction_consistency,
  timestamps_valid,
  product_name,
  schema_conformant,
];

export type { Check, Failure } from "./types.js";
