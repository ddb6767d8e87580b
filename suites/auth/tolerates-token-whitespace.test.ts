// AUTH-09 (D1): whitespace around the Base64 text (Ruby's encoder adds a newline) does not make a valid secret unknown.
import { conformance } from "../../harness/conformance.js";
import { tokenOf } from "../../harness/client.js";
import type { WorkerPlan } from "../../run/worker-plan.js";
import { expectStatus } from "../../harness/expect.js";
import { authHeader } from "../../generators/credentials.js";
import { minimalRequest } from "../../generators/requests.js";

const rows = [
  { req: "AUTH-09", name: "extra spaces around the token", header: (plan: WorkerPlan) => authHeader.spacedToken(tokenOf(plan, "primary")) },
  { req: "AUTH-09", name: "tabs around the token", header: (plan: WorkerPlan) => authHeader.tabbedToken(tokenOf(plan, "primary")) },
] as const;

conformance.for(rows)("accepts a valid token with $name", async (row, t) => {
  const x = await t.api.call("createVerification", {
    ...minimalRequest(t, "createVerification"),
    auth: { header: row.header(t.plan), role: "primary" },
  });

  expectStatus(x, 200, "D1: surrounding whitespace in the Base64 text is tolerated; only the secret decides.");
});
