// Catches: a status GET that is stale (still pending) or differs from the final state the
// transaction reached (other ids, product, status or results).
import { field } from "../../checks/answers.js";
import { sameBody } from "../../checks/transaction-shape.js";
import { finalGetRequirement, flows } from "../../flows/transaction.js";
import { conformance } from "../../harness/conformance.js";
import { must } from "../../harness/expect.js";

const rows = flows.flatMap((flow) => [
  { req: "TRANSACTION-06" as const, flow, outcome: "completed", run: flow.succeed },
  { req: "TRANSACTION-06" as const, flow, outcome: "failed", run: flow.fail },
]);

conformance.for(rows)(
  "answers the status GET of a $outcome $flow.product transaction with its final body",
  async ({ flow, run }, t) => {
    const final = await run(t);

    const x = await t.api.call(flow.statusOperation, { params: { transaction_id: String(field(final, "transaction_id")) } });

    must(x, sameBody(final.json(), "the transaction's final state", "DOC: the status GET answers the same body the webhook gets."));
  },
  // TELECOM-GET-01 says the same of a telecom status GET: one stale GET fails that requirement, not both.
  ({ flow }) => (finalGetRequirement(flow) === "TELECOM-GET-01" ? { premises: ["TELECOM-GET-01"] } : undefined),
);
