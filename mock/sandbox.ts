// Sandbox conventions (D22, D24, D25, D27, D30): how a phone or an image name picks the outcome.
import type { MockBehaviour } from "./behaviour.js";
import type { Address } from "./types.js";
import { httpCodes, transactionCodes } from "./messages.js";
import { pick } from "./random.js";

export type Outcome =
  | { kind: "success"; address?: Address }
  | { kind: "http"; codes: number[] }
  | { kind: "transaction"; code: number; additionalInfo?: string };

/** D24: HTTP 500 / 5000 on purpose. */
export const SERVER_ERROR_PHONE = "9995555000";

const INFO = new Map<number, string>([
  [1013, "first_name or last_name is invalid."],
  [1014, "birth_date does not match data on file."],
]);

export function phoneOutcome(phone: string, operationId: string, behaviour: MockBehaviour): Outcome {
  if (phone === SERVER_ERROR_PHONE) return { kind: "http", codes: [5000] };
  if (!phone.startsWith("999")) return { kind: "success" }; // 888 and (D30) any other valid phone
  const code = Number(phone.slice(-4));
  if (httpCodes(422, operationId).includes(code)) return { kind: "http", codes: [code] };
  const telecom = transactionCodes("telecom", operationId);
  const chosen = telecom.includes(code) ? code : pick(behaviour.random, telecom);
  const additionalInfo = operationId === "verifyTelecomIdentity" ? INFO.get(chosen) : undefined;
  return { kind: "transaction", code: chosen, additionalInfo };
}

/** Identity: a fixture persona (exact phone + birth date) wins; otherwise the phone rule, with an address on success. */
export function identityOutcome(phone: string, birthDate: string, behaviour: MockBehaviour): Outcome {
  const persona = behaviour.fixtures.personas.find((p) => p.phone === phone && p.birth_date === birthDate);
  if (persona) {
    return persona.outcome === "success"
      ? { kind: "success", address: persona.address ?? randomAddress(behaviour.random) }
      : { kind: "transaction", code: persona.outcome, additionalInfo: persona.additional_info ?? INFO.get(persona.outcome) };
  }
  const outcome = phoneOutcome(phone, "verifyTelecomIdentity", behaviour);
  return outcome.kind === "success" ? { kind: "success", address: randomAddress(behaviour.random) } : outcome;
}

/** D25: `success.jpg`, `fail.jpg` (random 2001–2005), `fail_<code>.jpg`; any other name succeeds. */
export function documentOutcome(frontName: string | undefined, operationId: string, behaviour: MockBehaviour): Outcome {
  const name = (frontName ?? "").toLowerCase();
  const codes = transactionCodes("document", operationId);
  const m = /^fail(?:_(\d+))?\.(?:jpe?g|png)$/.exec(name);
  if (!m) return { kind: "success" };
  const wanted = m[1] === undefined ? NaN : Number(m[1]);
  return { kind: "transaction", code: codes.includes(wanted) ? wanted : pick(behaviour.random, codes) };
}

const STREETS = ["1 Main St", "200 Oak Ave", "35 Elm Rd", "4410 Pine Ct", "77 Cedar Ln"];
const PLACES: Array<[string, string, string]> = [
  ["Arlington", "VA", "22201"],
  ["Austin", "TX", "73301"],
  ["Denver", "CO", "80202"],
  ["Portland", "OR", "97201"],
];

export function randomAddress(random: () => number): Address {
  const [city, state, zip] = pick(random, PLACES);
  return { street: pick(random, STREETS), city, state, zip };
}
