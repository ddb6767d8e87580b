// D22: a 999 phone chooses the outcome by its last four digits: a telecom code → 200 / status 300 with that
// code; a 422 code → that 422 at the send. D30: any other valid area code behaves like 888 (SHOULD).
// Catches a target that ignores the chosen code, answers 422 for a transaction error, or treats 888 specially.
import { phoneInOtherArea } from "../../generators/other-area-phone.js";
import { identity, phone, smsSend } from "../../generators/telecom.js";
import { documentedTransactionCodes } from "../../lib/spec.js";
import { conformance } from "../../harness/conformance.js";
import { expectError, expectTransaction } from "../../harness/expect.js";
import type { Profile } from "../../run/profile.js";

const telecomCodes = documentedTransactionCodes("sendSmsCode");
const transactionRows = [
  ...telecomCodes.map((code) => ({
    req: "TELECOM-SANDBOX-01" as const,
    op: "sendSmsCode" as const,
    code,
    body: (_today: string) => smsSend.valid({ phone: phone.failingWith(code) }),
  })),
  ...[1013, 1014].map((code) => ({
    req: "TELECOM-SANDBOX-01" as const,
    op: "verifyTelecomIdentity" as const,
    code,
    body: (today: string) => identity(today).valid({ phone: phone.failingWith(code) }),
  })),
];

conformance.for(transactionRows)("answers $op, 999 phone ending $code, with status 300 / $code", async (row, t) => {
  const x = await t.api.call(row.op, { body: row.body(t.today) });

  expectTransaction(x, 300, [row.code], "D22: a telecom code answers HTTP 200, status.code 300, that code in results.errors.");
});

const unprocessableRows = [3100, 3101, 3104].map((code) => ({
  req: "TELECOM-SANDBOX-02" as const,
  code,
  body: () => smsSend.valid({ phone: phone.failingWith(code) }),
}));

conformance.for(unprocessableRows)("answers a send to a 999 phone ending in $code with 422 / $code", async (row, t) => {
  const x = await t.api.call("sendSmsCode", { body: row.body() });

  expectError(x, 422, row.code, "D22: a 999 phone whose last four digits are a 422 code answers that 422 at the send.");
});

const otherArea = [
  {
    req: "TELECOM-SANDBOX-03" as const,
    op: "sendSmsCode" as const,
    status: (p: Profile) => p.pendingStatusCodes[0] ?? 100,
    body: (_today: string) => smsSend.valid({ phone: phoneInOtherArea() }),
  },
  {
    req: "TELECOM-SANDBOX-03" as const,
    op: "verifyTelecomIdentity" as const,
    status: (_p: Profile) => 200,
    body: (today: string) => identity(today).valid({ phone: phoneInOtherArea() }),
  },
];

conformance.for(otherArea)("treats a phone outside 888 and 999 like 888 on $op", async (row, t) => {
  const x = await t.api.call(row.op, { body: row.body(t.today) });

  expectTransaction(x, row.status(t.profile), [], "D30: a valid phone starting with neither 888 nor 999 behaves like 888.");
});
