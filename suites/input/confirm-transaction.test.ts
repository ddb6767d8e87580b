// 3105: a confirm that names no SMS possession check (no transaction_id, or a telecom identity transaction).
// Catches a target that confirms any transaction kind, or answers 404 / 3102 instead.
import { createAccepted } from "../../flows/accepted.js";
import { otp } from "../../generators/telecom.js";
import { conformance } from "../../harness/conformance.js";
import { expectError } from "../../harness/expect.js";

conformance("INPUT-CONFIRM-01", "answers a confirm without transaction_id with 422 / 3105", async (t) => {
  const x = await t.api.call("confirmSmsCode", { body: { code: otp.correct() } });

  expectError(x, 422, 3105);
});

conformance("INPUT-CONFIRM-01", "answers a confirm naming an identity transaction with 422 / 3105", async (t) => {
  const made = await createAccepted(t, "verifyTelecomIdentity");

  const x = await t.api.call("confirmSmsCode", { body: { transaction_id: made.jsonObject()?.transaction_id, code: otp.correct() } });

  expectError(x, 422, 3105, "An identity transaction is not an SMS possession check.");
});
