/**
 * One way per product to reach a transaction's first answer, a success and a failure, shared by
 * the transaction, verification and webhook suites. Inputs come from generators/ (sandbox
 * conventions); a pending answer is polled to its final state with the profile's bounds.
 */
import type { ApiClient } from "../../harness/client.js";
import { config } from "../../harness/config.js";
import type { Exchange } from "../../harness/exchange.js";
import { expectThat } from "../../harness/expect.js";
import { pollTransaction } from "../../harness/poll.js";
import { documentedTransactionCodes, type OperationId } from "../../lib/spec.js";
import { documentForm, documentOperations, type DocumentOperation } from "../../generators/documents.js";
import { frontName } from "../../generators/images.js";
import { faker } from "../../generators/random.js";
import { identity, otp, phone, smsSend } from "../../generators/telecom.js";

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
  start(api: ApiClient, extra?: Extra): Promise<Exchange>;
  /** Drives a transaction to status.code 200 and returns the answer holding its final state. */
  succeed(api: ApiClient, extra?: Extra): Promise<Exchange>;
  /** Drives a transaction to status.code 300 and returns the answer holding its final state. */
  fail(api: ApiClient, extra?: Extra): Promise<Exchange>;
}

const idOf = (x: Exchange): string => String(x.jsonObject()?.transaction_id ?? "");

/** The answer if it is final, else the polled final state (a non-200 answer is returned for the test to judge). */
export async function finalState(api: ApiClient, statusOperation: StatusOperation, x: Exchange): Promise<Exchange> {
  const code = x.transactionStatus();
  if (x.status !== 200 || code === undefined || !config.profile.pendingStatusCodes.includes(code)) return x;
  return pollTransaction(api, statusOperation, idOf(x));
}

/** A telecom code of the operation's family, chosen by the run's seed. */
const failingCode = (operationId: OperationId): number => faker.helpers.arrayElement(documentedTransactionCodes(operationId));

const sms: Flow = {
  product: "telecom.possession.sms",
  operationId: "sendSmsCode",
  statusOperation: "getTelecomTransaction",
  start: (api, extra = {}) => api.call("sendSmsCode", { body: smsSend.valid(extra) }),
  async succeed(api, extra = {}) {
    const sent = await sms.start(api, extra);
    const code = sent.transactionStatus();
    expectThat(sent, sent.status === 200 && code !== undefined && config.profile.pendingStatusCodes.includes(code), {
      check: "sms_send_pending",
      title: "a successful SMS send leaves the transaction pending",
      expected: `HTTP 200, status.code in ${config.profile.pendingStatusCodes.join(", ")}`,
      received: `HTTP ${sent.status}, status.code ${String(code)}`,
      hint: "D27: a sent code leaves the transaction pending until the confirm.",
    });
    return api.call("confirmSmsCode", { body: { transaction_id: idOf(sent), code: otp.correct() } });
  },
  async fail(api, extra = {}) {
    const x = await api.call("sendSmsCode", { body: smsSend.valid({ ...extra, phone: phone.failingWith(failingCode("sendSmsCode")) }) });
    return finalState(api, "getTelecomTransaction", x);
  },
};

const identityFlow: Flow = {
  product: "telecom.identity",
  operationId: "verifyTelecomIdentity",
  statusOperation: "getTelecomTransaction",
  start: (api, extra = {}) => api.call("verifyTelecomIdentity", { body: identity(config.today).valid(extra) }),
  async succeed(api, extra = {}) {
    return finalState(api, "getTelecomTransaction", await identityFlow.start(api, extra));
  },
  async fail(api, extra = {}) {
    return failIdentity(api, failingCode("verifyTelecomIdentity"), extra);
  },
};

/** An identity transaction that fails with `code` (the 999 rule, D22). */
export async function failIdentity(api: ApiClient, code: number, extra: Extra = {}): Promise<Exchange> {
  const body = identity(config.today).valid({ ...extra, phone: phone.failingWith(code) });
  return finalState(api, "getTelecomTransaction", await api.call("verifyTelecomIdentity", { body }));
}

const fields = (extra: Extra): Record<string, string> =>
  Object.fromEntries(Object.entries(extra).filter((e): e is [string, string] => typeof e[1] === "string"));

function documentFlow(op: DocumentOperation, product: string): Flow {
  const post = (api: ApiClient, name: string, extra: Extra) =>
    api.call(op, { form: documentForm(config.profile.imageBounds, op).valid(name, fields(extra)) });
  return {
    product,
    operationId: op,
    statusOperation: "getDocumentTransaction",
    start: (api, extra = {}) => post(api, frontName.success(), extra),
    succeed: async (api, extra = {}) => finalState(api, "getDocumentTransaction", await post(api, frontName.success(), extra)),
    fail: async (api, extra = {}) => finalState(api, "getDocumentTransaction", await post(api, frontName.fail(), extra)),
  };
}

const documentProducts: Record<DocumentOperation, string> = {
  verifyLicense: "document.license.verify",
  verifyPassport: "document.passport.verify",
  verifyPasscard: "document.passcard.verify",
};

export const flows: readonly Flow[] = [sms, identityFlow, ...documentOperations.map((op) => documentFlow(op, documentProducts[op]))];

export const documentFlows: readonly Flow[] = flows.filter((f) => f.statusOperation === "getDocumentTransaction");
