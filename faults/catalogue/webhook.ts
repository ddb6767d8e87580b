// Webhook faults (webhooks page, D26): not sent, wrong body, wrong media type, wrong number of retries.
import type { CatalogueFault } from "../types.js";
import { rewrite } from "../transform.js";

export const webhookFaults: CatalogueFault[] = [
  {
    id: "webhooks-not-sent",
    title: "webhooks never sent",
    description: "A completed transaction with a callback_url is never POSTed to it.",
    breaks: ["WEBHOOK-01"],
    apply: (b) => {
      b.webhooks.enabled = false;
    },
  },
  {
    id: "webhook-wrong-body",
    title: "webhook body differs from the status body",
    description: "The callback gets `{transaction_id, status: <code>}` instead of the body of the status GET.",
    breaks: ["WEBHOOK-01"],
    apply: (b) =>
      rewrite(
        b,
        (_r, c) => c.kind === "webhook",
        (r) => {
          const tx = r.body as { transaction_id: string; status: { code: number } };
          return { ...r, body: { transaction_id: tx.transaction_id, status: tx.status.code } };
        },
      ),
  },
  {
    id: "webhook-no-retries",
    title: "webhooks not retried",
    description: "A callback the receiver answers with an error is dropped at once (DOC: 3 retries).",
    breaks: ["WEBHOOK-02", "WEBHOOK-03"],
    apply: (b) => {
      b.webhooks.retries = 0;
    },
  },
  {
    id: "webhook-retries-unbounded",
    title: "webhooks retried too often",
    description: "A failing callback is delivered 9 times (D26: at most 4 deliveries of one result).",
    breaks: ["WEBHOOK-02"],
    apply: (b) => {
      b.webhooks.retries = 8;
    },
  },
];
