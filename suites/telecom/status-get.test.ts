// The status GET repeats a finished transaction's outcome (the same body the webhook gets, DOC).
// Catches a GET that still shows pending after the confirm, loses the errors, or changes ids or product.
import { field, that } from "../../checks/answers.js";
import { sendPending } from "../../flows/telecom.js";
import { identity, otp, phone, smsSend } from "../../generators/telecom.js";
import type { Ctx } from "../../harness/conformance.js";
import { idOf } from "../../flows/ids.js";
import { conformance } from "../../harness/conformance.js";
import { expectStatus, must } from "../../harness/expect.js";
import type { Exchange } from "../../lib/exchange.js";

/** The parts of a transaction that make up its final state. */
const finalState = (x: Exchange) => ({
  transaction_id: field(x, "transaction_id"),
  verification_id: field(x, "verification_id"),
  product: field(x, "product"),
  status: x.transactionStatus(),
  verified: field(x, "results.verified"),
  codes: [...x.transactionCodes()].sort(),
});

const rows: ReadonlyArray<{
  req: "TELECOM-GET-01";
  name: string;
  by: "TELECOM-SMS-02" | "TELECOM-SANDBOX-01" | "TELECOM-IDENTITY-01";
  finish: (t: Ctx) => Promise<Exchange>;
}> = [
  {
    req: "TELECOM-GET-01",
    name: "a confirmed SMS transaction",
    by: "TELECOM-SMS-02",
    finish: async (t) => {
      const { transactionId } = await sendPending(t);
      return t.api.call("confirmSmsCode", { body: { transaction_id: transactionId, code: otp.correct() } });
    },
  },
  {
    req: "TELECOM-GET-01",
    name: "a failed SMS send",
    by: "TELECOM-SANDBOX-01",
    finish: (t) => t.api.call("sendSmsCode", { body: smsSend.valid({ phone: phone.failingWith(1003) }) }),
  },
  {
    req: "TELECOM-GET-01",
    name: "a matched identity",
    by: "TELECOM-IDENTITY-01",
    finish: (t) => t.api.call("verifyTelecomIdentity", { body: identity(t.today).valid() }),
  },
];

conformance.for(rows)("answers the status GET of $name with its final state", async (row, t) => {
  const done = await row.finish(t);
  await t.arrange(row.by, () => expectStatus(done, 200, "arrange: a finished telecom transaction"));
  const transactionId = await idOf(t, row.by, done, "transaction_id");

  const x = await t.api.call("getTelecomTransaction", { params: { transaction_id: transactionId } });

  expectStatus(x, 200);
  must(
    x,
    that(JSON.stringify(finalState(x)) === JSON.stringify(finalState(done)), {
      check: "same_body",
      title: "the status GET shows the transaction's final state",
      expected: JSON.stringify(finalState(done)),
      received: JSON.stringify(finalState(x)),
    }),
  );
});
