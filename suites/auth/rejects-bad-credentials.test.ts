// AUTH-01…05: every secured operation (generated from the spec) refuses missing or wrong credentials with 401 / 1100.
import { conformance } from "../../harness/conformance.js";
import { tokenOf, type Auth } from "../../harness/client.js";
import type { WorkerPlan } from "../../run/worker-plan.js";
import { expectError } from "../../harness/expect.js";
import { authHeader } from "../../generators/credentials.js";
import { minimalRequest, securedOperations } from "../../generators/requests.js";
import type { ReqId } from "../../generated/requirements.js";

interface Case {
  req: ReqId;
  name: string;
  auth: (plan: WorkerPlan) => Auth;
}

const cases: Case[] = [
  { req: "AUTH-01", name: "without an Authorization header", auth: () => "none" },
  {
    req: "AUTH-02",
    name: "with Basic credentials",
    auth: (plan) => ({ header: authHeader.basic(tokenOf(plan, "primary")), role: "primary" }),
  },
  {
    req: "AUTH-02",
    name: "with `Bearer <token>` (no ID.me)",
    auth: (plan) => ({ header: authHeader.bareBearer(tokenOf(plan, "primary")), role: "primary" }),
  },
  {
    req: "AUTH-03",
    name: "with the bare token (no scheme)",
    auth: (plan) => ({ header: authHeader.bareToken(tokenOf(plan, "primary")), role: "primary" }),
  },
  {
    req: "AUTH-04",
    name: "with a token that is not Base64",
    auth: (plan) => ({ header: authHeader.notBase64(tokenOf(plan, "primary")), role: "primary" }),
  },
  { req: "AUTH-05", name: "with the secret of no account", auth: () => ({ header: authHeader.unknownSecret() }) },
  {
    req: "AUTH-05",
    name: "with an account's secret and more text after it",
    auth: (plan) => ({ header: authHeader.extendedSecret(tokenOf(plan, "primary")), role: "primary" }),
  },
  {
    req: "AUTH-05",
    name: "with an account's secret missing its last character",
    auth: (plan) => ({ header: authHeader.truncatedSecret(tokenOf(plan, "primary")), role: "primary" }),
  },
];

const rows = securedOperations.flatMap((op) => cases.map((c) => ({ ...c, op })));

conformance.for(rows)("answers $op $name with 401 / 1100", async (row, t) => {
  const x = await t.api.call(row.op, { ...minimalRequest(t, row.op), auth: row.auth(t.plan) });

  expectError(x, 401, 1100);
});
