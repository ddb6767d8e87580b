// Catches: status.code 200 with errors or with verified false (D7), on any product.
import { completed } from "../../checks/transaction-shape.js";
import { flows } from "../../flows/transaction.js";
import { conformance } from "../../harness/conformance.js";
import { must } from "../../harness/expect.js";

conformance.for(flows.map((flow) => ({ req: "TRANSACTION-01" as const, flow, name: flow.product })))(
  "reports a completed $name transaction as verified true without errors",
  async ({ flow }, t) => {
    const x = await flow.succeed(t);

    must(x, completed());
  },
);
