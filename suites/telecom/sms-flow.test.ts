// D27: the send answers pending (status 100, D11) with the ids; the confirm with 123123 completes the same
// transaction (status 200, verified true).
// Catches a send that answers 200/verified at once, a send without ids, a confirm that opens a new transaction.
import { otp } from "../../generators/telecom.js";
import { conformance } from "../../harness/conformance.js";
import { expectField, expectThat, expectTransaction } from "../../harness/expect.js";
import { sendPending } from "./flows.js";

const isId = (v: unknown): boolean => typeof v === "string" && v.length > 0;

conformance("TELECOM-SMS-01", "answers a success-phone send as pending with transaction and verification ids", async ({ api, profile }) => {
  const { x } = await sendPending(api);

  expectThat(x, profile.pendingStatusCodes.includes(x.transactionStatus() ?? NaN), {
    check: "sms_send_pending",
    title: "a successful send is pending until the confirm (D27)",
    expected: `status.code in ${JSON.stringify(profile.pendingStatusCodes)}`,
    received: `status.code ${JSON.stringify(x.transactionStatus())}`,
  });
  expectField(x, "transaction_id", isId, "a transaction id");
  expectField(x, "verification_id", isId, "a verification id (a new verification when none is given)");
  expectField(x, "results.verified", (v) => v === false, "false while pending (D11)");
  expectField(x, "results.errors", (v) => v === undefined || (Array.isArray(v) && v.length === 0), "absent or empty while pending (D11)");
});

conformance("TELECOM-SMS-02", "confirms the sent transaction with the sandbox code: status 200, verified true", async ({ api }) => {
  const { transactionId } = await sendPending(api);

  const x = await api.call("confirmSmsCode", { body: { transaction_id: transactionId, code: otp.correct() } });

  expectTransaction(x, 200, [], "D27: the confirm completes the send's transaction.");
  expectField(x, "results.verified", (v) => v === true, "true");
  expectField(x, "transaction_id", (v) => v === transactionId, `the send's transaction_id ${transactionId}`);
});
