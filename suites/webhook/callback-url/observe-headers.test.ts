// OPEN: signing, content type and retry backoff are not published: recorded for the report.
import { observe } from "../../../harness/conformance.js";
import { receiverFor, scripts } from "../../../harness/webhook-receiver.js";
import { flows } from "../../transaction/flows.js";

const identityFlow = flows.find((f) => f.operationId === "verifyTelecomIdentity")!;

observe(
  "WEBHOOK-04",
  "records the webhook headers and the delays between retries",
  async ({ api, record, task }) => {
    const receiver = await receiverFor(task, { script: scripts.alwaysFail() });

    await identityFlow.succeed(api, { callback_url: receiver.url });
    await receiver.waitForCount(4);
    const deliveries = await receiver.settle();

    await record("webhook headers", deliveries[0]?.headers ?? "no delivery");
    await record(
      "retry delays (ms)",
      deliveries.slice(1).map((d, i) => Math.round(d.at - deliveries[i]!.at)),
    );
  },
  { capabilities: ["webhookTests"] },
);
