// D5: metadata is measured as the length of its JSON text; over 500 characters is a 422 (its code is
// OPEN: observed, never failed — the standard checks are told so for that answer), exactly 500 is accepted.
// Catches a target without the limit, one that answers 400, one that counts differently.
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

conformance.for(rowsFor("INPUT-METADATA-01", metadata.overLimit))("answers 501-character metadata on $op with 422", async (row, t) => {
  const x = await t.api.call(row.op, { body: row.body(t.today), openCodes: OPEN_CODE });

  expectStatus(x, 422, "D5: metadata is at most 500 characters of JSON text.");
});

conformance.for(rowsFor("INPUT-METADATA-03", metadata.atLimit))("accepts 500-character metadata on $op", async (row, t) => {
  const x = await t.api.call(row.op, { body: row.body(t.today) });

  expectStatus(x, 200, "D5: 500 characters of JSON text is within the limit.");
});

observe("INPUT-METADATA-02", "records the code answered for metadata over 500 characters", async (t) => {
  const x = await t.api.call("sendSmsCode", { body: smsSend.with({ metadata: metadata.overLimit() }), openCodes: OPEN_CODE });

  await t.record("metadata over 500 characters", { status: x.status, codes: x.errorCodes() });
});
