// D27: the send answers pending (status 100, D11) with the ids; the confirm with 123123 completes the same
// transaction (status 200). Whether a pending or completed body is consistent (verified false / true) is the
// standard checks' part (TRANSACTION-07 / TRANSACTION-01).
// Catches a send that answers completed at once, a send without ids, a confirm that opens a new transaction.
import { fieldIs } from "../../checks/answers.js";
import { pending } from "../../checks/transaction-shape.js";
import { sendPending } from "../../flows/telecom.js";
import { otp } from "../../generators/telecom.js";
import { conformance } from "../../harness/conformance.js";
import { expectTransaction, must } from "../../harness/expect.js";

conformance("TELECOM-SMS-01", "answers a success-phone send as pending with transaction and verification ids", async (t) => {
  const { x } = await sendPending(t);

  must(
    x,
    pending(t.profile.pendingStatusCodes),
    fieldIs("results.verified", (v) => v === false, "false", "D7/D27: a send waiting for its confirm is not verified yet."),
  );
});

conformance("TELECOM-SMS-02", "confirms the sent transaction with the sandbox code: status 200, same transaction", async (t) => {
  const { transactionId } = await sendPending(t);

  const x = await t.api.call("confirmSmsCode", { body: { transaction_id: transactionId, code: otp.correct() } });

  expectTransaction(x, 200, [], "D27: the confirm completes the send's transaction.");
  must(
    x,
    fieldIs("transaction_id", (v) => v === transactionId, `the send's transaction_id ${transactionId}`),
  );
});
