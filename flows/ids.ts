/**
 * Takes an id from an answer for the next request. A missing id blocks the test by the requirement that
 * says the answer carries it: the next request is never sent to `…/undefined` (it would test nothing).
 */
import { field, fieldIs } from "../checks/answers.js";
import type { ReqId } from "../generated/requirements.js";
import type { Ctx } from "../harness/conformance.js";
import { must } from "../harness/expect.js";
import type { Exchange } from "../lib/exchange.js";

export type IdKey = "transaction_id" | "verification_id";

const isId = (v: unknown): v is string => typeof v === "string" && v.length > 0;

/** The assertion behind idOf, for arrange steps that check more than the id. */
export const hasId = (key: IdKey) =>
  fieldIs(key, isId, `a non-empty string (the ${key} the next request names)`, `arrange: the answer names its ${key}`);

/** The id `key` of answer `x`; blocks the test by `by` when the answer has none. */
export async function idOf(t: Pick<Ctx, "arrange">, by: ReqId, x: Exchange, key: IdKey): Promise<string> {
  await t.arrange(by, () => must(x, hasId(key)));
  return field(x, key) as string;
}
