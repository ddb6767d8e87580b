/**
 * Arrange steps that several telecom and input tests share: open an SMS possession transaction,
 * send a series of confirms in order (the order is the point of the retry limit, D19).
 */
import { fieldIs, statusIs } from "../checks/answers.js";
import { phone, smsSend } from "../generators/telecom.js";
import type { Ctx } from "../harness/conformance.js";
import { must } from "../harness/expect.js";
import type { Exchange } from "../lib/exchange.js";

/** A send to a success phone that opened a transaction (TELECOM-SMS-01); blocks the test otherwise. */
export async function sendPending(
  t: Pick<Ctx, "api" | "arrange">,
  to: string = phone.success(),
): Promise<{ x: Exchange; transactionId: string }> {
  const x = await t.api.call("sendSmsCode", { body: smsSend.valid({ phone: to }) });
  await t.arrange("TELECOM-SMS-01", () =>
    must(
      x,
      statusIs(200, "the send must open a transaction before the confirm can be tested"),
      fieldIs("transaction_id", (v) => typeof v === "string" && v.length > 0, "a transaction id"),
    ),
  );
  return { x, transactionId: (x.jsonObject() as { transaction_id: string }).transaction_id };
}

/** Confirms `codes` one after the other on the same transaction and returns every answer, in order. */
export async function confirmInOrder(t: Pick<Ctx, "api">, transactionId: string, codes: readonly string[]): Promise<Exchange[]> {
  const answers: Exchange[] = [];
  for (const code of codes) answers.push(await t.api.call("confirmSmsCode", { body: { transaction_id: transactionId, code } }));
  return answers;
}

/** The error codes of each answer, for one readable assertion over a series. */
export const codesOf = (xs: readonly Exchange[]): number[][] => xs.map((x) => x.errorCodes());
