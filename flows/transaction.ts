/**
 * One way per product to reach a transaction's first answer, a success and a failure, shared by the
 * transaction, verification and webhook suites. Inputs come from generators/ (sandbox conventions); a
 * pending answer is polled to its final state with the profile's bounds. Each step the flow relies on is
 * an arrange step naming the requirement it rests on: a target that breaks that requirement blocks the
 * tests built on the flow instead of failing them.
 */
import { documentForm, documentOperations, type DocumentOperation } from "../generators/documents.js";
import { frontName } from "../generators/images.js";
import { faker } from "../generators/random.js";
import { identity, otp, phone, smsSend } from "../generators/telecom.js";
import { field, transactionAnswer } from "../checks/answers.js";
import { accepted, pending } from "../checks/transaction-shape.js";
import type { Ctx } from "../harness/conformance.js";
import { must } from "../harness/expect.js";
import { pollTransaction } from "../harness/poll.js";
import { hasId, idOf } from "./ids.js";
import type { Exchange } from "../lib/exchange.js";
import { documentedTransactionCodes, type OperationId } from "../lib/spec.js";

/** What a flow needs of the test context. */
export type FlowCtx = Pick<Ctx, "api" | "profile" | "today" | "arrange">;

/** Optional fields every transaction POST accepts (DOC). */
export interface Extra {
  verification_id?: string;
  callback_url?: string;
}

export type StatusOperation = "getTelecomTransaction" | "getDocumentTransaction";

export interface Flow {
  /** The product name the mock uses (D9); shown in titles. */
  product: string;
  operationId: OperationId;
  statusOperation: StatusOperation;
  /** The POST that creates a transaction that will succeed. */
  start(t: FlowCtx, extra?: Extra): Promise<Exchange>;
  /** Drives a transaction `start` created to its end; returns the answer holding its final state. */
  finish(t: FlowCtx, started: Exchange): Promise<Exchange>;
  /** Drives a transaction to its end with a success input (`start`, then `finish`); returns the answer holding its final state. */
  succeed(t: FlowCtx, extra?: Extra): Promise<Exchange>;
  /** Drives a transaction to its end with a failure input; returns the answer holding its final state. */
  fail(t: FlowCtx, extra?: Extra): Promise<Exchange>;
}

/**
 * The requirement that a flow's status GET answers the transaction's final state: TELECOM-GET-01 says it of a
 * telecom GET, TRANSACTION-06 of every GET; a stale telecom GET fails the specific one (and blocks by it).
 */
export const finalGetRequirement = (flow: Pick<Flow, "statusOperation">): "TELECOM-GET-01" | "TRANSACTION-06" =>
  flow.statusOperation === "getTelecomTransaction" ? "TELECOM-GET-01" : "TRANSACTION-06";

export const transactionIdOf = (x: Exchange): string => String(x.jsonObject()?.transaction_id ?? "");

/** The answer if it is final, else the polled final state (`by`: the requirement that says it completes). */
export async function finalState(t: FlowCtx, statusOperation: StatusOperation, x: Exchange, by: ReqIdOf): Promise<Exchange> {
  const code = x.transactionStatus();
  if (x.status !== 200 || code === undefined || !t.profile.pendingStatusCodes.includes(code)) return x;
  const id = await idOf(t, by, x, "transaction_id");
  return t.arrange(by, () => pollTransaction(t.api, statusOperation, id, t.profile));
}

type ReqIdOf = Parameters<Ctx["arrange"]>[0];

/** What each optional field is about: a POST refused only because it carries the field breaks this requirement. */
const FIELD_REQUIREMENT = {
  verification_id: "VERIFICATION-03",
  callback_url: "INPUT-CALLBACK-02",
} as const satisfies Record<keyof Extra, ReqIdOf>;

/**
 * A valid POST (`send` with `extra`) must be accepted (HTTP 200 with a transaction) before anything else can be
 * said about it; a refusal breaks `by`, the product's requirement, unless it is the optional field's doing.
 */
async function accept(t: FlowCtx, send: (extra: Extra) => Promise<Exchange>, by: ReqIdOf, extra: Extra = {}): Promise<Exchange> {
  const x = await send(extra);
  const breaks = accepted()(x) ? await refusalBreaks(x, send, by, extra) : { by };
  await t.arrange(breaks.by, () => must(x, accepted(breaks.hint)));
  return x;
}

/**
 * The requirement a refused POST breaks. Refused for its callback_url (3100) it is INPUT-CALLBACK-02's. Refused
 * with one optional field while the same POST without it is accepted (a control request, sent only after a
 * refusal), it is the field's requirement: a target that cannot join a verification fails VERIFICATION-03 instead
 * of blocking every test built on the product.
 */
async function refusalBreaks(
  x: Exchange,
  send: (extra: Extra) => Promise<Exchange>,
  by: ReqIdOf,
  extra: Extra,
): Promise<{ by: ReqIdOf; hint?: string }> {
  if (extra.callback_url !== undefined && x.status === 422 && x.errorCodes().includes(3100)) return { by: "INPUT-CALLBACK-02" };
  const given = (Object.keys(FIELD_REQUIREMENT) as (keyof Extra)[]).filter((k) => extra[k] !== undefined);
  // A rate limit (429) says nothing about the field; a retry would only spend the target's window.
  if (given.length !== 1 || x.status === 429) return { by };
  const [name] = given as [keyof Extra];
  const control = await send({});
  if (accepted()(control) !== undefined) return { by };
  return {
    by: FIELD_REQUIREMENT[name],
    hint: `the same POST without ${name} was accepted: ${name} is what the target refused`,
  };
}

