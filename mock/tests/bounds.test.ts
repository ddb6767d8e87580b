// README M13/M14: the store and the webhook queue are bounded; what was forgotten answers 404 4100 like any
// unknown id. Every assertion is on counts, never on time (the clock is a parameter of the store).
import { createServer } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { describe, expect, it } from "vitest";
import type { MockApp, RunningMock } from "../server.js";
import { createMockApp } from "../server.js";
import { Store } from "../store.js";
import type { StoreLimits } from "../types.js";
import { call, codes, documentForm, jpeg, sleep, withMock } from "./helpers.js";

const SEND = "/api/v2/telecom/possession/sms/send";
const IDENTITY = "/api/v2/telecom/identity";
const UNREACHABLE = "http://127.0.0.1:9/hook"; // the discard port: nothing listens, every attempt fails

function storeWith(limits: Partial<StoreLimits>) {
  let now = 1_000_000;
  const evicted: string[] = [];
  const store = new Store(
    () => now,
    { maxTransactions: 1000, maxVerifications: 1000, maxTransactionsPerVerification: 1000, ttlMs: null, ...limits },
    (tx) => evicted.push(tx.id),
  );
  return { store, evicted, advance: (ms: number) => void (now += ms) };
}
const sms = (store: Store, verification?: ReturnType<Store["createVerification"]>) =>
  store.createTransaction({ owner: "primary", product: "telecom.possession.sms", verification });

describe("the store (unit)", () => {
  it("keeps at most maxTransactions and maxVerifications, the oldest go first", () => {
    const { store, evicted } = storeWith({ maxTransactions: 5, maxVerifications: 3 });
    const txs = Array.from({ length: 12 }, () => sms(store));
    expect(store.size).toEqual({ transactions: 5, verifications: 3 });
    expect(txs.map((t) => store.transaction(t.id) !== undefined)).toEqual([...Array(7).fill(false), ...Array(5).fill(true)]);
    expect(evicted).toEqual(txs.slice(0, 7).map((t) => t.id));
    // the survivors' verifications: only the 3 newest are still there
    expect(txs.map((t) => store.verification(t.verificationId) !== undefined)).toEqual([...Array(9).fill(false), true, true, true]);
  });

  it("a verification keeps its newest maxTransactionsPerVerification transactions; the older ones are forgotten", () => {
    const { store } = storeWith({ maxTransactionsPerVerification: 2 });
    const v = store.createVerification("primary");
    const txs = Array.from({ length: 5 }, () => sms(store, v));
    expect([...v.transactionIds]).toEqual([txs[3].id, txs[4].id]);
    expect(txs.map((t) => store.transaction(t.id) !== undefined)).toEqual([false, false, false, true, true]);
    expect(store.size.transactions).toBe(2);
  });

  it("oldest by last write: a transaction written again (and its verification) outlives older untouched ones", () => {
    const { store } = storeWith({ maxTransactions: 3, maxVerifications: 3 });
    const [a, b, c] = [sms(store), sms(store), sms(store)];
    store.succeed(a); // a is now the youngest
    const d = sms(store);
    expect([a, b, c, d].map((t) => store.transaction(t.id) !== undefined)).toEqual([true, false, true, true]);
    expect(store.verification(a.verificationId)).toBeDefined();
  });

  it("forgets what was not written for ttlMs: lookups at once, the records at the next create", () => {
    const { store, advance, evicted } = storeWith({ ttlMs: 1000 });
    const [a, b] = [sms(store), sms(store)];
    advance(600);
    store.succeed(b);
    advance(600); // a: 1200 ms untouched, b: 600 ms
    expect([store.transaction(a.id), store.verification(a.verificationId)]).toEqual([undefined, undefined]);
    expect(store.transaction(b.id)).toBe(b);
    expect(store.size.transactions).toBe(2); // not swept yet
    sms(store);
    expect([store.size, evicted]).toEqual([{ transactions: 2, verifications: 2 }, [a.id]]);
  });

  it("a write to a transaction the store already forgot does not bring it back", () => {
    const { store } = storeWith({ maxTransactions: 1 });
    const a = sms(store);
    sms(store);
    store.succeed(a);
    expect([store.transaction(a.id), store.size.transactions]).toEqual([undefined, 1]);
  });
});

