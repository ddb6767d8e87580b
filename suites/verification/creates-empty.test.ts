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

// ID.me's own curl: `--header 'Content-Type: application/json' --data ''` (requestBody.required: false), and no body at all.
const published = [
  {
    req: "VERIFICATION-08" as const,
    name: "an empty body with Content-Type application/json (the published curl)",
    raw: { contentType: "application/json", data: "" },
  },
  { req: "VERIFICATION-08" as const, name: "no body and no Content-Type", raw: undefined },
];

conformance.for(published)(
  "accepts the published createVerification request, $name: 200, a UUID and no transactions",
  async ({ raw }, t) => {
    const x = await t.api.call("createVerification", raw ? { raw } : {});

    expectStatus(x, 200, "DOC: the verification page's example request sends --data '' and is answered 200.");
    expectField(x, "verification_id", isUuid, "a UUID");
    expectField(x, "transactions", (v) => Array.isArray(v) && v.length === 0, "an empty list");
  },
);
