// Off-by-one and unit slips on each side of the size, length and count limits (D5, D19, D21, D26, D33).
import { jsonTextLength } from "../../mock/json-length.js";
import type { CatalogueFault } from "../types.js";

const KIB = 1024;
const MIB = 1024 * 1024;

export const boundFaults: CatalogueFault[] = [
  {
    id: "blind3-image-min-inclusive",
    title: "An image of exactly 40 KiB is accepted",
    description:
      "The minimum size is compared with `<` instead of `<=`: a 40 960-byte front passes, but D21 makes the bound exclusive (DOCUMENT-12).",
    breaks: ["DOCUMENT-12"],
    apply: (b) => {
      const { minBytes, maxBytes } = b.fixtures.documents;
      b.validators.imageSize = (n) => (n < minBytes ? "small" : n >= maxBytes ? "large" : "ok");
    },
  },
  {
    id: "blind3-image-size-last-index",
    title: "Image size judged by the index of its last byte",
    description:
      "The size compared with the bounds is bytes − 1, so 40 961 bytes is too small and 16 777 216 bytes passes; D21 bounds are exclusive on the real size (DOCUMENT-12, DOCUMENT-13).",
    breaks: ["DOCUMENT-12", "DOCUMENT-13"],
    apply: (b) => {
      const original = b.validators.imageSize;
      b.validators.imageSize = (n) => original(n - 1);
    },
  },
  {
    id: "blind3-image-max-inclusive",
    title: "An image of exactly 16 MiB is accepted",
    description:
      "The maximum size is compared with `>` instead of `>=`: a 16 777 216-byte front passes, but D21 makes the bound exclusive (DOCUMENT-13).",
    breaks: ["DOCUMENT-13"],
    apply: (b) => {
      const { minBytes, maxBytes } = b.fixtures.documents;
      b.validators.imageSize = (n) => (n <= minBytes ? "small" : n > maxBytes ? "large" : "ok");
    },
  },
  {
    id: "blind3-image-decimal-units",
    title: "Image bounds in decimal KB / MB",
    description:
      "The bounds are 40 000 and 16 000 000 bytes: 40 960 bytes passes and 16 777 215 bytes is too large; D21 says KB and MB are binary (DOCUMENT-12, DOCUMENT-13).",
    breaks: ["DOCUMENT-12", "DOCUMENT-13"],
    apply: (b) => {
      // Scales the mock's own bounds, so a fixture that moves them (binary) still gets the decimal slip.
      const { minBytes, maxBytes } = b.fixtures.documents;
      const min = (minBytes / KIB) * 1000;
      const max = (maxBytes / MIB) * 1_000_000;
      b.validators.imageSize = (n) => (n <= min ? "small" : n >= max ? "large" : "ok");
    },
  },
  {
    id: "blind3-metadata-500-rejected",
    title: "Metadata of exactly 500 characters is refused",
    description:
      "The metadata limit is `< 500` instead of `<= 500`: 500 characters of JSON text answer 422, but D5 allows up to 500 (INPUT-METADATA-03).",
    breaks: ["INPUT-METADATA-03"],
    apply: (b) => {
      b.validators.metadata = (v) => jsonTextLength(v, 500) < 500;
    },
  },
  {
    id: "blind3-metadata-501-accepted",
    title: "Metadata of 501 characters is accepted",
    description: "The metadata limit is `<= 501`: one character over D5's 500 passes instead of answering 422 (INPUT-METADATA-04).",
    breaks: ["INPUT-METADATA-04"],
    apply: (b) => {
      b.validators.metadata = (v) => jsonTextLength(v, 501) <= 501;
    },
  },
  {
    id: "blind3-metadata-utf8-bytes",
    title: "Metadata measured in UTF-8 bytes",
    description:
      "The 500 limit counts UTF-8 bytes of the JSON text, so 500 characters with accented letters answer 422; D5 counts characters (INPUT-METADATA-03).",
    breaks: ["INPUT-METADATA-03"],
    apply: (b) => {
      b.validators.metadata = (v) => {
        if (jsonTextLength(v, 500) > 500) return false; // over in characters: over in bytes too (and not deep)
        return v === undefined || Buffer.byteLength(JSON.stringify(v) ?? "", "utf8") <= 500;
      };
    },
  },
  {
    id: "blind3-otp-limit-two",
    title: "The OTP locks after two wrong codes",
    description:
      "maxWrongCodes is 2: the 2nd wrong code answers 3104, where D19 answers 3102 and locks at the 3rd (INPUT-OTP-02, INPUT-OTP-04, INPUT-OTP-06).",
    breaks: ["INPUT-OTP-02", "INPUT-OTP-04", "INPUT-OTP-06"],
    apply: (b) => {
      b.otp.maxWrongCodes = 2;
    },
  },
  {
    id: "blind3-otp-limit-four",
    title: "The OTP locks after four wrong codes",
    description:
      "maxWrongCodes is 4: the 3rd wrong code answers 3102 and the right code still confirms after it; D19 locks at the 3rd (INPUT-OTP-04, INPUT-OTP-05).",
    breaks: ["INPUT-OTP-04", "INPUT-OTP-05"],
    apply: (b) => {
      b.otp.maxWrongCodes = 4;
    },
  },
  {
    id: "blind3-webhook-two-retries",
    title: "A failing webhook is retried twice",
    description:
      "retries is 2: a receiver that always answers 500 gets 3 deliveries; D26 reads 'retries 3 times' as exactly 4 (WEBHOOK-02).",
    breaks: ["WEBHOOK-02"],
    apply: (b) => {
      b.webhooks.retries = 2;
    },
  },
  {
    id: "blind3-webhook-four-retries",
    title: "A failing webhook is retried four times",
    description:
      "retries is 4 (an off-by-one in the retry loop): 5 deliveries to a receiver that always answers 500, where D26 says at most 4 (WEBHOOK-02).",
    breaks: ["WEBHOOK-02"],
    apply: (b) => {
      b.webhooks.retries = 4;
    },
  },
  {
    id: "blind3-webhook-any-answer-delivered",
    title: "Any receiver answer counts as delivered",
    description:
      "A webhook is never retried once the receiver answered, whatever the status: one delivery to a 500 receiver; D26 retries every non-2xx (WEBHOOK-02, WEBHOOK-03).",
    breaks: ["WEBHOOK-02", "WEBHOOK-03"],
    // The mock's success test (2xx) is not a knob; with no retry at all, an error answer ends the delivery like a 2xx.
    apply: (b) => {
      b.webhooks.retries = 0;
    },
  },
  {
    id: "blind3-product-limit-off-by-one",
    title: "The product limit lets one request too many through",
    description:
      "The product window refuses from the (limit + 2)-th POST: the 4th send of a 3-per-window account answers 200, not 429 5100 (RATE-01, D33).",
    breaks: ["RATE-01"],
    apply: (b) => {
      const original = b.rateLimit.limitsFor;
      b.rateLimit.limitsFor = (name) => {
        const limits = original(name);
        return limits && { ...limits, perProduct: limits.perProduct + 1 };
      };
    },
  },
  {
    id: "blind3-rate-window-doubled",
    title: "Rate-limit windows last twice as long",
    description:
      "The window is kept in ms but treated as twice as long (2 s for a 1 s window): a limit still refuses after its window and Retry-After exceeds it (RATE-08, RATE-06, D23).",
    breaks: ["RATE-08", "RATE-06"],
    apply: (b) => {
      const original = b.rateLimit.limitsFor;
      b.rateLimit.limitsFor = (name) => {
        const limits = original(name);
        return limits && { ...limits, windowMs: limits.windowMs * 2 };
      };
    },
  },
  {
    id: "blind3-phone-nine-digits",
    title: "A nine-digit phone is accepted",
    description: "The phone pattern is `^\\d{9,10}$`: nine digits pass instead of answering 3101; D16 wants exactly ten (INPUT-PHONE-02).",
    breaks: ["INPUT-PHONE-02"],
    apply: (b) => {
      b.validators.phone = (v) => typeof v === "string" && /^\d{9,10}$/.test(v);
    },
  },
];
