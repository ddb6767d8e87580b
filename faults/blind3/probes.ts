// One probe per blind3 fault (applies.test.ts): a few direct HTTP requests whose observation, reduced to statuses,
// codes and booleans (never ids or timestamps), differs between the conformant mock and the mock with the fault.
import { randomUUID } from "node:crypto";
import { DEFAULT_RATE_LIMIT } from "../../mock/fixtures.js";
import type { MockOptions, RunningMock } from "../../mock/server.js";
import { deliveriesSettled, documentForm, jpeg, png, receiver } from "../../mock/tests/helpers.js";
import type { Role } from "../../mock/types.js";

export interface Probe {
  /** options for both mocks (the faulty one also gets the fault) */
  options?: Omit<MockOptions, "faults" | "port">;
  run(m: RunningMock): Promise<unknown>;
}

interface Answer {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: probe answers are read freely
  body: any;
}

interface RequestOptions {
  json?: unknown;
  form?: { body: Uint8Array; type?: string };
  /** null: no Authorization header */
  role?: Role | null;
  authorization?: string;
}

async function http(m: RunningMock, method: string, path: string, o: RequestOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  const role = o.role === undefined ? "primary" : o.role;
  if (o.authorization !== undefined) headers.authorization = o.authorization;
  else if (role) headers.authorization = `Bearer ID.me ${m.tokens[role]}`;
  let body: string | Uint8Array | undefined;
  if (o.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(o.json);
  } else if (o.form) {
    if (o.form.type) headers["content-type"] = o.form.type;
    body = o.form.body;
  }
  const res = await fetch(m.baseUrl + path, { method, headers, body, signal: AbortSignal.timeout(15_000) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text === "" ? undefined : JSON.parse(text);
  } catch {
    /* keep the text */
  }
  return { status: res.status, headers: res.headers, body: parsed };
}

const codes = (a: Answer): number[] => (Array.isArray(a.body?.errors) ? a.body.errors.map((e: { code: number }) => e.code) : []);
const outcome = (a: Answer) => [a.status, codes(a)];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const SEND = "/api/v2/telecom/possession/sms/send";
const CONFIRM = "/api/v2/telecom/possession/sms/confirm";
const IDENTITY = "/api/v2/telecom/identity";
const VERIFICATION = "/api/v2/verification";
const ADULT = "1980-01-01";
const MIB = 1024 * 1024;

const send = (m: RunningMock, json: Record<string, unknown>, role?: RequestOptions["role"]) => http(m, "POST", SEND, { json, role });
const identity = (m: RunningMock, json: Record<string, unknown>, role?: RequestOptions["role"]) =>
  http(m, "POST", IDENTITY, { json: { phone: "8885551234", birth_date: ADULT, ...json }, role });
const createVerification = (m: RunningMock, json: Record<string, unknown> = {}, role?: RequestOptions["role"]) =>
  http(m, "POST", VERIFICATION, { json, role });
const passport = (m: RunningMock, front: Uint8Array, fields?: Record<string, string>) =>
  http(m, "POST", "/api/v2/document/passport/verify", { form: documentForm({ front, fields }) });
/** A pending SMS transaction's id. */
const sent = async (m: RunningMock) => (await send(m, { phone: "8885551234" })).body.transaction_id as string;
const confirm = (m: RunningMock, transaction_id: string, code: string, role?: RequestOptions["role"]) =>
  http(m, "POST", CONFIRM, { json: { transaction_id, code }, role });

/** Confirms with each code in turn; the outcome of each. */
async function confirms(m: RunningMock, list: string[]) {
  const id = await sent(m);
  const seen = [];
  for (const code of list) seen.push(outcome(await confirm(m, id, code)));
  return seen;
}

/** 6 createVerification calls of the rateLimited account (limit 5 a window): the answers. */
async function overAccountLimit(m: RunningMock): Promise<Answer[]> {
  const answers = [];
  for (let i = 0; i < 6; i++) answers.push(await createVerification(m, {}, "rateLimited"));
  return answers;
}

/** Deliveries an always-failing (500) receiver gets for one identity transaction. */
async function failingDeliveries(m: RunningMock): Promise<number> {
  const r = await receiver(Array(10).fill(500));
  try {
    await identity(m, { callback_url: r.url });
    // Every variant delivers at least once; then 1 s without one (the mock retries 50 ms apart, but the probes run
    // at once and one probe's work can hold this thread). A fixed 800 ms had counted 4 of a faulty mock's 5.
    await deliveriesSettled(r.got, 1, 1000);
    return r.got.length;
  } finally {
    await r.close();
  }
}

/** Polls a document transaction until it leaves pending. */
async function settle(m: RunningMock, id: string): Promise<Answer> {
  for (let i = 0; i < 100; i++) {
    const a = await http(m, "GET", `/api/v2/document/${id}`);
    if (a.body?.status?.code !== 100) return a;
    await sleep(10);
  }
  throw new Error(`document ${id} stayed pending`);
}

/** The minor rule on a pinned day (D17), so the probe does not depend on the date it runs. */
const PINNED_TODAY: Probe["options"] = { configure: (b) => void (b.today = () => new Date("2026-06-15T12:00:00Z")) };

const token = (m: RunningMock) => m.tokens.primary;
const unknownVerification = () => `${VERIFICATION}/${randomUUID()}`;

export const probes: Record<string, Probe> = {
  // bounds
  "blind3-image-min-inclusive": { run: async (m) => outcome(await passport(m, jpeg(40_960))) },
  "blind3-image-size-last-index": { run: async (m) => outcome(await passport(m, jpeg(40_961))) },
  "blind3-image-max-inclusive": { run: async (m) => outcome(await passport(m, jpeg(16 * MIB))) },
  "blind3-image-decimal-units": { run: async (m) => outcome(await passport(m, png(16 * MIB - 1))) },
  // JSON text of a string of n characters is n + 2 long
  "blind3-metadata-500-rejected": { run: async (m) => (await createVerification(m, { metadata: "x".repeat(498) })).status },
  "blind3-metadata-501-accepted": { run: async (m) => (await createVerification(m, { metadata: "x".repeat(499) })).status },
  "blind3-metadata-utf8-bytes": { run: async (m) => (await createVerification(m, { metadata: "é".repeat(498) })).status },
  "blind3-otp-limit-two": { run: (m) => confirms(m, ["000001", "000002"]) },
  "blind3-otp-limit-four": { run: (m) => confirms(m, ["000001", "000002", "000003", "123123"]) },
  "blind3-webhook-two-retries": { run: failingDeliveries },
  "blind3-webhook-four-retries": { run: failingDeliveries },
  "blind3-webhook-any-answer-delivered": { run: failingDeliveries },
  "blind3-product-limit-off-by-one": {
    run: async (m) => {
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await send(m, { phone: "8885551234" }, "rateLimited")).status);
      return statuses;
    },
  },
  "blind3-rate-window-doubled": {
    run: async (m) => {
      const statuses = (await overAccountLimit(m)).map((a) => a.status);
      await sleep(DEFAULT_RATE_LIMIT.windowMs + 100); // past the fixtures' window
      return [...statuses, (await createVerification(m, {}, "rateLimited")).status];
    },
  },
  "blind3-phone-nine-digits": { run: async (m) => outcome(await send(m, { phone: "888555123" })) },

  // formats
  "blind3-phone-unanchored": { run: async (m) => outcome(await send(m, { phone: "18885551234" })) },
  "blind3-birthdate-trailing-text": { run: async (m) => outcome(await identity(m, { birth_date: "1990-01-02T00:00:00Z" })) },
  "blind3-birthdate-julian-leap": { run: async (m) => outcome(await identity(m, { birth_date: "1900-02-29" })) },
  "blind3-minor-on-18th-birthday": { options: PINNED_TODAY, run: async (m) => outcome(await identity(m, { birth_date: "2008-06-15" })) },
  "blind3-minor-by-year-only": { options: PINNED_TODAY, run: async (m) => outcome(await identity(m, { birth_date: "2008-06-16" })) },
  "blind3-callback-relative-path": { run: async (m) => outcome(await createVerification(m, { callback_url: "/hooks/idme" })) },
  "blind3-callback-https-only": { run: async (m) => outcome(await createVerification(m, { callback_url: "http://127.0.0.1:9/hook" })) },
  "blind3-auth-lenient-base64": {
    run: async (m) => {
      const t = token(m);
      return outcome(await http(m, "GET", unknownVerification(), { authorization: `Bearer ID.me ${t.slice(0, 4)}!!${t.slice(4)}` }));
    },
  },
  "blind3-auth-untrimmed-token": {
    run: async (m) => outcome(await http(m, "GET", unknownVerification(), { authorization: `Bearer ID.me \t${token(m)}` })),
  },
  "blind3-timestamp-microseconds": {
    run: async (m) => {
      const { status } = (await identity(m, {})).body;
      return [status.created, status.updated].map((t: string) => /\.\d{3}(Z|[+-]\d{2}:\d{2})$/.test(t));
    },
  },

  // lifecycle
  "blind3-updated-bumped-on-get": {
    run: async (m) => {
      const posted = (await identity(m, {})).body;
      await sleep(20);
      const got = (await http(m, "GET", `/api/v2/telecom/${posted.transaction_id}`)).body;
      return got.status.updated === posted.status.updated;
    },
  },
  "blind3-listing-stale-status": {
    run: async (m) => {
      const posted = (await passport(m, jpeg())).body;
      const done = await settle(m, posted.transaction_id);
      const listed = (await http(m, "GET", `${VERIFICATION}/${posted.verification_id}`)).body.transactions[0];
      return [done.body.status.code, listed.status.code];
    },
  },
  "blind3-listing-short-product": {
    run: async (m) => {
      const posted = (await passport(m, jpeg())).body;
      const listed = (await http(m, "GET", `${VERIFICATION}/${posted.verification_id}`)).body.transactions[0];
      return [posted.product, listed.product];
    },
  },
  "blind3-confirm-new-transaction-id": {
    run: async (m) => {
      const id = await sent(m);
      return (await confirm(m, id, "123123")).body.transaction_id === id;
    },
  },
  "blind3-get-drops-errors": {
    run: async (m) => {
      const posted = (await identity(m, { phone: "9995551014" })).body; // persona: 1014
      const got = (await http(m, "GET", `/api/v2/telecom/${posted.transaction_id}`)).body;
      return [posted.results.errors.length, got.status.code, got.results.errors?.length];
    },
  },
  "blind3-answer-new-verification-id": {
    run: async (m) => {
      const v = (await createVerification(m)).body.verification_id;
      return (await identity(m, { verification_id: v })).body.verification_id === v;
    },
  },

  // order of checks
  "blind3-order-inputs-before-product": { run: async (m) => outcome(await identity(m, { phone: "12" }, "productDisabled")) },
  "blind3-order-inputs-before-not-found": { run: async (m) => outcome(await send(m, { phone: "12", verification_id: randomUUID() })) },
  "blind3-order-inputs-before-rate-limit": {
    run: async (m) => {
      for (let i = 0; i < 3; i++) await send(m, { phone: "8885551234" }, "rateLimited"); // product limit 3
      return outcome(await send(m, { phone: "12" }, "rateLimited"));
    },
  },
  "blind3-order-code-before-ownership": { run: async (m) => outcome(await confirm(m, await sent(m), "12", "secondary")) },
  "blind3-order-product-before-credentials": {
    run: async (m) => [
      outcome(await http(m, "POST", "/api/v2/document/visa/verify", { role: null })),
      outcome(await http(m, "GET", `/api/v2/visa/${randomUUID()}`, { role: null })),
    ],
  },
  "blind3-otp-lock-spares-right-code": { run: (m) => confirms(m, ["000001", "000002", "000003", "000004", "123123"]) },

  // answers
  "blind3-retry-limit-as-429": { run: async (m) => outcome(await send(m, { phone: "9995553104" })) },
  "blind3-transaction-ownership-as-404": {
    run: async (m) => {
      const posted = (await identity(m, {})).body;
      return outcome(await http(m, "GET", `/api/v2/telecom/${posted.transaction_id}`, { role: "secondary" }));
    },
  },
  "blind3-server-error-as-503": { run: async (m) => outcome(await send(m, { phone: "9995555000" })) },
  "blind3-verification-ownership-3200": {
    run: async (m) => {
      const v = (await createVerification(m)).body.verification_id;
      return outcome(await http(m, "GET", `${VERIFICATION}/${v}`, { role: "secondary" }));
    },
  },
  "blind3-first-input-error-only": { run: async (m) => outcome(await passport(m, jpeg(1000), { callback_url: "mailto:x" })) },
  "blind3-gateway-429-body": {
    run: async (m) => {
      const last = (await overAccountLimit(m))[5];
      return [last.status, codes(last)];
    },
  },
  "blind3-additional-info-object": {
    run: async (m) => typeof (await identity(m, { phone: "9995551014" })).body.results.errors[0].additional_info,
  },
  "blind3-document-answer-text-plain": { run: async (m) => (await passport(m, jpeg())).headers.get("content-type") },
  "blind3-retry-after-past-window": { run: async (m) => (await overAccountLimit(m))[5].headers.get("retry-after") },
  "blind3-passcard-checks-back-only": {
    run: async (m) =>
      outcome(await http(m, "POST", "/api/v2/document/passcard/verify", { form: documentForm({ front: jpeg(1000), back: jpeg() }) })),
  },
};
