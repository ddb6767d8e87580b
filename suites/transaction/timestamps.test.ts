// Catches: timestamps without milliseconds or offset, updated before created (D8), on the final
// state of each product (where created and updated can differ).
import { conformance } from "../../harness/conformance.js";
import { flows } from "./flows.js";
import { expectTimestamps } from "./assertions.js";

conformance.for(flows.map((flow) => ({ req: "TRANSACTION-05" as const, flow, name: flow.product })))(
  "stamps a completed $name transaction with millisecond times, updated not before created",
  async ({ flow }, { api }) => {
    const x = await flow.succeed(api);

    expectTimestamps(x);
  },
);
