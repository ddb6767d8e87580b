// 3102 for a missing or malformed code and for a wrong one below the limit; 3103 for an expired code,
// reached in the sandbox by a 999 phone ending in 3103 at the send (D22).
// Catches a target that accepts any OTP, a lenient code format, a 400 instead of 422.
import { malformedOtp } from "../../generators/malformed.js";
import { otp, phone, smsSend } from "../../generators/telecom.js";
import { conformance } from "../../harness/conformance.js";
import { expectError } from "../../harness/expect.js";
import { sendPending } from "../../flows/telecom.js";

const codes = [
  { req: "INPUT-OTP-01" as const, name: "a missing code", code: () => undefined },
  { req: "INPUT-OTP-01" as const, name: "a five-digit code", code: malformedOtp.fiveDigits },
  { req: "INPUT-OTP-01" as const, name: "a code of letters", code: malformedOtp.letters },
  { req: "INPUT-OTP-01" as const, name: "the right code and a trailing newline", code: malformedOtp.trailingNewline },
  { req: "INPUT-OTP-02" as const, name: "a wrong six-digit code", code: otp.wrong },
];

conformance.for(codes)("answers a confirm with $name with 422 / 3102", async (row, t) => {
  const { transactionId } = await sendPending(t);

  const x = await t.api.call("confirmSmsCode", { body: { transaction_id: transactionId, code: row.code() } });

  expectError(x, 422, 3102, "A code is six digits; only the sandbox code 123123 confirms.");
});

conformance(
  "INPUT-OTP-03",
  "answers a send to the sandbox's expired-code phone with 422 / 3103",
  async (t) => {
    const x = await t.api.call("sendSmsCode", { body: smsSend.valid({ phone: phone.failingWith(3103) }) });

    expectError(x, 422, 3103, "D22: a 999 phone whose last four digits are a 422 code answers that 422 at the send.");
  },
  { capabilities: ["otpExpiry"] },
);