/** The final state must be the outcome the input asked for (`by` says so); else the test is blocked. */
async function ended(t: FlowCtx, x: Exchange, statusCode: 200 | 300, by: ReqIdOf): Promise<Exchange> {
  await t.arrange(by, () =>
    must(x, transactionAnswer(statusCode, [], `arrange: the transaction ends with status.code ${statusCode}`), hasId("transaction_id")),
  );
  return x;
}

/** A code of the operation's family, chosen by the test's seed. */
const failingCode = (operationId: OperationId): number => faker.helpers.arrayElement(documentedTransactionCodes(operationId));

const sms: Flow = {
  product: "telecom.possession.sms",
  operationId: "sendSmsCode",
  statusOperation: "getTelecomTransaction",
  start: (t, extra = {}) => accept(t, (e) => t.api.call("sendSmsCode", { body: smsSend.valid(e) }), "TELECOM-SMS-01", extra),
  succeed: async (t, extra = {}) => sms.finish(t, await sms.start(t, extra)),
  async finish(t, sent) {
    await t.arrange("TELECOM-SMS-01", () => must(sent, pending(t.profile.pendingStatusCodes)));
    const confirmed = await t.api.call("confirmSmsCode", { body: { transaction_id: transactionIdOf(sent), code: otp.correct() } });
    return ended(t, confirmed, 200, "TELECOM-SMS-02");
  },
  async fail(t, extra = {}) {
    const x = await t.api.call("sendSmsCode", { body: smsSend.valid({ ...extra, phone: phone.failingWith(failingCode("sendSmsCode")) }) });
    return ended(t, await finalState(t, "getTelecomTransaction", x, "TELECOM-SANDBOX-01"), 300, "TELECOM-SANDBOX-01");
  },
};

const identityFlow: Flow = {
  product: "telecom.identity",
  operationId: "verifyTelecomIdentity",
  statusOperation: "getTelecomTransaction",
  start: (t, extra = {}) =>
    accept(t, (e) => t.api.call("verifyTelecomIdentity", { body: identity(t.today).valid(e) }), "TELECOM-IDENTITY-01", extra),
  succeed: async (t, extra = {}) => identityFlow.finish(t, await identityFlow.start(t, extra)),
  finish: async (t, started) =>
    ended(t, await finalState(t, "getTelecomTransaction", started, "TELECOM-IDENTITY-01"), 200, "TELECOM-IDENTITY-01"),
  async fail(t, extra = {}) {
    return failIdentity(t, failingCode("verifyTelecomIdentity"), extra);
  },
};

/** An identity transaction that fails with `code` (the 999 rule, D22). */
export async function failIdentity(t: FlowCtx, code: number, extra: Extra = {}): Promise<Exchange> {
  const body = identity(t.today).valid({ ...extra, phone: phone.failingWith(code) });
  const final = await finalState(t, "getTelecomTransaction", await t.api.call("verifyTelecomIdentity", { body }), "TELECOM-SANDBOX-01");
  return ended(t, final, 300, "TELECOM-SANDBOX-01");
}

const fields = (extra: Extra): Record<string, string> =>
  Object.fromEntries(Object.entries(extra).filter((e): e is [string, string] => typeof e[1] === "string"));

function documentFlow(op: DocumentOperation, product: string): Flow {
  const post = (t: FlowCtx, name: string, extra: Extra) =>
    accept(
      t,
      (e) => t.api.call(op, { form: documentForm(t.profile.imageBounds, op).valid(name, fields(e)) }),
      op === "verifyPassport" ? "DOCUMENT-11" : "DOCUMENT-01",
      extra,
    );
  const finish = async (t: FlowCtx, started: Exchange) =>
    ended(t, await finalState(t, "getDocumentTransaction", started, "DOCUMENT-02"), 200, "DOCUMENT-02");
  return {
    product,
    operationId: op,
    statusOperation: "getDocumentTransaction",
    start: (t, extra = {}) => post(t, frontName.success(), extra),
    finish,
    succeed: async (t, extra = {}) => finish(t, await post(t, frontName.success(), extra)),
    fail: async (t, extra = {}) =>
      ended(t, await finalState(t, "getDocumentTransaction", await post(t, frontName.fail(), extra), "DOCUMENT-03"), 300, "DOCUMENT-03"),
  };
}

const documentProducts: Record<DocumentOperation, string> = {
  verifyLicense: "document.license.verify",
  verifyPassport: "document.passport.verify",
  verifyPasscard: "document.passcard.verify",
};

export const flows: readonly Flow[] = [sms, identityFlow, ...documentOperations.map((op) => documentFlow(op, documentProducts[op]))];

export const documentFlows: readonly Flow[] = flows.filter((f) => f.statusOperation === "getDocumentTransaction");

export { field };
