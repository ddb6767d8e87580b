// Probes of faults/blind/order.ts (used by applies.test.ts).
import { randomUUID } from "node:crypto";
import type { Probe } from "./testing.js";
import { api, confirm, createVerification, docForm, identity, sc, send } from "./testing.js";

const answer = (status: number, ...codes: unknown[]) => ({ status, codes });

export const orderProbes: Record<string, Probe> = {
  "blind-order-unknown-product-before-credentials": {
    run: async (m) => [
      sc(await api(m, "POST", "/api/v2/document/visa/verify", { role: null, form: docForm() })),
      sc(await api(m, "GET", `/api/v2/insurance/${randomUUID()}`, { role: null })),
      sc(await api(m, "GET", `/api/v2/insurance/${randomUUID()}`)),
    ],
    clean: [answer(401, 1100), answer(401, 1100), answer(403, 2100)],
    faulty: [answer(403, 2100), answer(403, 2100), answer(403, 2100)],
  },
  "blind-order-bad-path-before-credentials": {
    run: async (m) => [
      sc(await api(m, "GET", "/api/v2/telecom/not-a-uuid", { role: null })),
      sc(await api(m, "GET", "/api/v2/nothing", { role: null })),
      sc(await api(m, "GET", "/api/v2/telecom/not-a-uuid")),
    ],
    clean: [answer(401, 1100), answer(401, 1100), answer(404, 4100)],
    faulty: [answer(404, 4100), answer(404, 4100), answer(404, 4100)],
  },
  "blind-order-inputs-before-credentials": {
    run: async (m) => sc(await api(m, "POST", "/api/v2/telecom/possession/sms/send", { role: null, json: { phone: "123" } })),
    clean: answer(401, 1100),
    faulty: answer(422, 3101),
  },
  "blind-order-ownership-before-credentials": {
    run: async (m) => {
      const a = await identity(m);
      return [
        sc(await api(m, "GET", `/api/v2/telecom/${a.body.transaction_id}`, { role: null })),
        sc(await api(m, "GET", `/api/v2/verification/${a.body.verification_id}`, { role: null })),
      ];
    },
    clean: [answer(401, 1100), answer(401, 1100)],
    faulty: [answer(403, 3200), answer(403, 3300)],
  },
  "blind-order-inputs-before-product": {
    run: async (m) => sc(await identity(m, { phone: "123" }, "productDisabled")),
    clean: answer(403, 2300),
    faulty: answer(422, 3101),
  },
  "blind-order-verification-before-product": {
    run: async (m) => sc(await identity(m, { verification_id: randomUUID() }, "productDisabled")),
    clean: answer(403, 2300),
    faulty: answer(404, 4100),
  },
  "blind-order-inputs-before-rate-limit": {
    run: async (m) => {
      for (let i = 0; i < 3; i++) await send(m, {}, "rateLimited");
      return sc(await send(m, { phone: "123" }, "rateLimited"));
    },
    clean: answer(429, 5100),
    faulty: answer(422, 3101),
  },
  "blind-order-unknown-id-before-rate-limit": {
    run: async (m) => {
      for (let i = 0; i < 5; i++) await createVerification(m, {}, "rateLimited");
      return sc(await api(m, "GET", `/api/v2/telecom/${randomUUID()}`, { role: "rateLimited" }));
    },
    clean: answer(429, 5200),
    faulty: answer(404, 4100),
  },
  "blind-order-product-limit-before-account-limit": {
    run: async (m) => {
      const out: unknown[] = [];
      for (let i = 0; i < 3; i++) out.push((await send(m, {}, "rateLimited")).status);
      for (let i = 0; i < 2; i++) out.push((await createVerification(m, {}, "rateLimited")).status);
      out.push(sc(await send(m, {}, "rateLimited")));
      return out;
    },
    clean: [200, 200, 200, 200, 200, answer(429, 5200)],
    faulty: [200, 200, 200, 200, 200, answer(429, 5100)],
  },
  "blind-order-inputs-before-transaction-owner": {
    run: async (m) => {
      const id = (await send(m)).body.transaction_id;
      return sc(await confirm(m, { transaction_id: id, code: "12" }, "secondary"));
    },
    clean: answer(403, 3200),
    faulty: answer(422, 3102),
  },
  "blind-order-inputs-before-verification-owner": {
    run: async (m) => {
      const v = (await createVerification(m)).body.verification_id;
      return sc(await send(m, { verification_id: v, phone: "1" }, "secondary"));
    },
    clean: answer(403, 3300),
    faulty: answer(422, 3101),
  },
  "blind-order-inputs-before-unknown-transaction": {
    run: async (m) => sc(await confirm(m, { transaction_id: randomUUID(), code: "1" })),
    clean: answer(404, 4100),
    faulty: answer(422, 3102),
  },
  "blind-order-inputs-before-unknown-verification": {
    run: async (m) => sc(await send(m, { verification_id: randomUUID(), phone: "1" })),
    clean: answer(404, 4100),
    faulty: answer(422, 3101),
  },
};
