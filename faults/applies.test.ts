// Shows for a handful of faults that the deviation is really in effect: one direct HTTP exchange deviates with the
// fault and not without it, so a "caught" fault in the detection score is caught for the right reason.
import { faultsById } from "./catalogue.js";
import { afterEach, describe, expect, test } from "vitest";
import { startMock, type RunningMock } from "../mock/server.js";

type Tokens = RunningMock["tokens"];
interface Seen {
  status: number;
  type: string;
  body: unknown;
}
interface Case {
  fault: string;
  /** what the exchange shows when the fault is in effect */
  shows: string;
  exchange(baseUrl: string, tokens: Tokens): Promise<Seen>;
  deviates(seen: Seen): boolean;
}

const auth = (token: string) => ({ authorization: `Bearer ID.me ${token}` });

async function call(
  baseUrl: string,
  path: string,
  init: { method?: string; headers?: Record<string, string>; json?: unknown } = {},
): Promise<Seen> {
  const res = await fetch(baseUrl + path, {
    method: init.method ?? (init.json === undefined ? "GET" : "POST"),
    headers: { ...(init.json === undefined ? {} : { "content-type": "application/json" }), ...init.headers },
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
    signal: AbortSignal.timeout(5000),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text === "" ? undefined : JSON.parse(text);
  } catch {
    /* not JSON: keep the text */
  }
  return { status: res.status, type: res.headers.get("content-type") ?? "", body };
}

const UNKNOWN_TX = "00000000-0000-4000-8000-000000000000";
const send = (baseUrl: string, token: string) =>
  call(baseUrl, "/api/v2/telecom/possession/sms/send", { headers: auth(token), json: { phone: "8885550100" } });
const txId = (seen: Seen) => (seen.body as { transaction_id: string }).transaction_id;
const errors = (seen: Seen) => (seen.body as { errors?: unknown }).errors;

const cases: Case[] = [
  {
    fault: "errors-as-object",
    shows: "a 401 whose `errors` is an object",
    exchange: (u) => call(u, `/api/v2/verification/${UNKNOWN_TX}`),
    deviates: (s) => s.status === 401 && !Array.isArray(errors(s)) && typeof errors(s) === "object",
  },
  {
    fault: "error-code-as-string",
    shows: 'a 401 whose code is the string "1100"',
    exchange: (u) => call(u, `/api/v2/verification/${UNKNOWN_TX}`),
    deviates: (s) => (errors(s) as Array<{ code: unknown }>)[0].code === "1100",
  },
  {
    fault: "unprocessable-as-400",
    shows: "a send without phone answered 400 / 3101",
    exchange: (u, t) => call(u, "/api/v2/telecom/possession/sms/send", { headers: auth(t.primary), json: {} }),
    deviates: (s) => s.status === 400 && (errors(s) as Array<{ code: number }>)[0].code === 3101,
  },
  {
    fault: "result-not-results",
    shows: "a transaction with `result` and no `results`",
    exchange: (u, t) => send(u, t.primary),
    deviates: (s) => s.status === 200 && "result" in (s.body as object) && !("results" in (s.body as object)),
  },
  {
    fault: "otp-any-code-accepted",
    shows: "a confirm with 000000 answered status.code 200",
    exchange: async (u, t) => {
      const sent = await send(u, t.primary);
      return call(u, "/api/v2/telecom/possession/sms/confirm", {
        headers: auth(t.primary),
        json: { transaction_id: txId(sent), code: "000000" },
      });
    },
    deviates: (s) => s.status === 200 && (s.body as { status: { code: number } }).status.code === 200,
  },
  {
    fault: "transaction-ownership-leak",
    shows: "another account's transaction answered 200",
    exchange: async (u, t) => call(u, `/api/v2/telecom/${txId(await send(u, t.primary))}`, { headers: auth(t.secondary) }),
    deviates: (s) => s.status === 200,
  },
  {
    fault: "rate-limit-503",
    shows: "the 6th request of the rate-limited account answered 503",
    exchange: async (u, t) => {
      for (let i = 0; i < 5; i++) await call(u, "/api/v2/verification", { headers: auth(t.rateLimited), json: {} });
      return call(u, "/api/v2/verification", { headers: auth(t.rateLimited), json: {} });
    },
    deviates: (s) => s.status === 503,
  },
  {
    fault: "unknown-route-html",
    shows: "an unknown route answered with an HTML page",
    exchange: (u) => call(u, "/no/such/route"),
    deviates: (s) => s.status === 404 && s.type.startsWith("text/html"),
  },
  {
    fault: "health-json-body",
    shows: "GET /health with a JSON body",
    exchange: (u) => call(u, "/health"),
    deviates: (s) => s.status === 200 && s.body !== undefined,
  },
];

let mock: RunningMock | undefined;
afterEach(async () => {
  await mock?.close();
  mock = undefined;
});

describe.each(cases)("fault $fault", (c) => {
  test(`is in effect: ${c.shows}`, async () => {
    mock = await startMock({ faults: faultsById([c.fault]) });
    const seen = await c.exchange(mock.baseUrl, mock.tokens);
    expect(c.deviates(seen), JSON.stringify(seen)).toBe(true);
  });

  test("is absent from the conformant mock (same exchange)", async () => {
    mock = await startMock();
    const seen = await c.exchange(mock.baseUrl, mock.tokens);
    expect(c.deviates(seen), JSON.stringify(seen)).toBe(false);
  });
});
