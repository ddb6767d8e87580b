// D5: metadata is any JSON value, measured as the length (in characters) of its JSON text; over 500 is a
// 422 (its code is OPEN: observed, never failed — the standard checks are told so for that answer), exactly
// 500 is accepted. Catches a target without the limit, one that answers 400, one that counts differently
// (a string without its quotes, UTF-8 bytes), one that takes only objects.
import type { OperationId } from "../../generated/operations.js";
import type { ReqId } from "../../generated/requirements.js";
import { metadata } from "../../generators/metadata.js";
import { identity, smsSend } from "../../generators/telecom.js";
import { conformance, observe } from "../../harness/conformance.js";
import { expectStatus } from "../../harness/expect.js";

const bodies: ReadonlyArray<{ op: OperationId; body: (m: unknown, today: string) => unknown }> = [
  { op: "createVerification", body: (m) => ({ metadata: m }) },
  { op: "sendSmsCode", body: (m) => smsSend.with({ metadata: m }) },
  { op: "verifyTelecomIdentity", body: (m, today) => identity(today).with({ metadata: m }) },
];
const rowsFor = <R extends ReqId>(req: R, value: () => unknown) =>
  bodies.map((b) => ({ req, op: b.op, body: (today: string) => b.body(value(), today) }));

const OPEN_CODE = "D5: the code for metadata over 500 characters is not published (INPUT-METADATA-02)";

// Over 500 by any measure (MUST: DOC), and one over by D5's measure (SHOULD: another measure may differ by the quotes).
const wellOver = [
  { name: "an object of 1000 characters", value: metadata.wellOverLimit },
  { name: "a string of 1000 characters", value: metadata.wellOverLimitString },
];
const over = [
  { name: "an object of 501 characters", value: metadata.overLimit },
  { name: "a string of 501 characters (quotes included)", value: metadata.stringOverLimit },
];
const within = [
  { name: "an object of 500 characters", value: metadata.atLimit },
  { name: "a string of 500 characters (quotes included)", value: metadata.stringAtLimit },
  { name: "500 characters of accented letters (989 UTF-8 bytes)", value: metadata.accentedAtLimit },
  { name: "a list of 499 characters", value: metadata.listAtLimit },
  { name: "a number", value: metadata.aNumber },
  { name: "a short string", value: metadata.aShortString },
];
const table = <R extends ReqId>(req: R, values: ReadonlyArray<{ name: string; value: () => unknown }>) =>
  values.flatMap((v) => rowsFor(req, v.value).map((row) => ({ ...row, name: v.name })));

conformance.for([...table("INPUT-METADATA-01", wellOver), ...table("INPUT-METADATA-04", over)])(
  "answers metadata of $name on $op with 422",
  async (row, t) => {
    const x = await t.api.call(row.op, { body: row.body(t.today), openCodes: OPEN_CODE });

    expectStatus(x, 422, "DOC: metadata is any JSON value up to 500 characters (D5: of JSON text).");
  },
);

conformance.for(table("INPUT-METADATA-03", within))("accepts metadata of $name on $op", async (row, t) => {
  const x = await t.api.call(row.op, { body: row.body(t.today) });

  expectStatus(x, 200, "D5: any JSON value of at most 500 characters of JSON text (characters, not bytes) is within the limit.");
});

observe("INPUT-METADATA-02", "records the code answered for metadata over 500 characters", async (t) => {
  const x = await t.api.call("sendSmsCode", { body: smsSend.with({ metadata: metadata.overLimit() }), openCodes: OPEN_CODE });

  await t.record("metadata over 500 characters", { status: x.status, codes: x.errorCodes() });
});
