// 3101: a missing phone (DOC) and every non-canonical form of it (D16), on both operations that take one.
// Catches a lenient phone check (accepts dashes, +1, numbers…), a 400 instead of 422, a wrong code.
import type { OperationId } from "../../generated/operations.js";
import type { ReqId } from "../../generated/requirements.js";
import { malformedPhone } from "../../generators/malformed.js";
import { identity, smsSend } from "../../generators/telecom.js";
import { conformance } from "../../harness/conformance.js";
import { expectError } from "../../harness/expect.js";

// No ten-digit number at all (MUST), and ten digits written another way (SHOULD: a target may normalise, D16).
const forms: ReadonlyArray<{ req: ReqId; name: string; value: () => unknown }> = [
  { req: "INPUT-PHONE-02", name: "a nine-digit phone", value: malformedPhone.nineDigits },
  { req: "INPUT-PHONE-02", name: "a phone with letters", value: malformedPhone.withLetters },
  { req: "INPUT-PHONE-03", name: "an eleven-digit phone", value: malformedPhone.elevenDigits },
  { req: "INPUT-PHONE-03", name: "a dashed phone", value: malformedPhone.dashed },
  { req: "INPUT-PHONE-03", name: "a phone in parentheses", value: malformedPhone.parenthesized },
  { req: "INPUT-PHONE-03", name: "a +1 phone", value: malformedPhone.plusOne },
  { req: "INPUT-PHONE-03", name: "a phone sent as a JSON number", value: malformedPhone.asNumber },
  { req: "INPUT-PHONE-03", name: "a phone with a trailing newline", value: malformedPhone.trailingNewline },
  { req: "INPUT-PHONE-03", name: "a phone of Arabic-Indic digits", value: malformedPhone.arabicIndic },
  { req: "INPUT-PHONE-03", name: "a phone of full-width digits", value: malformedPhone.fullWidth },
];

type Row = { req: ReqId; op: OperationId; name: string; body: (today: string) => unknown };
const rows: Row[] = [
  { req: "INPUT-PHONE-01", op: "sendSmsCode", name: "a missing phone", body: () => smsSend.without("phone") },
  { req: "INPUT-PHONE-01", op: "verifyTelecomIdentity", name: "a missing phone", body: (today) => identity(today).without("phone") },
  ...forms.map((f): Row => ({ req: f.req, op: "sendSmsCode", name: f.name, body: () => smsSend.with({ phone: f.value() }) })),
  ...forms.map(
    (f): Row => ({
      req: f.req,
      op: "verifyTelecomIdentity",
      name: f.name,
      body: (today) => identity(today).with({ phone: f.value() }),
    }),
  ),
];

conformance.for(rows)("answers $name on $op with 422 / 3101", async (row, t) => {
  const x = await t.api.call(row.op, { body: row.body(t.today) });

  expectError(x, 422, 3101, "D16: phone is a JSON string of exactly ten digits; anything else is 3101.");
});
