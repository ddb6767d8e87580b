// NOTFOUND-06, NOTFOUND-07: ids in a request body that name nothing answer 404 / 4100.
import { conformance } from "../../harness/conformance.js";
import { expectError } from "../../harness/expect.js";
import { ids } from "../../generators/ids.js";
import { minimalRequest, verificationTakingOperations } from "../../generators/requests.js";

conformance("NOTFOUND-06", "answers confirmSmsCode for a transaction_id that names nothing with 404 / 4100", async (t) => {
  const x = await t.api.call("confirmSmsCode", minimalRequest(t, "confirmSmsCode", { transaction_id: ids.unknown() }));

  expectError(x, 404, 4100);
});

const posts = verificationTakingOperations.map((op) => ({ req: "NOTFOUND-07" as const, op }));

conformance.for(posts)("answers $op for a verification_id that names nothing with 404 / 4100", async (row, t) => {
  const x = await t.api.call(row.op, minimalRequest(t, row.op, { verification_id: ids.unknown() }));

  expectError(x, 404, 4100);
});
