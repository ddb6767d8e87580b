/**
 * Conformant variants: the mock changed only where the contract leaves a choice open. The suite must PASS
 * each one; a failure is a false alarm of the suite (faults/README.md). `open-choices` makes every legal
 * deviation at once, the way a real implementation that is not the project's mock differs from it.
 */
import { addTransform, isEnvelope } from "../mock/faults-api.js";
import type { MockReply } from "../mock/faults-api.js";
import { isObject, isTransaction, type Json } from "./transform.js";
import type { ConformantVariant } from "./types.js";

/** A message as another implementation may write it (D40): typographic apostrophes, a final period. */
const restyled = (message: unknown): unknown =>
  typeof message === "string" ? `${message.replace(/'/g, "\u2019").replace(/\.$/, "")}.` : message;

/** The same JSON with its keys in reverse order, nested objects too (key order carries no meaning). */
function reversedKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reversedKeys);
  if (!isObject(v)) return v;
  return Object.fromEntries(
    Object.entries(v)
      .reverse()
      .map(([k, e]) => [k, reversedKeys(e)]),
  );
}

/** Every message of an envelope and of a transaction's results.errors restyled. */
function restyleMessages(body: unknown): unknown {
  if (isEnvelope(body)) return { ...body, errors: body.errors.map((e) => ({ ...e, message: restyled(e.message) })) };
  if (isTransaction(body) && isObject(body.results) && Array.isArray(body.results.errors))
    return {
      ...body,
      results: { ...body.results, errors: (body.results.errors as Json[]).map((e) => ({ ...e, message: restyled(e.message) })) },
    };
  return body;
}

/** A JSON body with fields the spec does not name (D37: response schemas are open). */
const withExtraFields = (body: unknown): unknown => (isObject(body) ? { ...body, request_id: "req-7f3a", api_version: "2" } : body);

export const openChoices: ConformantVariant = {
  id: "variant-open-choices",
  title: "every legal deviation at once",
  description: "An implementation that chose differently wherever the contract leaves the choice open (see `deviations`).",
  deviations: [
    "a refused 429 request counts against the windows (RATE-04, OPEN: D33 says the mock does not count it)",
    "the legacy header `Authorization: ID.me <token>` is accepted (AUTH-08, OPEN)",
    "webhook retries back off: 50, 100, 200 ms (WEBHOOK-04, OPEN)",
    "webhook payloads leave `results` out, like the webhooks page's example (D35)",
    "products are named license.verify, passport.verify, passcard.verify, sms.verify, identity.verify (D9: any dotted lower-case name; VERIFICATION-07 records them)",
    "timestamps are written at UTC-04:00 (D8: Z or ±hh:mm)",
    "a 29 February birthday comes of age on 28 February in common years (D39, OPEN)",
    "metadata over 500 characters is answered with code 3105 (INPUT-METADATA-02, OPEN)",
    "every error message ends with a period (D40)",
    "error messages use typographic apostrophes (D40)",
    "JSON bodies list their keys in another order",
    "JSON bodies carry fields the spec does not name (D37)",
    "Content-Type is application/json; charset=utf-8",
  ],
  apply: (b) => {
    b.rateLimit.countRefused = true;
    b.auth.acceptLegacyScheme = true;
    b.webhooks.backoffFactor = 2;
    b.webhooks.includeResults = false;
    b.productNames = {
      ...b.productNames,
      "document.license.verify": "license.verify",
      "document.passport.verify": "passport.verify",
      "document.passcard.verify": "passcard.verify",
      "telecom.possession.sms": "sms.verify",
      "telecom.identity": "identity.verify",
    };
    b.clock.offsetMinutes = -240;
    b.leapDayBirthday = "february-28";
    b.metadataErrorCode = 3105;
    addTransform(b, (reply: MockReply) => {
      if (reply.body === undefined || typeof reply.body === "string" || Buffer.isBuffer(reply.body)) return reply;
      const body = reversedKeys(withExtraFields(restyleMessages(reply.body)));
      const headers = Object.fromEntries(
        Object.entries(reply.headers).map(([k, v]) =>
          k.toLowerCase() === "content-type" ? [k, "application/json; charset=utf-8"] : [k, v],
        ),
      );
      return { ...reply, headers, body };
    });
  },
};

export const variants: readonly ConformantVariant[] = [openChoices];
