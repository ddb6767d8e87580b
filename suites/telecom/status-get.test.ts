// The status GET repeats a finished transaction's outcome (the same body the webhook gets, DOC).
// Catches a GET that still shows pending after the confirm, loses the errors, or changes ids or product.
import { identity, otp, phone, smsSend } from "../../generators/telecom.js";
import type { ApiClient } from "../../harness/client.js";
import { conformance } from "../../harness/conformance.js";
import { config } from "../../harness/config.js";
import type { Exchange } from "../../harness/exchange.js";
import { expectStatus, expectThat, field } from "../../harness/expect.js";
import { sendPending } from "./flows.js";

/** The parts of a transaction that make up its final state. */
const finalState = (x: Exchange) => ({
  transaction_id: field(x, "transaction_id"),
  verification_id: field(x, "verification_id"),
  product: field(x, "product"),
  status: x.transactionStatus(),
  verified: field(x, "results.verified"),
  codes: [...x.transactionCodes()].sort(),
});

const rows: ReadonlyArray<{ req: "TELECOM-GET-01"; name: string; finish: (api: ApiClient) => Promise<Exchange> }> = [
  {
    req: "TELECOM-GET-01",
    name: "a confirmed SMS transaction",
    finish: async (api) => {
      const { transactionId } = await sendPending(api);
      return api.call("confirmSmsCode", { body: { transaction_id: transactionId, code: otp.correct() } });
    },
  },
  {
    req: "TELECOM-GET-01",
    name: "a failed SMS send",
    finish: (api) => api.call("sendSmsCode", { body: smsSend.valid({ phone: phone.failingWith(1003) }) }),
  },
  {
    req: "TELECOM-GET-01",
    name: "a matched identity",
    finish: (api) => api.call("verifyTelecomIdentity", { body: identity(config.today).valid() }),
  },
];

conformance.for(rows)("answers the status GET of $name with its final state", async (row, { api }) => {
  const done = await row.finish(api);
  expectStatus(done, 200, "precondition: a finished telecom transaction");

  const x = await api.call("getTelecomTransaction", { params: { transaction_id: String(field(done, "transaction_id")) } });

  expectStatus(x, 200);
  expectThat(x, JSON.stringify(finalState(x)) === JSON.stringify(finalState(done)), {
    check: "status_get_final_state",
    title: "the status GET shows the transaction's final state",
    expected: JSON.stringify(finalState(done)),
    received: JSON.stringify(finalState(x)),
  });
});
