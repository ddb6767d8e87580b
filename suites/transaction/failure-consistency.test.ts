// Catches: status.code 300 without errors, errors of the wrong family or with empty messages,
// additional_info that is not a string, on any product. Both requirements judge one failed transaction of
// each product (arranged once for the file); identity failures add one per code.
import { additionalInfoStrings, failed } from "../../checks/transaction-shape.js";
import { failIdentity, flows } from "../../flows/transaction.js";
import { type Ctx, conformance } from "../../harness/conformance.js";
import { must } from "../../harness/expect.js";
import { documentedTransactionCodes } from "../../lib/spec.js";

conformance.for(flows.map((flow) => ({ req: "TRANSACTION-02" as const, flow, name: flow.product })))(
  "reports a failed $name transaction with non-empty errors of its family",
  async ({ flow }, t) => {
    const x = await t.shared(`failed ${flow.product}`, flow.fail);

    must(x, failed(flow.operationId));
  },
);

// Identity failures are where the published example carries additional_info: every code, plus
// one failure of each other product.
const infoRows = [
  ...documentedTransactionCodes("verifyTelecomIdentity").map((code) => ({
    req: "TRANSACTION-03" as const,
    name: `telecom.identity failing with ${code}`,
    run: (t: Ctx) => failIdentity(t, code),
  })),
  ...flows
    .filter((f) => f.operationId !== "verifyTelecomIdentity")
    .map((flow) => ({
      req: "TRANSACTION-03" as const,
      name: `a failed ${flow.product}`,
      run: (t: Ctx) => t.shared(`failed ${flow.product}`, flow.fail),
    })),
];

conformance.for(infoRows)("carries additional_info as a string, if at all, on $name", async ({ run }, t) => {
  const x = await run(t);

  must(x, additionalInfoStrings());
});
