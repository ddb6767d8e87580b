// SMS one-time-code faults (D19, mock APIs page: 123123 succeeds, 3102 then 3104 at the limit).
import type { CatalogueFault } from "../types.js";

export const otpFaults: CatalogueFault[] = [
  {
    id: "otp-no-retry-limit",
    title: "no OTP retry limit",
    description: "Wrong codes never lock the transaction: every wrong code answers 3102, never 3104.",
    breaks: ["INPUT-OTP-04", "INPUT-OTP-05"],
    apply: (b) => {
      b.otp.maxWrongCodes = Number.POSITIVE_INFINITY;
    },
  },
  {
    id: "otp-limit-off-by-one",
    title: "OTP limit one too high",
    description: "The 3rd wrong code still answers 3102; only the 4th locks with 3104 (D19: the 3rd).",
    breaks: ["INPUT-OTP-04"],
    apply: (b) => {
      b.otp.maxWrongCodes += 1;
    },
  },
  {
    id: "otp-any-code-accepted",
    title: "any OTP accepted",
    description: "Every well-formed six-digit code confirms the possession check, not only 123123.",
    breaks: ["INPUT-OTP-02"],
    apply: (b) => {
      b.otp.accepts = () => true;
    },
  },
  {
    id: "otp-malformed-counts-as-try",
    title: "malformed OTP counts as a try",
    description: "Any string passes the code's format check, so a malformed code is a wrong try towards the lock (D19: it is not).",
    breaks: ["INPUT-OTP-06"],
    apply: (b) => {
      b.validators.otpFormat = (v) => typeof v === "string";
    },
  },
];
