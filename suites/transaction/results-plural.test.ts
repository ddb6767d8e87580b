// Catches: the published example's slip `result` instead of `results` (D6), named as such, on a
// failed transaction of each product (where the errors live and the slip would show).
import { fieldIs } from "../../checks/answers.js";
import { results_not_result } from "../../checks/results-not-result.js";
import { flows } from "../../flows/transaction.js";
import { conformance } from "../../harness/conformance.js";
import { must } from "../../harness/expect.js";

conformance.for(flows.map((flow) => ({ req: "TRANSACTION-04" as const, flow, name: flow.product })))(
  "keeps the details of a failed $name transaction under results, not result",
  async ({ flow }, t) => {
    const x = await flow.fail(t);

    must(
      x,
      (answer) => results_not_result(answer, { exactMessages: false }),
      fieldIs("results", (v) => v !== null && typeof v === "object" && !Array.isArray(v), "an object", "D6"),
    );
  },
);
