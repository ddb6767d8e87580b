// Probes of faults/blind/schema.ts and faults/blind/lifecycle.ts (used by applies.test.ts).
import type { Probe } from "./testing.js";
import { api, confirm, createVerification, identity, license, receiver, sc, send, settle, sleep, waitFor } from "./testing.js";

/** Runs `act` with a webhook receiver; returns the bodies it got once `count` arrived (or after `ms`). */
async function hooked(act: (url: string) => Promise<unknown>, opts: { status?: (n: number) => number; count?: number; ms?: number } = {}) {
  const r = await receiver(opts.status);
  try {
    const result = await act(r.url);
    if (opts.count !== undefined) await waitFor(() => r.bodies.length >= (opts.count ?? 1), opts.ms ?? 2000);
    else await sleep(opts.ms ?? 300);
    // biome-ignore lint/suspicious/noExplicitAny: webhook bodies are read freely
    return { result, bodies: r.bodies as any[] };
  } finally {
    await r.close();
  }
}

export const schemaProbes: Record<string, Probe> = {
  "blind-422-first-error-only": {
    run: async (m) => sc(await send(m, { phone: "1", callback_url: "ftp://x/y" })),
    clean: { status: 422, codes: [3101, 3100] },
    faulty: { status: 422, codes: [3101] },
  },
  "blind-422-problem-json": {
    run: async (m) => (await send(m, { phone: "1" })).headers.get("content-type")?.split(";")[0],
    clean: "application/json",
    faulty: "application/problem+json",
  },
  "blind-message-3300-page-text": {
    run: async (m) => {
      const v = (await createVerification(m)).body.verification_id;
      return (await api(m, "GET", `/api/v2/verification/${v}`, { role: "secondary" })).body.errors[0];
    },
    clean: { code: 3300, message: "Verification is not owned by this account" },
    faulty: { code: 3300, message: "Verification not owned by this account" },
  },
  "blind-transaction-error-message-empty": {
    run: async (m) => (await send(m, { phone: "9995551008" })).body.results.errors[0],
    clean: { code: 1008, message: "The phone number you provided has been flagged for fraudulent activity" },
    faulty: { code: 1008, message: "" },
  },
  "blind-result-singular-on-failure": {
    run: async (m) => {
      const failed = (await send(m, { phone: "9995551008" })).body;
      const ok = (await send(m)).body;
      return ["results" in failed, "result" in failed, "results" in ok];
    },
    clean: [true, false, true],
    faulty: [false, true, true],
  },
  "blind-timestamp-offset-without-colon": {
    run: async (m) => {
      const s = (await identity(m)).body.status;
      return [/(Z|[+-]\d{2}:\d{2})$/.test(s.created), /[+-]\d{4}$/.test(s.updated)];
    },
    clean: [true, false],
    faulty: [false, true],
  },
  "blind-timestamp-microseconds": {
    run: async (m) => {
      const s = (await identity(m)).body.status;
      return [/\.\d{3}(Z|[+-]\d{2}:\d{2})$/.test(s.created), /\.\d{6}(Z|[+-]\d{2}:\d{2})$/.test(s.updated)];
    },
    clean: [true, false],
    faulty: [false, true],
  },
  "blind-verified-string": {
    run: async (m) => (await identity(m)).body.results.verified,
    clean: true,
    faulty: "true",
  },
  "blind-additional-info-object": {
    run: async (m) => typeof (await identity(m, { phone: "9995551014" })).body.results.errors[0].additional_info,
    clean: "string",
    faulty: "object",
  },
  "blind-address-zip-number": {
    run: async (m) => (await identity(m)).body.results.address.zip,
    clean: "22201",
    faulty: 22201,
  },
  "blind-product-sms-upper-case": {
    run: async (m) => {
      const a = (await send(m)).body;
      const list = (await api(m, "GET", `/api/v2/verification/${a.verification_id}`)).body;
      return [a.product, list.transactions[0].product];
    },
    clean: ["telecom.possession.sms", "telecom.possession.sms"],
    faulty: ["telecom.possession.SMS", "telecom.possession.SMS"],
  },
  "blind-server-error-503": {
    run: async (m) => sc(await send(m, { phone: "9995555000" })),
    clean: { status: 500, codes: [5000] },
    faulty: { status: 503, codes: [5000] },
  },

  // lifecycle.ts
  "blind-verification-created-transactions-null": {
    run: async (m) => {
      const v = (await createVerification(m, { callback_url: "http://127.0.0.1:9/hook", metadata: { ref: "A-1" } })).body;
      return [v.transactions, (await api(m, "GET", `/api/v2/verification/${v.verification_id}`)).body.transactions];
    },
    clean: [[], []],
    faulty: [null, []],
  },
  "blind-sms-status-stale-after-confirm": {
    run: async (m) => {
      const id = (await send(m)).body.transaction_id;
      const done = await confirm(m, { transaction_id: id, code: "123123" });
      return [done.body.status.code, (await api(m, "GET", `/api/v2/telecom/${id}`)).body.status.code];
    },
    clean: [200, 200],
    faulty: [200, 100],
  },
  "blind-document-status-short-product": {
    run: async (m) => {
      const posted = (await license(m)).body;
      const got = (await settle(m, posted.transaction_id)).body;
      const list = (await api(m, "GET", `/api/v2/verification/${posted.verification_id}`)).body;
      return [posted.product, got.product, list.transactions[0].product];
    },
    clean: ["document.license.verify", "document.license.verify", "document.license.verify"],
    faulty: ["document.license.verify", "license.verify", "document.license.verify"],
  },
  "blind-status-created-equals-updated": {
    run: async (m) => {
      const sent = (await send(m)).body;
      await sleep(20);
      await confirm(m, { transaction_id: sent.transaction_id, code: "123123" });
      const got = (await api(m, "GET", `/api/v2/telecom/${sent.transaction_id}`)).body;
      return got.status.created === sent.status.created;
    },
    clean: true,
    faulty: false,
  },
  "blind-status-verification-id-lost": {
    run: async (m) => {
      const posted = (await identity(m)).body;
      const got = (await api(m, "GET", `/api/v2/telecom/${posted.transaction_id}`)).body;
      return [got.transaction_id === posted.transaction_id, got.verification_id === posted.verification_id];
    },
    clean: [true, true],
    faulty: [true, false],
  },
  "blind-verification-lists-completed-only": {
    run: async (m) => {
      const sent = (await send(m)).body;
      return (await api(m, "GET", `/api/v2/verification/${sent.verification_id}`)).body.transactions.length;
    },
    clean: 1,
    faulty: 0,
  },
  "blind-verification-list-status-stale": {
    run: async (m) => {
      const posted = (await identity(m)).body;
      return (await api(m, "GET", `/api/v2/verification/${posted.verification_id}`)).body.transactions[0].status.code;
    },
    clean: 200,
    faulty: 100,
  },

  "blind-webhook-pending-body": {
    run: async (m) => (await hooked((url) => identity(m, { callback_url: url }), { count: 1 })).bodies[0]?.status?.code,
    clean: 200,
    faulty: 100,
  },
  "blind-webhook-updated-stale": {
    run: async (m) => {
      const { result, bodies } = await hooked(
        async (url) => (await settle(m, (await license(m, { fields: { callback_url: url } })).body.transaction_id)).body,
        { count: 1 },
      );
      const got = result as { status: { created: string; updated: string } };
      return [got.status.updated === got.status.created, bodies[0]?.status?.updated === got.status.updated];
    },
    clean: [false, true],
    faulty: [false, false],
  },
  "blind-webhook-event-envelope": {
    run: async (m) => {
      const { result, bodies } = await hooked(async (url) => (await identity(m, { callback_url: url })).body.transaction_id, {
        count: 1,
      });
      return bodies[0]?.transaction_id === result;
    },
    clean: true,
    faulty: false,
  },
  "blind-webhook-none-for-sms-confirm": {
    run: async (m) => {
      const sms = await hooked(async (url) => {
        const id = (await send(m, { callback_url: url })).body.transaction_id;
        await confirm(m, { transaction_id: id, code: "123123" });
      });
      const other = await hooked((url) => identity(m, { callback_url: url }));
      return [sms.bodies.length, other.bodies.length];
    },
    clean: [1, 1],
    faulty: [0, 1],
  },
  "blind-webhook-three-deliveries": {
    run: async (m) => (await hooked((url) => identity(m, { callback_url: url }), { status: () => 500, ms: 800 })).bodies.length,
    clean: 4,
    faulty: 3,
  },
  "blind-webhook-five-deliveries": {
    run: async (m) => (await hooked((url) => identity(m, { callback_url: url }), { status: () => 500, ms: 800 })).bodies.length,
    clean: 4,
    faulty: 5,
  },
};
