// Rate-limit faults (429 / 5100 / 5200, D23, D33): absent, wrong code, wrong status, never lifting, no Retry-After.
import type { CatalogueFault } from "../types.js";
import { codesOf, rewrite } from "../transform.js";
import { message } from "../../mock/messages.js";

const swap: Record<number, number> = { 5100: 5200, 5200: 5100 };

export const rateLimitFaults: CatalogueFault[] = [
  {
    id: "rate-limit-absent",
    title: "no rate limit",
    description: "Requests are never limited: no 429 at all.",
    breaks: ["RATE-01", "RATE-02"],
    apply: (b) => {
      b.rateLimit.enabled = false;
    },
  },
  {
    id: "rate-limit-codes-swapped",
    title: "rate-limit codes swapped",
    description: "A product limit answers 5200 and an account limit 5100.",
    breaks: ["RATE-01", "RATE-02", "RATE-03"],
    apply: (b) =>
      rewrite(
        b,
        (r) => r.status === 429,
        (r) => ({
          ...r,
          body: { errors: codesOf(r).map((c) => ({ code: swap[c] ?? c, message: message(swap[c] ?? c) })) },
        }),
      ),
  },
  {
    id: "rate-limit-never-lifts",
    title: "rate limit never lifts",
    description: "Once a limit is hit, every later request of the window's key answers 429, whatever time has passed.",
    breaks: ["RATE-08"],
    apply: (b) => {
      b.rateLimit.lifts = false;
    },
  },
  {
    id: "rate-limit-503",
    title: "rate limit answered 503",
    description: "A limit answers HTTP 503 (codes 5100 / 5200 kept) instead of 429.",
    breaks: ["RATE-01", "RATE-02", "RATE-09", "SCHEMA-09"],
    apply: (b) =>
      rewrite(
        b,
        (r) => r.status === 429,
        (r) => ({ ...r, status: 503 }),
      ),
  },
  {
    id: "retry-after-missing",
    title: "429 without Retry-After",
    description: "A 429 carries no Retry-After header (D23: the mock sends one; strict profiles require it).",
    breaks: ["RATE-06"],
    apply: (b) =>
      rewrite(
        b,
        (r) => r.status === 429,
        (r) => {
          const { "retry-after": _dropped, ...headers } = r.headers;
          return { ...r, headers };
        },
      ),
  },
];
