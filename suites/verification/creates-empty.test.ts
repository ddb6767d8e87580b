// Catches: createVerification not answering a UUID id, pre-filled or missing transactions list,
// (callback_url validation on createVerification: INPUT-CALLBACK-01).
import { conformance } from "../../harness/conformance.js";
import { expectField, expectStatus } from "../../harness/expect.js";
import { callbackUrl } from "../../generators/callback.js";
import { verificationRequest } from "../../generators/verification.js";
import { isUuid } from "../../checks/transaction-shape.js";

const bodies = [
  { req: "VERIFICATION-01" as const, name: "an empty JSON object", body: verificationRequest.empty },
  { req: "VERIFICATION-02" as const, name: "a callback_url and metadata", body: () => verificationRequest.withCallbackAndMetadata() },
  {
    req: "VERIFICATION-02" as const,
    name: "a plain http callback_url and metadata",
    body: () => verificationRequest.withCallbackAndMetadata(callbackUrl.plainHttp()),
  },
];

conformance.for(bodies)("answers createVerification with $name with 200, a UUID and no transactions", async ({ body }, t) => {
  const x = await t.api.call("createVerification", { body: body() });

  expectStatus(x, 200);
  expectField(x, "verification_id", isUuid, "a UUID");
  expectField(x, "transactions", (v) => Array.isArray(v) && v.length === 0, "an empty list");
});
