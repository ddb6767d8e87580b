// OPEN: signing, content type and retry backoff are not published: recorded for the report.
import { observe } from "../../harness/conformance.js";
import { receiverFor, scripts } from "../../harness/webhook-receiver.js";
import { flows } from "../../flows/transaction.js";

const identityFlow = flows.find((f) => f.operationId === "verifyTelecomIdentity")!;

observe(
  "WEBHOOK-04",
  "records the webhook headers and the delays between retries",
  async (t) => {
    const receiver = await receiverFor(t.task, { profile: t.profile, secrets: t.plan.secrets, script: scripts.alwaysFail() });

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
