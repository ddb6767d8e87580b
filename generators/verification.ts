/** createVerification bodies (DOC: every field optional) and metadata values (D5: ≤ 500 JSON characters). */
import { callbackUrl } from "./callback.js";
import { faker } from "./random.js";

export const metadata = {
  /** A small JSON object, well under the 500-character limit. */
  valid: (): Record<string, string> => ({ customer_ref: faker.string.alphanumeric(10), channel: "conformance" }),
};

export const verificationRequest = {
  empty: (): Record<string, never> => ({}),
  withCallbackAndMetadata: (url: string = callbackUrl.valid()) => ({ callback_url: url, metadata: metadata.valid() }),
  withCallback: (url: string) => ({ callback_url: url }),
};
