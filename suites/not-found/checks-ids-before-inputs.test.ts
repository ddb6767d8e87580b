// NOTFOUND-08 (D15): an id that names nothing is reported before input errors.
import { conformance } from "../../harness/conformance.js";
import { expectError } from "../../harness/expect.js";
import { ids } from "../../generators/ids.js";
import { otp, phone, smsSend } from "../../generators/telecom.js";

const rows = [
  {
    req: "NOTFOUND-08",
    premise: "NOTFOUND-06",
    op: "confirmSmsCode",
    inputs: "a malformed code",
    body: () => ({ transaction_id: ids.unknown(), code: otp.correct().slice(1) }),
  },
  {
    req: "NOTFOUND-08",
    premise: "NOTFOUND-07",
    op: "sendSmsCode",
    inputs: "an invalid phone",
    body: () => smsSend.with({ phone: phone.success().slice(1), verification_id: ids.unknown() }),
  },
] as const;

conformance.for(rows)(
  "answers $op with an unknown id and $inputs with 404 / 4100",
  async (row, t) => {
    const x = await t.api.call(row.op, { body: row.body() });

    expectError(x, 404, 4100);
  },
  (row) => ({ premises: [row.premise] }),
);
