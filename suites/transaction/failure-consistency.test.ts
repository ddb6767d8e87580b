// Catches: status.code 300 without errors, errors of the wrong family or with empty messages,
// additional_info that is not a string, on any product.
import { conformance } from "../../harness/conformance.js";
import { documentedTransactionCodes } from "../../lib/spec.js";
import { failIdentity, flows } from "./flows.js";
import { expectAdditionalInfoStrings, expectFailureShape } from "./assertions.js";

conformance.for(flows.map((flow) => ({ req: "TRANSACTION-02" as const, flow, name: flow.product })))(
  "reports a failed $name transaction with non-empty errors of its family",
  async ({ flow }, { api }) => {
    const x = await flow.fail(api);

    expectFailureShape(x, flow.operationId);
  },
);

// Identity failures are where the published example carries additional_info: every code, plus
// one failure of each other product.
const infoRows = [
  ...documentedTransactionCodes("verifyTelecomIdentity").map((code) => ({
    req: "TRANSACTION-03" as const,
    name: `telecom.identity failing with ${code}`,
    run: (api: Parameters<typeof failIdentity>[0]) => failIdentity(api, code),
  })),
  ...flows
    .filter((f) => f.operationId !== "verifyTelecomIdentity")
    .map((flow) => ({
      req: "TRANSACTION-03" as const,
      name: `a failed ${flow.product}`,
      run: (api: Parameters<typeof failIdentity>[0]) => flow.fail(api),
    })),
];

conformance.for(infoRows)("carries additional_info as a string, if at all, on $name", async ({ run }, { api }) => {
  const x = await run(api);

  expectAdditionalInfoStrings(x);
});
