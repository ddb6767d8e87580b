// D5: metadata is measured as the length of its JSON text; over 500 characters is a 422 with the error
// envelope (the code is OPEN: observed only), exactly 500 is accepted.
// Catches a target without the limit, one that answers 400 or a bare text body, one that counts differently.
import { metadata } from "../../generators/metadata.js";
import { identity, smsSend } from "../../generators/telecom.js";
import type { OperationId } from "../../generated/operations.js";
import type { ReqId } from "../../generated/requirements.js";
import { conformance, observe } from "../../harness/conformance.js";
import { config } from "../../harness/config.js";
import { expectStatus, expectThat } from "../../harness/expect.js";

const bodies: ReadonlyArray<{ op: OperationId; body: (m: unknown) => unknown }> = [
  { op: "createVerification", body: (m) => ({ metadata: m }) },
  { op: "sendSmsCode", body: (m) => smsSend.with({ metadata: m }) },
  { op: "verifyTelecomIdentity", body: (m) => identity(config.today).with({ metadata: m }) },
];
const rowsFor = <R extends ReqId>(req: R, value: () => unknown) => bodies.map((b) => ({ req, op: b.op, body: b.body(value()) }));

/** Every entry of the top-level errors list has a numeric code and a non-empty message. */
const wellFormedEnvelope = (errors: unknown): boolean =>
  Array.isArray(errors) &&
  errors.length > 0 &&
  errors.every((e) => typeof e?.code === "number" && typeof e?.message === "string" && e.message.length > 0);

conformance.for(rowsFor("INPUT-METADATA-01", metadata.overLimit))(
  "answers 501-character metadata on $op with a 422 envelope",
  async (row, { api }) => {
    const x = await api.call(row.op, { body: row.body });

    expectStatus(x, 422, "D5: metadata is at most 500 characters of JSON text.");
    expectThat(x, wellFormedEnvelope(x.jsonObject()?.errors), {
      check: "error_envelope",
      title: "a 422 carries the error envelope",
      expected: '{"errors": [{"code": <number>, "message": <non-empty string>}, …]}',
      received: x.response.text.slice(0, 200),
    });
  },
);

conformance.for(rowsFor("INPUT-METADATA-03", metadata.atLimit))("accepts 500-character metadata on $op", async (row, { api }) => {
  const x = await api.call(row.op, { body: row.body });

  expectStatus(x, 200, "D5: 500 characters of JSON text is within the limit.");
});

observe("INPUT-METADATA-02", "records the code answered for metadata over 500 characters", async ({ api, record }) => {
  const x = await api.call("sendSmsCode", { body: smsSend.with({ metadata: metadata.overLimit() }) });

  await record("metadata over 500 characters", { status: x.status, codes: x.errorCodes() });
});
