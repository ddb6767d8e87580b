// AUTH-08 (OPEN): the legacy `ID.me <token>` form without Bearer is recorded, never judged.
import { observe } from "../../harness/conformance.js";
import { tokenOf } from "../../harness/client.js";
import { authHeader } from "../../generators/credentials.js";
import { minimalRequest } from "../../generators/requests.js";

observe("AUTH-08", "records how the legacy `ID.me <token>` header (no Bearer) is answered", async (t) => {
  const x = await t.api.call("createVerification", {
    ...minimalRequest(t, "createVerification"),
    auth: { header: authHeader.legacy(tokenOf(t.plan, "primary")), role: "primary" },
  });

  await t.record("legacy scheme", { status: x.status, codes: x.errorCodes(), accepted: x.status === 200 });
});
