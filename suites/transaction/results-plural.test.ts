// Catches: the published example's slip `result` instead of `results` (D6), named as such, on a
// failed transaction of each product (where the errors live and the slip would show).
import { conformance } from "../../harness/conformance.js";
import { expectField } from "../../harness/expect.js";
import { throwIfFailures } from "../../harness/failures.js";
import { results_not_result } from "../../checks/results-not-result.js";
import { flows } from "./flows.js";

conformance.for(flows.map((flow) => ({ req: "TRANSACTION-04" as const, flow, name: flow.product })))(
  "keeps the details of a failed $name transaction under results, not result",
  async ({ flow }, { api }) => {
    const x = await flow.fail(api);

    throwIfFailures(
      [results_not_result(x)].filter((f) => f !== undefined),
      x,
    );
    expectField(x, "results", (v) => v !== null && typeof v === "object" && !Array.isArray(v), "an object", "D6");
  },
);
