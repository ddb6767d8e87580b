// D19: the retry limit (profile.otpRetryLimit wrong codes). The last wrong code answers 3104, the right
// code afterwards still answers 3104, and a malformed code is not a try.
// Catches a target without a retry limit, one that unlocks on the right code, one that counts malformed codes.
import { malformedOtp } from "../../generators/malformed.js";
import { otp } from "../../generators/telecom.js";
import { conformance } from "../../harness/conformance.js";
import { currentPlan } from "../../harness/plan.js";
import { expectError, expectThat, expectTransaction } from "../../harness/expect.js";
import { codesOf, confirmInOrder, sendPending } from "../../flows/telecom.js";

const limit = currentPlan().profile.otpRetryLimit;
const wrongCodes = (n: number): string[] => Array.from({ length: n }, () => otp.wrong());

conformance("INPUT-OTP-04", "answers 3102 to each wrong code below the retry limit and 3104 at it", async (t) => {
  const { transactionId } = await sendPending(t);
  const before = await confirmInOrder(t, transactionId, wrongCodes(limit - 1));

  const x = await t.api.call("confirmSmsCode", { body: { transaction_id: transactionId, code: otp.wrong() } });

  expectThat(
    x,
    codesOf(before).every((c) => c.length === 1 && c[0] === 3102),
    {
      check: "error_answer",
      title: `wrong codes 1…${limit - 1} answer 3102`,
      expected: `${limit - 1} × [3102]`,
      received: JSON.stringify(codesOf(before)),
      hint: `D19: the retry limit is ${limit} wrong codes (profile otpRetryLimit).`,
    },
  );
  expectError(x, 422, 3104, `D19: wrong code number ${limit} (profile otpRetryLimit) reaches the limit.`);
});

conformance("INPUT-OTP-05", "answers the right code after the retry limit with 422 / 3104", async (t) => {
  const { transactionId } = await sendPending(t);
  await confirmInOrder(t, transactionId, wrongCodes(limit));

  const x = await t.api.call("confirmSmsCode", { body: { transaction_id: transactionId, code: otp.correct() } });

  expectError(x, 422, 3104, "D19: once the limit is reached every confirm answers 3104, even with the right code.");
});

conformance("INPUT-OTP-06", "does not count a malformed code as a try", async (t) => {
  const { transactionId } = await sendPending(t);
  await confirmInOrder(t, transactionId, [...wrongCodes(limit - 1), malformedOtp.fiveDigits()]);

  const x = await t.api.call("confirmSmsCode", { body: { transaction_id: transactionId, code: otp.correct() } });

  expectTransaction(x, 200, [], `D19: ${limit - 1} wrong codes and a malformed one are below the limit of ${limit}.`);
});
