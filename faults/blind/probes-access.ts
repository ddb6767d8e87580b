// Probes of faults/blind/access.ts (used by applies.test.ts).
import { randomUUID } from "node:crypto";
import type { Probe } from "./testing.js";
import { api, confirm, createVerification, docForm, identity, sc, send } from "./testing.js";

const answer = (status: number, ...codes: unknown[]) => ({ status, codes });

export const accessProbes: Record<string, Probe> = {
  "blind-verification-ownership-3200": {
    run: async (m) => {
      const v = (await createVerification(m)).body.verification_id;
      return sc(await api(m, "GET", `/api/v2/verification/${v}`, { role: "secondary" }));
    },
    clean: answer(403, 3300),
    faulty: answer(403, 3200),
  },
  "blind-verification-id-ownership-3200": {
    run: async (m) => {
      const v = (await createVerification(m)).body.verification_id;
      return [
        sc(await send(m, { verification_id: v }, "secondary")),
        sc(await api(m, "GET", `/api/v2/verification/${v}`, { role: "secondary" })),
      ];
    },
    clean: [answer(403, 3300), answer(403, 3300)],
    faulty: [answer(403, 3200), answer(403, 3300)],
  },
  "blind-ownership-unchecked-on-confirm": {
    run: async (m) => {
      const id = (await send(m)).body.transaction_id;
      return [
        sc(await api(m, "GET", `/api/v2/telecom/${id}`, { role: "secondary" })),
        sc(await confirm(m, { transaction_id: id, code: "123123" }, "secondary")),
      ];
    },
    clean: [answer(403, 3200), answer(403, 3200)],
    faulty: [answer(403, 3200), answer(200)],
  },
  "blind-ownership-unchecked-on-verification-id": {
    run: async (m) => {
      const v = (await createVerification(m)).body.verification_id;
      return [
        sc(await api(m, "GET", `/api/v2/verification/${v}`, { role: "secondary" })),
        sc(await send(m, { verification_id: v }, "secondary")),
      ];
    },
    clean: [answer(403, 3300), answer(403, 3300)],
    faulty: [answer(403, 3300), answer(200)],
  },
  "blind-product-inactive-as-disabled": {
    run: async (m) => sc(await api(m, "POST", "/api/v2/document/passport/verify", { role: "productInactive", form: docForm() })),
    clean: answer(403, 2200),
    faulty: answer(403, 2300),
  },
  "blind-unknown-document-type-404": {
    run: async (m) => sc(await api(m, "POST", "/api/v2/document/visa/verify", { form: docForm() })),
    clean: answer(403, 2100),
    faulty: answer(404, 4100),
  },
  "blind-unknown-product-family-404": {
    run: async (m) => sc(await api(m, "GET", `/api/v2/insurance/${randomUUID()}`)),
    clean: answer(403, 2100),
    faulty: answer(404, 4100),
  },
  "blind-unknown-verification-id-3300": {
    run: async (m) => sc(await send(m, { verification_id: randomUUID() })),
    clean: answer(404, 4100),
    faulty: answer(403, 3300),
  },
  "blind-non-uuid-path-id-500": {
    run: async (m) => [sc(await api(m, "GET", "/api/v2/telecom/not-a-uuid")), sc(await api(m, "GET", "/api/v2/verification/12345"))],
    clean: [answer(404, 4100), answer(404, 4100)],
    faulty: [answer(500, 5000), answer(500, 5000)],
  },
  "blind-document-path-serves-telecom": {
    run: async (m) => {
      const id = (await identity(m)).body.transaction_id;
      const a = await api(m, "GET", `/api/v2/document/${id}`);
      return { ...sc(a), id: a.body?.transaction_id === id };
    },
    clean: { ...answer(404, 4100), id: false },
    faulty: { ...answer(200), id: true },
  },
  "blind-unknown-route-code-string": {
    run: async (m) => sc(await api(m, "GET", "/api/v2/nothing/here/at/all")),
    clean: answer(404, 4100),
    faulty: answer(404, "4100"),
  },
  "blind-unknown-route-html": {
    run: async (m) => {
      const a = await api(m, "GET", "/api/v1/verification", { role: null });
      return { status: a.status, type: a.headers.get("content-type")?.split(";")[0] };
    },
    clean: { status: 404, type: "application/json" },
    faulty: { status: 404, type: "text/html" },
  },
};
