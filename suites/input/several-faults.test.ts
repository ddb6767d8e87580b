// D15: one 422 lists every input error found, not only the first.
// Catches a target that stops at the first fault (answers [3101] alone).
import { callbackUrl } from "../../generators/callback.js";
import { malformedBirthDate, malformedPhone } from "../../generators/malformed.js";
import { identity, smsSend } from "../../generators/telecom.js";
import { conformance } from "../../harness/conformance.js";
import { expectError } from "../../harness/expect.js";

const rows = [
  {
    req: "INPUT-SEVERAL-01" as const,
    op: "sendSmsCode" as const,
    name: "a bad phone and a bad callback_url",
    codes: [3101, 3100],
    premises: ["INPUT-PHONE-02", "INPUT-CALLBACK-01"] as const,
    body: (_today: string) => smsSend.with({ phone: malformedPhone.dashed(), callback_url: callbackUrl.relative() }),
  },
  {
    req: "INPUT-SEVERAL-01" as const,
    op: "verifyTelecomIdentity" as const,
    name: "a bad phone and a bad birth_date",
    codes: [3101, 3108],
    premises: ["INPUT-PHONE-02", "INPUT-BIRTHDATE-01"] as const,
    body: (today: string) => identity(today).with({ phone: malformedPhone.nineDigits(), birth_date: malformedBirthDate.slashes() }),
  },
];

conformance.for(rows)(
  "lists both codes for $name on $op",
  async (row, t) => {
    const x = await t.api.call(row.op, { body: row.body(t.today) });

    expectError(x, 422, row.codes, "D15: a 422 lists every input error it found.");
  },
  (row) => ({ premises: row.premises }),
);
