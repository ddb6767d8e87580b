// Probes of faults/blind/telecom.ts and faults/blind/auth.ts (used by applies.test.ts).
import { randomUUID } from "node:crypto";
import type { RunningMock } from "../../mock/server.js";
import type { Probe } from "./testing.js";
import { api, codesOf, confirm, createVerification, identity, sc, send, tx } from "./testing.js";

/** Sends to a success phone, then confirms each code in turn; the answers' status or first error code. */
async function confirmSequence(m: RunningMock, codes: string[]): Promise<unknown[]> {
  const sent = await send(m);
  const out: unknown[] = [];
  for (const code of codes) {
    const a = await confirm(m, { transaction_id: sent.body.transaction_id, code });
    out.push(a.status === 200 ? 200 : codesOf(a)[0]);
  }
  return out;
}

const tokenOf = (secret: string) => Buffer.from(secret, "utf8").toString("base64");

export const telecomProbes: Record<string, Probe> = {
  "blind-otp-limit-four": {
    run: (m) => confirmSequence(m, ["111111", "222222", "333333"]),
    clean: [3102, 3102, 3104],
    faulty: [3102, 3102, 3102],
  },
  "blind-otp-limit-two": {
    run: (m) => confirmSequence(m, ["111111", "222222", "333333"]),
    clean: [3102, 3102, 3104],
    faulty: [3102, 3104, 3104],
  },
  "blind-otp-right-code-unlocks": {
    run: (m) => confirmSequence(m, ["111111", "222222", "333333", "123123"]),
    clean: [3102, 3102, 3104, 3104],
    faulty: [3102, 3102, 3104, 200],
  },
  "blind-otp-malformed-counts": {
    run: (m) => confirmSequence(m, ["111111", "222222", "12345", "123123"]),
    clean: [3102, 3102, 3102, 200],
    faulty: [3102, 3102, 3104, 3104],
  },
  "blind-otp-trailing-newline": {
    run: (m) => confirmSequence(m, ["123123\n"]),
    clean: [3102],
    faulty: [200],
  },
  "blind-confirm-non-sms-transaction-404": {
    run: async (m) => {
      const id = (await identity(m)).body.transaction_id;
      const sms = (await send(m)).body.transaction_id;
      await confirm(m, { transaction_id: sms, code: "123123" });
      return [
        sc(await confirm(m, { transaction_id: id, code: "123123" })),
        sc(await confirm(m, { transaction_id: sms, code: "123123" })), // already confirmed: 3105 either way
      ];
    },
    clean: [
      { status: 422, codes: [3105] },
      { status: 422, codes: [3105] },
    ],
    faulty: [
      { status: 404, codes: [4100] },
      { status: 422, codes: [3105] },
    ],
  },
  "blind-confirm-missing-id-404": {
    run: async (m) => sc(await confirm(m, { code: "123123" })),
    clean: { status: 422, codes: [3105] },
    faulty: { status: 404, codes: [4100] },
  },
  "blind-confirm-unknown-id-3105": {
    run: async (m) => sc(await confirm(m, { transaction_id: randomUUID(), code: "123123" })),
    clean: { status: 404, codes: [4100] },
    faulty: { status: 422, codes: [3105] },
  },
  "blind-confirm-new-transaction-id": {
    run: async (m) => {
      const sent = await send(m);
      const done = await confirm(m, { transaction_id: sent.body.transaction_id, code: "123123" });
      return { status: done.status, code: done.body.status.code, same: done.body.transaction_id === sent.body.transaction_id };
    },
    clean: { status: 200, code: 200, same: true },
    faulty: { status: 200, code: 200, same: false },
  },

  "blind-sms-pending-without-verified": {
    run: async (m) => {
      const sent = (await send(m)).body;
      const got = (await api(m, "GET", `/api/v2/telecom/${sent.transaction_id}`)).body;
      return [sent.status.code, sent.results.verified, got.results.verified];
    },
    clean: [100, false, false],
    faulty: [100, undefined, undefined],
  },
  "blind-999-send-stops-at-1012": {
    run: async (m) => {
      const a = await send(m, { phone: "9995551013" });
      return [tx(a), tx(await api(m, "GET", `/api/v2/telecom/${a.body.transaction_id}`))];
    },
    clean: [
      { status: 200, code: 300, errors: [1013] },
      { status: 200, code: 300, errors: [1013] },
    ],
    faulty: [
      { status: 200, code: 300, errors: [1005] },
      { status: 200, code: 300, errors: [1005] },
    ],
  },
  "blind-999-code-table-shifted": {
    run: async (m) => tx(await send(m, { phone: "9995551008" })),
    clean: { status: 200, code: 300, errors: [1008] },
    faulty: { status: 200, code: 300, errors: [1009] },
  },
  "blind-identity-address-personas-only": {
    run: async (m) => {
      const persona = await identity(m);
      const other = await identity(m, { phone: "8885550199", birth_date: "1985-03-04" });
      const got = await api(m, "GET", `/api/v2/telecom/${other.body.transaction_id}`);
      return [
        persona.body.status.code,
        "address" in persona.body.results,
        other.body.status.code,
        "address" in other.body.results,
        "address" in got.body.results,
      ];
    },
    clean: [200, true, 200, true, true],
    faulty: [200, true, 200, false, false],
  },

  // auth.ts
  "blind-auth-extra-spaces-refused": {
    run: async (m) => sc(await api(m, "POST", "/api/v2/verification", { auth: `Bearer ID.me   ${m.tokens.primary}`, json: {} })),
    clean: { status: 200, codes: [] },
    faulty: { status: 401, codes: [1100] },
  },
  "blind-auth-plain-bearer-accepted": {
    run: async (m) => sc(await api(m, "POST", "/api/v2/verification", { auth: `Bearer ${m.tokens.primary}`, json: {} })),
    clean: { status: 401, codes: [1100] },
    faulty: { status: 200, codes: [] },
  },
  "blind-auth-lenient-base64": {
    run: async (m) => {
      const t = m.tokens.primary;
      return sc(await api(m, "POST", "/api/v2/verification", { auth: `Bearer ID.me ${t.slice(0, 4)}*${t.slice(4)}`, json: {} }));
    },
    clean: { status: 401, codes: [1100] },
    faulty: { status: 200, codes: [] },
  },
  "blind-auth-inactive-codes-swapped": {
    run: async (m) => [sc(await createVerification(m, {}, "inactiveAccount")), sc(await createVerification(m, {}, "inactiveOrg"))],
    clean: [
      { status: 401, codes: [1200] },
      { status: 401, codes: [1300] },
    ],
    faulty: [
      { status: 401, codes: [1300] },
      { status: 401, codes: [1200] },
    ],
  },
  "blind-auth-secret-prefix-match": {
    run: async (m) =>
      sc(await api(m, "POST", "/api/v2/verification", { auth: `Bearer ID.me ${tokenOf("mock-secret-primaryX")}`, json: {} })),
    clean: { status: 401, codes: [1100] },
    faulty: { status: 200, codes: [] },
  },
  "blind-health-needs-credentials": {
    run: async (m) => [sc(await api(m, "GET", "/health", { role: null })), sc(await api(m, "GET", "/health"))],
    clean: [
      { status: 200, codes: [] },
      { status: 200, codes: [] },
    ],
    faulty: [
      { status: 401, codes: [1100] },
      { status: 200, codes: [] },
    ],
  },
  "blind-health-204": {
    run: async (m) => sc(await api(m, "GET", "/health", { role: null })),
    clean: { status: 200, codes: [] },
    faulty: { status: 204, codes: [] },
  },
};
