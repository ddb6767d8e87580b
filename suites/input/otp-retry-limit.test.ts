// D19: the retry limit (profile.otpRetryLimit wrong codes). The last wrong code answers 3104, the right
// code afterwards still answers 3104, and a malformed code is not a try.
// Catches a target without a retry limit, one that unlocks on the right code, one that counts malformed codes.
// A series a test relies on but does not judge is an arrange step of the requirement that rules it: wrong
// codes below the limit are refused with 3102 (INPUT-OTP-02), the limit locks at its number (INPUT-OTP-04).
import { malformedOtp } from "../../generators/malformed.js";
import { otp } from "../../generators/telecom.js";
import type { Ctx } from "../../harness/conformance.js";
import { conformance } from "../../harness/conformance.js";
import { currentPlan } from "../../harness/plan.js";
import { expectError, expectTransaction } from "../../harness/expect.js";
import { confirmInOrder, sendPending } from "../../flows/telecom.js";
import type { Exchange } from "../../lib/exchange.js";

const limit = currentPlan().profile.otpRetryLimit;
const wrongCodes = (n: number): string[] => Array.from({ length: n }, () => otp.wrong());

/** Wrong codes below the limit, as arrange steps: each refused (INPUT-OTP-02), none locking yet (INPUT-OTP-04). */
async function refusedBelowLimit(t: Ctx, xs: readonly Exchange[]): Promise<void> {
  await t.arrange("INPUT-OTP-02", () => {
    for (const x of xs) expectError(x, 422, [], "arrange: a wrong code below the retry limit is refused");
  });
  await t.arrange("INPUT-OTP-04", () => {
    for (const x of xs) expectError(x, 422, 3102, "arrange: a wrong code below the retry limit does not lock yet");
  });
}

/** `limit` wrong codes: the transaction is locked (INPUT-OTP-04's rule), as an arrange step. */
async function locked(t: Ctx, transactionId: string): Promise<void> {
  const xs = await confirmInOrder(t, transactionId, wrongCodes(limit));
  await refusedBelowLimit(t, xs.slice(0, -1));
  await t.arrange("INPUT-OTP-04", () => expectError(xs.at(-1) as Exchange, 422, 3104, `arrange: wrong code number ${limit} locks`));
}

conformance("INPUT-OTP-04", "answers 3102 to each wrong code below the retry limit and 3104 at it", async (t) => {
  const { transactionId } = await sendPending(t);
  const before = await confirmInOrder(t, transactionId, wrongCodes(limit - 1));
  // A wrong code accepted, or refused with another code, breaks INPUT-OTP-02; locked too early breaks this rule.
  await t.arrange("INPUT-OTP-02", () => {
    for (const x of before) expectError(x, 422, [], "arrange: a wrong code below the retry limit is refused");
  });
  for (const x of before) expectError(x, 422, 3102, `D19: the retry limit is ${limit} wrong codes (profile otpRetryLimit).`);

  const x = await t.api.call("confirmSmsCode", { body: { transaction_id: transactionId, code: otp.wrong() } });

  expectError(x, 422, 3104, `D19: wrong code number ${limit} (profile otpRetryLimit) reaches the limit.`);
});

conformance("INPUT-OTP-05", "answers the right code after the retry limit with 422 / 3104", async (t) => {
  const { transactionId } = await sendPending(t);
  await locked(t, transactionId);

  const x = await t.api.call("confirmSmsCode", { body: { transaction_id: transactionId, code: otp.correct() } });

  expectError(x, 422, 3104, "D19: once the limit is reached every confirm answers 3104, even with the right code.");
});

conformance("INPUT-OTP-06", "does not count a malformed code as a try", async (t) => {
  const { transactionId } = await sendPending(t);
  const wrong = await confirmInOrder(t, transactionId, wrongCodes(limit - 1));
  await refusedBelowLimit(t, wrong);
  await confirmInOrder(t, transactionId, [malformedOtp.fiveDigits()]);

  const x = await t.api.call("confirmSmsCode", { body: { transaction_id: transactionId, code: otp.correct() } });

  expectTransaction(x, 200, [], `D19: ${limit - 1} wrong codes and a malformed one are below the limit of ${limit}.`);
});
