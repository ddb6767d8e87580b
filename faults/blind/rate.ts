// Rate limits (D33) and the Retry-After a strict profile requires (D23, RATE-06).
import type { MockReply } from "../../mock/faults-api.js";
import { Stop } from "../../mock/reply.js";
import { rewrite } from "../transform.js";
import type { CatalogueFault } from "../types.js";
import { ShadowWindows, accountOfHeader, admitted, codes, errors, track } from "./support.js";

const on429 = (code?: number) => (r: MockReply) => r.status === 429 && (code === undefined || codes(r).includes(code));

export const rateFaults: CatalogueFault[] = [
  {
    id: "blind-rate-product-limit-plus-one",
    title: "the product limit lets one more request through",
    description: "The product limit is compared with > instead of ≥: one transaction POST beyond the limit is served before 429 5100.",
    breaks: ["RATE-01"],
    apply: (b) => {
      const { limitsFor } = b.rateLimit;
      b.rateLimit.limitsFor = (name) => {
        const l = limitsFor(name);
        return l && { ...l, perProduct: l.perProduct + 1 };
      };
    },
  },
  {
    id: "blind-rate-account-limit-plus-one",
    title: "the account limit lets one more request through",
    description: "The account limit is compared with > instead of ≥: one request beyond the limit is served before 429 5200.",
    breaks: ["RATE-02"],
    apply: (b) => {
      const { limitsFor } = b.rateLimit;
      b.rateLimit.limitsFor = (name) => {
        const l = limitsFor(name);
        return l && { ...l, perAccount: l.perAccount + 1 };
      };
    },
  },
  {
    id: "blind-rate-window-tripled",
    title: "a limit lifts only after three windows",
    description:
      "The limiter's window is three times the account's configured window: a request sent one window after the 429 is still refused.",
    breaks: ["RATE-08", "RATE-06"],
    apply: (b) => {
      const { limitsFor } = b.rateLimit;
      b.rateLimit.limitsFor = (name) => {
        const l = limitsFor(name);
        return l && { ...l, windowMs: l.windowMs * 3 };
      };
    },
  },
  {
    id: "blind-rate-identity-counts-sms",
    title: "the identity match is limited by the SMS product's counter",
    description:
      "The identity POST consults the telecom.possession.sms counter (wrong key): after the SMS limit is used up, identity answers 429 5100 too.",
    breaks: ["RATE-05"],
    apply: (b) => {
      const t = track(b);
      const shadow = new ShadowWindows(() => b.now().getTime());
      // count the sends the mock admitted
      rewrite(
        b,
        (r, c) => {
          if (c.kind !== "response" || c.operationId !== "sendSmsCode" || !admitted(r, c)) return false;
          const account = accountOfHeader(b, c.request?.headers.authorization);
          const limits = account ? b.rateLimit.limitsFor(account) : null;
          if (account && limits) shadow.hit(account, limits.windowMs);
          return false;
        },
        (r) => r,
      );
      const { birthDate } = b.validators;
      b.validators.birthDate = (v, today) => {
        const account = accountOfHeader(b, t.header);
        const limits = account ? b.rateLimit.limitsFor(account) : null;
        if (account && limits && shadow.count(account, limits.windowMs) >= limits.perProduct) {
          throw new Stop(errors([5100], { "retry-after": shadow.retryAfter(account, limits.windowMs) }));
        }
        return birthDate(v, today);
      };
    },
  },
  {
    id: "blind-retry-after-missing-on-5100",
    title: "a product-limit 429 has no Retry-After",
    description: "429 5100 answers carry no Retry-After header (5200 answers still do); a strict profile requires it on every 429.",
    breaks: ["RATE-06"],
    apply: (b) =>
      rewrite(b, on429(5100), (r) => {
        const { "retry-after": _gone, ...headers } = r.headers;
        return { ...r, headers };
      }),
  },
  {
    id: "blind-retry-after-milliseconds",
    title: "Retry-After in milliseconds",
    description: 'Retry-After gives the wait in milliseconds ("1000" for one second), far longer than the window when read as seconds.',
    breaks: ["RATE-06"],
    apply: (b) =>
      rewrite(b, on429(), (r) => ({
        ...r,
        headers: { ...r.headers, "retry-after": String(Number(r.headers["retry-after"] ?? 1) * 1000) },
      })),
  },
  {
    id: "blind-retry-after-http-date",
    title: "Retry-After as an HTTP date",
    description: "Retry-After is an HTTP-date (valid HTTP, but not the whole seconds a strict profile requires).",
    breaks: ["RATE-06"],
    apply: (b) =>
      rewrite(b, on429(), (r) => ({
        ...r,
        headers: { ...r.headers, "retry-after": new Date(b.now().getTime() + Number(r.headers["retry-after"] ?? 1) * 1000).toUTCString() },
      })),
  },
];
