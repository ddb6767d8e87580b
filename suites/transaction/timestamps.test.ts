// Catches: timestamps without milliseconds or offset, updated before created (D8), on the final
// state of each product (where created and updated can differ).
import { timestamps } from "../../checks/transaction-shape.js";
import { flows } from "../../flows/transaction.js";
import { conformance } from "../../harness/conformance.js";
import { must } from "../../harness/expect.js";

conformance.for(flows.map((flow) => ({ req: "TRANSACTION-05" as const, flow, name: flow.product })))(
  "stamps a completed $name transaction with millisecond times, updated not before created",
  async ({ flow }, t) => {
    const x = await flow.succeed(t);

    must(x, timestamps());
  },
);
