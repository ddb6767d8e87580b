// Catches: webhooks not sent (for one product, or when a later request completes the transaction), sent
// twice, or with a body other than the status GET's (stale state, different shape), for every product.
import { conformance } from "../../harness/conformance.js";
import { expectThat, field, must } from "../../harness/expect.js";
import { receiverFor } from "../../harness/webhook-receiver.js";
import { flows } from "../../flows/transaction.js";
import { sameAsWebhook, sameBody } from "../../checks/transaction-shape.js";

// Every product: a transaction that completes on a later request (the SMS confirm) must notify as well.
const rows = flows.map((flow) => ({ req: "WEBHOOK-01" as const, flow, name: flow.product }));

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
    // The status GET must show the final state first (TRANSACTION-06): a stale GET is not the webhook's fault.
    await t.arrange("TRANSACTION-06", () => must(get, sameBody(final.json(), "the transaction's final state")));
    const delivered = safeJson(deliveries[0]?.body ?? "");
    must(get, sameAsWebhook(delivered, "DOC: the webhook body is the same as the status GET body."));
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
