// SERVER-01 (D24): where the target has a trigger, an internal error is 500 / 5000 in the error envelope.
import { conformance } from "../../harness/conformance.js";
import { expectError } from "../../harness/expect.js";
import { identity, phone, smsSend } from "../../generators/telecom.js";

const rows = [
  { req: "SERVER-01", op: "sendSmsCode", body: () => smsSend.valid({ phone: phone.serverError() }) },
  { req: "SERVER-01", op: "verifyTelecomIdentity", body: (today: string) => identity(today).valid({ phone: phone.serverError() }) },
] as const;

conformance.for(rows)(
  "answers $op with the server-error phone with 500 / 5000",
  async (row, t) => {
    const x = await t.api.call(row.op, { body: row.body(t.today) });

    expectError(x, 500, 5000);
  },
  { capabilities: ["serverErrorTrigger"] },
);
