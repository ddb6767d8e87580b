// Probes of faults/blind/rate.ts (used by applies.test.ts).
import { DEFAULT_RATE_LIMIT } from "../../mock/fixtures.js";
import type { Probe } from "./testing.js";

import { createVerification, identity, sc, send, sleep } from "./testing.js";

/** The fixture's window in whole seconds, rounded up: the most a Retry-After in seconds may say. */
const WINDOW_SECONDS = Math.ceil(DEFAULT_RATE_LIMIT.windowMs / 1000);

/** A Retry-After judged against the window, not read exactly: how much of the window is left depends on how long the probe took. */
const retryAfterOf = (value: string | null) =>
  value === null
    ? null
    : /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= WINDOW_SECONDS
      ? "seconds within the window"
      : "beyond the window";

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
      return { ...sc(a), retryAfter: retryAfterOf(a.headers.get("retry-after")) };
    },
    clean: { status: 429, codes: [5100], retryAfter: "seconds within the window" },
    faulty: { status: 429, codes: [5100], retryAfter: null },
  },
  "blind-retry-after-milliseconds": {
    run: async (m) => {
      for (let i = 0; i < 5; i++) await createVerification(m, {}, "rateLimited");
      const a = await createVerification(m, {}, "rateLimited");
      return { ...sc(a), retryAfter: retryAfterOf(a.headers.get("retry-after")) };
    },
    clean: { status: 429, codes: [5200], retryAfter: "seconds within the window" },
    faulty: { status: 429, codes: [5200], retryAfter: "beyond the window" },
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
