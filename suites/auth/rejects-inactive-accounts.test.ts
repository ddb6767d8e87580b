// AUTH-06, AUTH-07: an inactive account (1200) or organization (1300) is refused on every secured operation.
import { conformance } from "../../harness/conformance.js";
import { expectError } from "../../harness/expect.js";
import { minimalRequest, securedOperations } from "../../generators/requests.js";

const inactive = [
  { req: "AUTH-06", role: "inactiveAccount", what: "an inactive account", code: 1200 },
  { req: "AUTH-07", role: "inactiveOrg", what: "an inactive organization's account", code: 1300 },
] as const;

const rows = securedOperations.flatMap((op) => inactive.map((c) => ({ ...c, op })));

conformance.for(rows)(
  "answers $op for $what with 401 / $code",
  async (row, t) => {
    const x = await t.api.call(row.op, { ...minimalRequest(t, row.op), auth: row.role });

    expectError(x, 401, row.code);
  },
  (row) => ({ roles: [row.role] }),
);
