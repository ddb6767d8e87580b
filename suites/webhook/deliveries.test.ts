// Webhook delivery (D26), in one file: every test here waits on the target's clock (retries, quiet periods), and
// the tests of one file wait together (concurrently), where three files kept three of the run's workers waiting
// at once (BENCHMARKS.md).
// Catches: webhooks not sent (for one product, or when a later request completes the transaction), sent
// twice, or with a body other than the status GET's (stale state, different shape), for every product; no
// retries after an error, unbounded retries, retries after an acknowledgement. OPEN: signing, content type and
// retry backoff are not published: recorded for the report.
import { conformance, observe } from "../../harness/conformance.js";
import { expectThat, field, must } from "../../harness/expect.js";
import { receiverFor, scripts } from "../../harness/webhook-receiver.js";
import { finalGetRequirement, flows } from "../../flows/transaction.js";
import { sameAsWebhook, sameBody } from "../../checks/transaction-shape.js";

const identityFlow = flows.find((f) => f.operationId === "verifyTelecomIdentity")!;

// Every product: a transaction that completes on a later request (the SMS confirm) must notify as well.
const deliveryRows = flows.map((flow) => ({ req: "WEBHOOK-01" as const, flow, name: flow.product }));

conformance.for(deliveryRows)(
  "delivers one POST with the status GET body to the callback_url of a $name transaction",
  async ({ flow }, t) => {
    const receiver = await receiverFor(t.task, { profile: t.profile, secrets: t.plan.secrets, stopFile: t.plan.stopFile });

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
    // The status GET must show the final state first (TELECOM-GET-01, TRANSACTION-06): a stale GET is not the webhook's fault.
    await t.arrange(finalGetRequirement(flow), () => must(get, sameBody(final.json(), "the transaction's final state")));
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

const retryRows = [
  {
    req: "WEBHOOK-02" as const,
    name: "always answers 500",
    script: scripts.alwaysFail(),
    expected: 4,
    why: "the first delivery and 3 retries, then the callback is dropped (D26)",
  },
  {
    req: "WEBHOOK-03" as const,
    name: "answers 500 once, then 200",
    script: scripts.failFirst(1),
    expected: 2,
    why: "one retry after the error, none after the 200",
  },
];

conformance.for(retryRows)(
  "delivers exactly $expected times to a receiver that $name",
  async ({ script, expected, why }, t) => {
    const receiver = await receiverFor(t.task, { profile: t.profile, secrets: t.plan.secrets, stopFile: t.plan.stopFile, script });

    const final = await identityFlow.succeed(t, { callback_url: receiver.url });
    await receiver.waitForCount(expected);
    const deliveries = await receiver.settle();
    // No delivery at all is WEBHOOK-01's failure: retries cannot be counted without a first delivery.
    await t.arrange("WEBHOOK-01", () =>
      expectThat(final, deliveries.length > 0, {
        check: "webhook_delivered_once",
        title: "arrange: the callback_url receives the result",
        expected: `a delivery within ${t.profile.timeouts.webhookWaitMs} ms (t.profile.timeouts.webhookWaitMs)`,
        received: "no delivery",
      }),
    );

    expectThat(final, deliveries.length === expected, {
      check: "webhook_retries",
      title: `exactly ${expected} deliveries: ${why}`,
      expected: `${expected} deliveries within ${t.profile.timeouts.webhookWaitMs} ms (t.profile.timeouts.webhookWaitMs)`,
      received: `${deliveries.length} deliveries at ${JSON.stringify(deliveries.map((d) => `${Math.round(d.at)} ms → ${d.answered}`))}`,
      hint: "DOC: on an error from the receiver ID.me retries 3 times, then drops the callback.",
    });
  },
  { capabilities: ["webhookTests"] },
);

observe(
  "WEBHOOK-04",
  "records the webhook headers and the delays between retries",
  async (t) => {
    const receiver = await receiverFor(t.task, {
      profile: t.profile,
      secrets: t.plan.secrets,
      stopFile: t.plan.stopFile,
      script: scripts.alwaysFail(),
    });

    await identityFlow.succeed(t, { callback_url: receiver.url });
    await receiver.waitForCount(4);
    const deliveries = await receiver.settle();

    await t.record("webhook headers", deliveries[0]?.headers ?? "no delivery");
    await t.record(
      "retry delays (ms)",
      deliveries.slice(1).map((d, i) => Math.round(d.at - deliveries[i]!.at)),
    );
  },
  { capabilities: ["webhookTests"] },
);