/** A MockApp listening on a loopback port, as the helpers' `call` wants it. */
async function listening(app: MockApp): Promise<RunningMock> {
  await app.app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = app.app.server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}`, tokens: app.tokens, close: app.close };
}

describe("the store over HTTP", () => {
  it("an evicted transaction or verification answers 404 4100 on GET, as verification_id and on confirm", async () => {
    const m = await withMock({ fixtures: { store: { maxTransactions: 2, maxVerifications: 2 } } });
    try {
      const first = await call(m, "POST", SEND, { json: { phone: "8885551234" } });
      for (let i = 0; i < 2; i++) await call(m, "POST", SEND, { json: { phone: "8885551234" } });
      const get = await call(m, "GET", `/api/v2/telecom/${first.body.transaction_id}`);
      const verification = await call(m, "GET", `/api/v2/verification/${first.body.verification_id}`);
      const join = await call(m, "POST", SEND, { json: { phone: "8885551234", verification_id: first.body.verification_id } });
      const confirm = await call(m, "POST", "/api/v2/telecom/possession/sms/confirm", {
        json: { transaction_id: first.body.transaction_id, code: "123123" },
      });
      expect([get, verification, join, confirm].map((a) => [a.status, codes(a)])).toEqual(Array(4).fill([404, [4100]]));
    } finally {
      await m.close();
    }
  });

  it("a verification's GET lists at most maxTransactionsPerVerification transactions, the newest", async () => {
    const m = await withMock({ fixtures: { store: { maxTransactionsPerVerification: 3 } } });
    try {
      const v = await call(m, "POST", "/api/v2/verification");
      const ids: string[] = [];
      for (let i = 0; i < 7; i++) {
        const a = await call(m, "POST", SEND, { json: { phone: "8885551234", verification_id: v.body.verification_id } });
        ids.push(a.body.transaction_id);
      }
      const got = await call(m, "GET", `/api/v2/verification/${v.body.verification_id}`);
      expect(got.body.transactions.map((t: { transaction_id: string }) => t.transaction_id)).toEqual(ids.slice(4));
      expect((await call(m, "GET", `/api/v2/telecom/${ids[0]}`)).status).toBe(404);
    } finally {
      await m.close();
    }
  });

  it("an evicted document's processing timer goes with it", async () => {
    const app = await createMockApp({ fixtures: { store: { maxTransactions: 2 }, documents: { processingDelayMs: 60_000 } } });
    const m = await listening(app);
    try {
      for (let i = 0; i < 5; i++) {
        const a = await call(m, "POST", "/api/v2/document/passport/verify", { raw: documentForm({ front: jpeg() }) });
        expect(a.status).toBe(200);
      }
      expect([app.context.store.size.transactions, app.context.timers.size]).toEqual([2, 2]);
    } finally {
      await m.close();
    }
  });
});

describe("the webhook queue", () => {
  /** A loopback receiver that reads every request and never answers: each delivery stays in flight. */
  async function blackHole() {
    const sockets = new Set<Socket>();
    const server = createServer(() => {});
    server.on("connection", (s) => sockets.add(s));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    return {
      url,
      close: () => {
        for (const s of sockets) s.destroy();
        return new Promise((r) => server.close(r));
      },
    };
  }

  it("holds at most maxPending deliveries; a new one drops the oldest (logged as dropped)", async () => {
    const hole = await blackHole();
    const app = await createMockApp({ fixtures: { webhooks: { maxPending: 3, timeoutMs: 30_000 } } });
    const m = await listening(app);
    try {
      const ids: string[] = [];
      for (let i = 0; i < 10; i++) {
        const a = await call(m, "POST", IDENTITY, { json: { phone: "8885551234", birth_date: "1980-01-01", callback_url: hole.url } });
        ids.push(a.body.transaction_id);
      }
      const { webhooks } = app.context;
      expect(webhooks.pendingCount).toBe(3);
      expect(webhooks.log.filter((e) => e.outcome === "dropped").map((e) => e.transactionId)).toEqual(ids.slice(0, 7));
    } finally {
      await m.close();
      await hole.close();
    }
  });

  it("the attempt log keeps the newest logSize entries", async () => {
    const app = await createMockApp({ fixtures: { webhooks: { logSize: 5, retries: 0 } } });
    const m = await listening(app);
    try {
      for (let i = 0; i < 12; i++) {
        await call(m, "POST", IDENTITY, { json: { phone: "8885551234", birth_date: "1980-01-01", callback_url: UNREACHABLE } });
      }
      for (let i = 0; i < 100 && app.context.webhooks.pendingCount > 0; i++) await sleep(20);
      expect([app.context.webhooks.pendingCount, app.context.webhooks.log.length]).toEqual([0, 5]);
    } finally {
      await m.close();
    }
  });
});

describe("a short soak (counts only)", () => {
  it("1,200 mixed requests with unreachable callbacks leave the store, the queue and the log within their caps", async () => {
    const limits = { maxTransactions: 150, maxVerifications: 100, maxTransactionsPerVerification: 20, ttlMs: null };
    const app = await createMockApp({ fixtures: { store: limits, webhooks: { maxPending: 40, logSize: 100, retryDelayMs: 1000 } } });
    const m = await listening(app);
    try {
      const shared = (await call(m, "POST", "/api/v2/verification", { json: { callback_url: UNREACHABLE } })).body.verification_id;
      const seen: string[] = [];
      const statuses = new Map<number, number>();
      const step = async (i: number) => {
        let a: Awaited<ReturnType<typeof call>>;
        if (i % 5 === 0) a = await call(m, "POST", SEND, { json: { phone: "8885551234", verification_id: shared } });
        else if (i % 5 === 1)
          a = await call(m, "POST", IDENTITY, { json: { phone: "8885551234", birth_date: "1980-01-01", callback_url: UNREACHABLE } });
        else if (i % 5 === 2) a = await call(m, "POST", "/api/v2/verification", { json: { metadata: { i } } });
        else if (i % 5 === 3) a = await call(m, "GET", `/api/v2/telecom/${seen[(i * 7) % Math.max(1, seen.length)] ?? "x"}`);
        else a = await call(m, "GET", `/api/v2/verification/${shared}`);
        if (a.body?.transaction_id) seen.push(a.body.transaction_id);
        statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1);
        const { store, webhooks } = app.context;
        expect(store.size.transactions).toBeLessThanOrEqual(limits.maxTransactions);
        expect(store.size.verifications).toBeLessThanOrEqual(limits.maxVerifications);
        expect(webhooks.pendingCount).toBeLessThanOrEqual(40);
        expect(webhooks.log.length).toBeLessThanOrEqual(100);
        if (i % 5 === 4) expect(a.body.transactions.length).toBeLessThanOrEqual(limits.maxTransactionsPerVerification);
      };
      // eight clients at a time
      for (let i = 0; i < 1200; i += 8) await Promise.all(Array.from({ length: 8 }, (_, k) => step(i + k)));
      expect([...statuses.keys()].sort()).toEqual([200, 404]); // the GETs of transactions evicted meanwhile answer 404
      expect(app.context.store.size.transactions).toBe(limits.maxTransactions);
    } finally {
      await m.close();
    }
  });
});
