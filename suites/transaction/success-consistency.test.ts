// Catches: status.code 200 with errors or with verified false (D7), on any product.
import { conformance } from "../../harness/conformance.js";
import { flows } from "./flows.js";
import { expectSuccessShape } from "./assertions.js";

conformance.for(flows.map((flow) => ({ req: "TRANSACTION-01" as const, flow, name: flow.product })))(
  "reports a completed $name transaction as verified true without errors",
  async ({ flow }, { api }) => {
    const x = await flow.succeed(api);

    expectSuccessShape(x);
  },
);
