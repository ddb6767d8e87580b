/**
 * Arrange steps that several telecom and input tests share: open an SMS possession transaction,
 * send a series of confirms in order (the order is the point of the retry limit, D19).
 */
import { phone, smsSend } from "../../generators/telecom.js";
import type { ApiClient } from "../../harness/client.js";
import type { Exchange } from "../../harness/exchange.js";
import { expectField, expectStatus } from "../../harness/expect.js";

/** A send to a success phone; fails the test (as a precondition) unless it answers a transaction id. */
export async function sendPending(api: ApiClient, to: string = phone.success()): Promise<{ x: Exchange; transactionId: string }> {
  const x = await api.call("sendSmsCode", { body: smsSend.valid({ phone: to }) });
  expectStatus(x, 200, "precondition: the send must open a transaction before the confirm can be tested");
  expectField(x, "transaction_id", (v) => typeof v === "string" && v.length > 0, "a transaction id (precondition)");
  return { x, transactionId: (x.jsonObject() as { transaction_id: string }).transaction_id };
}

/** Confirms `codes` one after the other on the same transaction and returns every answer, in order. */
export async function confirmInOrder(api: ApiClient, transactionId: string, codes: readonly string[]): Promise<Exchange[]> {
  const answers: Exchange[] = [];
  for (const code of codes) answers.push(await api.call("confirmSmsCode", { body: { transaction_id: transactionId, code } }));
  return answers;
}

/** The error codes of each answer, for one readable assertion over a series. */
export const codesOf = (xs: readonly Exchange[]): number[][] => xs.map((x) => x.errorCodes());
