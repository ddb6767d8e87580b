// Probes of faults/blind/rate.ts (used by applies.test.ts).
import { DEFAULT_RATE_LIMIT } from "../../mock/fixtures.js";
import type { Probe } from "./testing.js";

/** Retry-After of a 429 at the start of the fixture's window: its seconds, rounded up. */
const WINDOW_SECONDS = String(Math.ceil(DEFAULT_RATE_LIMIT.windowMs / 1000));
import { createVerification, identity, sc, send, sleep } from "./testing.js";

export const rateProbes: Record<string, Probe> = {
  "blind-rate-product-limit-plus-one": {
    run: async (m) => {
      const out: number[] = [];
      for (let i = 0; i < 4; i++) out.push((await send(m, {}, "rateLimited")).status);
      return out;
    },
    clean: [200, 200, 200, 429],
    faulty: [200, 200, 200, 200],
  },
  "blind-rate-account-limit-plus-one": {
    run: async (m) => {
      const out: number[] = [];
      for (let i = 0; i < 6; i++) out.push((await createVerification(m, {}, "rateLimited")).status);
      return out;
    },
    clean: [200, 200, 200, 200, 200, 429],
    faulty: [200, 200, 200, 200, 200, 200],
  },
  "blind-rate-window-tripled": {
    run: async (m) => {
      for (let i = 0; i < 5; i++) await createVerification(m, {}, "rateLimited");
      const refused = sc(await createVerification(m, {}, "rateLimited"));
      await sleep(DEFAULT_RATE_LIMIT.windowMs + 150); // past the fixture's window
      return [refused, sc(await createVerification(m, {}, "rateLimited"))];
    },
    clean: [
      { status: 429, codes: [5200] },
      { status: 200, codes: [] },
    ],
    faulty: [
      { status: 429, codes: [5200] },
      { status: 429, codes: [5200] },
    ],
  },
  "blind-rate-identity-counts-sms": {
    run: async (m) => {
      for (let i = 0; i < 3; i++) await send(m, {}, "rateLimited");
      return [sc(await send(m, {}, "rateLimited")), sc(await identity(m, {}, "rateLimited"))];
    },
    clean: [
      { status: 429, codes: [5100] },
      { status: 200, codes: [] },
    ],
    faulty: [
      { status: 429, codes: [5100] },
      { status: 429, codes: [5100] },
    ],
  },
  "blind-retry-after-missing-on-5100": {
    run: async (m) => {
      for (let i = 0; i < 3; i++) await send(m, {}, "rateLimited");
      const a = await send(m, {}, "rateLimited");
      return { ...sc(a), retryAfter: a.headers.get("retry-after") };
    },
    clean: { status: 429, codes: [5100], retryAfter: WINDOW_SECONDS },
    faulty: { status: 429, codes: [5100], retryAfter: null },
  },
  "blind-retry-after-milliseconds": {
    run: async (m) => {
      for (let i = 0; i < 5; i++) await createVerification(m, {}, "rateLimited");
      const a = await createVerification(m, {}, "rateLimited");
      return { ...sc(a), retryAfter: a.headers.get("retry-after") };
    },
    clean: { status: 429, codes: [5200], retryAfter: WINDOW_SECONDS },
    faulty: { status: 429, codes: [5200], retryAfter: `${WINDOW_SECONDS}000` },
  },
  "blind-retry-after-http-date": {
    run: async (m) => {
      for (let i = 0; i < 5; i++) await createVerification(m, {}, "rateLimited");
      const a = await createVerification(m, {}, "rateLimited");
      const value = a.headers.get("retry-after") ?? "";
      return { ...sc(a), seconds: /^\d+$/.test(value), date: /GMT$/.test(value) };
    },
    clean: { status: 429, codes: [5200], seconds: true, date: false },
    faulty: { status: 429, codes: [5200], seconds: false, date: true },
  },
};
