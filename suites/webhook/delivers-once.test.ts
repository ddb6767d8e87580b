// Catches: webhooks not sent, sent twice, or with a body other than the status GET's
// (stale state, different shape), for a telecom and a document transaction.
import { conformance } from "../../harness/conformance.js";
import { expectThat, field, must } from "../../harness/expect.js";
import { receiverFor } from "../../harness/webhook-receiver.js";
import { flows } from "../../flows/transaction.js";
import { sameBody } from "../../checks/transaction-shape.js";

const rows = flows
  .filter((f) => f.operationId === "verifyTelecomIdentity" || f.operationId === "verifyLicense")
  .map((flow) => ({ req: "WEBHOOK-01" as const, flow, name: flow.product }));

conformance.for(rows)(
  "delivers one POST with the status GET body to the callback_url of a $name transaction",
  async ({ flow }, t) => {
    const receiver = await receiverFor(t.task, { profile: t.profile, secrets: t.plan.secrets });

    const final = await flow.succeed(t, { callback_url: receiver.url });
    await receiver.waitForCount(1);
    const deliveries = await receiver.settle();
    const get = await t.api.call(flow.statusOperation, { params: { transaction_id: String(field(final, "transaction_id")) } });

    expectThat(final, deliveries.length === 1 && deliveries[0]?.method === "POST", {
      check: "webhook_delivered_once",
      title: "exactly one POST reaches the callback_url",
      expected: `1 POST within ${t.profile.timeouts.webhookWaitMs} ms (t.profile.timeouts.webhookWaitMs)`,
      received: `${deliveries.length} deliveries: ${JSON.stringify(deliveries.map((d) => `${d.method} → ${d.answered}`))}`,
      hint: "DOC: the callback_url receives the result when the transaction completes; an acknowledged delivery is not repeated.",
    });
    const delivered = safeJson(deliveries[0]?.body ?? "");
    must(get, sameBody(delivered, "the webhook body that was delivered", "DOC: the webhook body is the same as the status GET body."));
  },
  { capabilities: ["webhookTests"] },
);

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
