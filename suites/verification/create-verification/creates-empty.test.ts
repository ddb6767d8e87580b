// Catches: createVerification not answering a UUID id, pre-filled or missing transactions list,
// callback_url not validated (D18).
import { conformance } from "../../../harness/conformance";
import { expectError, expectField, expectStatus } from "../../../harness/expect";
import { callbackUrl } from "../../../generators/callback";
import { verificationRequest } from "../../../generators/verification";
import { isUuid } from "../../transaction/assertions";

const bodies = [
  { req: "VERIFICATION-01" as const, name: "an empty body", body: verificationRequest.empty() },
  { req: "VERIFICATION-02" as const, name: "a callback_url and metadata", body: verificationRequest.withCallbackAndMetadata() },
];

conformance.for(bodies)("answers createVerification with $name with 200, a UUID and no transactions", async ({ body }, { api }) => {
  const x = await api.call("createVerification", { body });

  expectStatus(x, 200);
  expectField(x, "verification_id", isUuid, "a UUID");
  expectField(x, "transactions", (v) => Array.isArray(v) && v.length === 0, "an empty list");
});

const invalid = [
  { req: "VERIFICATION-08" as const, name: "an ftp URL", url: callbackUrl.ftp() },
  { req: "VERIFICATION-08" as const, name: "a relative URL", url: callbackUrl.relative() },
  { req: "VERIFICATION-08" as const, name: "text that is not a URL", url: callbackUrl.notAUrl() },
];

conformance.for(invalid)("rejects createVerification with $name as callback_url with 422 / 3100", async ({ url }, { api }) => {
  const x = await api.call("createVerification", { body: verificationRequest.withCallback(url) });

  expectError(x, 422, 3100, "D18: callback_url is an absolute http or https URL.");
});
