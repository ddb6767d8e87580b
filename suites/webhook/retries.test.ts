// Catches: no retries after an error, unbounded retries, retries after an acknowledgement (D26).
import { conformance } from "../../harness/conformance.js";
import { expectThat } from "../../harness/expect.js";
import { receiverFor, scripts } from "../../harness/webhook-receiver.js";
import { flows } from "../../flows/transaction.js";

const identityFlow = flows.find((f) => f.operationId === "verifyTelecomIdentity")!;

const rows = [
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

conformance.for(rows)(
  "delivers exactly $expected times to a receiver that $name",
  async ({ script, expected, why }, t) => {
    const receiver = await receiverFor(t.task, { profile: t.profile, secrets: t.plan.secrets, script });

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
