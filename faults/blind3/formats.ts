// Patterns and calendar rules at their edges: unanchored or lenient patterns, too strict ones, leap years, the
// 18th birthday (D1, D8, D16, D17, D18).
import type { CatalogueFault } from "../types.js";
import { rewriteStatuses } from "../transform.js";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const formatFaults: CatalogueFault[] = [
  {
    id: "blind3-phone-unanchored",
    title: "The phone pattern is not anchored",
    description:
      "The phone is tested with `/\\d{10}/`, so eleven digits or a leading 1 pass instead of 3101; D16 wants exactly ten digits (INPUT-PHONE-03, SHOULD: eleven digits are ten with a country code).",
    breaks: ["INPUT-PHONE-03"],
    apply: (b) => {
      b.validators.phone = (v) => typeof v === "string" && /\d{10}/.test(v);
    },
  },
  {
    id: "blind3-birthdate-trailing-text",
    title: "birth_date pattern not anchored at the end",
    description:
      "`1990-01-02T00:00:00Z` or `1990-01-02x` is read as its first ten characters instead of answering 3108; the contract wants exactly YYYY-MM-DD (INPUT-BIRTHDATE-01).",
    breaks: ["INPUT-BIRTHDATE-01"],
    apply: (b) => {
      const original = b.validators.birthDate;
      b.validators.birthDate = (v, today) =>
        typeof v === "string" && /^\d{4}-\d{2}-\d{2}/.test(v) ? original(v.slice(0, 10), today) : original(v, today);
    },
  },
  {
    id: "blind3-birthdate-julian-leap",
    title: "Every fourth year is a leap year",
    description:
      "29 February of a century year that is not a leap year (1900-02-29) is accepted; it is no calendar date and must answer 3108 (INPUT-BIRTHDATE-02).",
    breaks: ["INPUT-BIRTHDATE-02"],
    apply: (b) => {
      const original = b.validators.birthDate;
      b.validators.birthDate = (v, today) => {
        const verdict = original(v, today);
        const m = typeof v === "string" ? DATE.exec(v) : null;
        // The `year % 4` rule without the century exceptions. Only days the real calendar refuses change (a real
        // 29 February keeps the mock's own age rule, D39): such a day is judged as the 28th.
        if (verdict === "format" && m && m[2] === "02" && m[3] === "29" && Number(m[1]) % 4 === 0) return original(`${m[1]}-02-28`, today);
        return verdict;
      };
    },
  },
  {
    id: "blind3-minor-on-18th-birthday",
    title: "An 18th birthday today is still a minor",
    description:
      "The age test is `>=` where it should be `>`: a person whose 18th birthday is today (UTC) answers 3107; D17 makes them an adult (INPUT-BIRTHDATE-04).",
    breaks: ["INPUT-BIRTHDATE-04"],
    apply: (b) => {
      const original = b.validators.birthDate;
      b.validators.birthDate = (v, today) => {
        const verdict = original(v, today);
        const m = typeof v === "string" ? DATE.exec(v) : null;
        if (verdict !== "ok" || !m) return verdict;
        const birthday18 =
          Number(m[1]) + 18 === today.getUTCFullYear() && Number(m[2]) === today.getUTCMonth() + 1 && Number(m[3]) === today.getUTCDate();
        return birthday18 ? "minor" : verdict;
      };
    },
  },
  {
    id: "blind3-minor-by-year-only",
    title: "Age computed from the years alone",
    description:
      "Age is this year − birth year, so someone whose 18th birthday is later this year (even tomorrow) counts as an adult; D17 wants under 18 on the day to answer 3107 (INPUT-BIRTHDATE-03).",
    breaks: ["INPUT-BIRTHDATE-03"],
    apply: (b) => {
      const original = b.validators.birthDate;
      b.validators.birthDate = (v, today) => {
        const verdict = original(v, today);
        if (verdict === "format") return verdict;
        return today.getUTCFullYear() - Number((v as string).slice(0, 4)) >= 18 ? "ok" : "minor";
      };
    },
  },
  {
    id: "blind3-callback-relative-path",
    title: "A relative callback_url path is accepted",
    description:
      "A callback_url such as `/hooks/idme` is resolved against the host and passes; D18 wants an absolute http(s) URL, else 3100 (INPUT-CALLBACK-01, DOCUMENT-14).",
    breaks: ["INPUT-CALLBACK-01", "DOCUMENT-14"],
    apply: (b) => {
      const original = b.validators.callbackUrl;
      b.validators.callbackUrl = (v) => original(v) || (typeof v === "string" && /^\/[^/\s]/.test(v) && original(`http://localhost${v}`));
    },
  },
  {
    id: "blind3-callback-https-only",
    title: "Only https callback URLs are accepted",
    description:
      "A plain http callback_url answers 422 3100; D18 allows http (the webhook page's own example), so the callbacks never arrive (VERIFICATION-02, WEBHOOK-01..03).",
    breaks: ["VERIFICATION-02", "WEBHOOK-01", "WEBHOOK-02", "WEBHOOK-03", "INPUT-CALLBACK-02"],
    apply: (b) => {
      const original = b.validators.callbackUrl;
      b.validators.callbackUrl = (v) => original(v) && /^https:/i.test(v as string);
    },
  },
  {
    id: "blind3-auth-lenient-base64",
    title: "Tokens decoded by a lenient Base64 reader",
    description:
      "The token is decoded without checking it is Base64 (junk characters are skipped), so a valid token with `!!` inside authenticates; D1 answers a non-Base64 token 1100 (AUTH-04).",
    breaks: ["AUTH-04"],
    apply: (b) => {
      b.auth.decodeToken = (text) => {
        const trimmed = text.trim();
        return trimmed === "" ? undefined : Buffer.from(trimmed, "base64").toString("utf8");
      };
    },
  },
  {
    id: "blind3-auth-untrimmed-token",
    title: "Whitespace around the token is not tolerated",
    description:
      "The Base64 text is decoded as captured, so whitespace (a tab) before or after it answers 1100; D1 tolerates surrounding whitespace (AUTH-09).",
    breaks: ["AUTH-09"],
    apply: (b) => {
      const original = b.auth.decodeToken;
      b.auth.decodeToken = (text) => (text.trim() !== text ? undefined : original(text));
    },
  },
  {
    id: "blind3-timestamp-microseconds",
    title: "Timestamps with microseconds",
    description:
      "created / updated carry six fraction digits (`…53.504000Z`, Ruby's iso8601(6)); D8 wants milliseconds, three digits (TRANSACTION-05, SCHEMA-10).",
    breaks: ["TRANSACTION-05", "SCHEMA-10"],
    apply: (b) => {
      const micros = (t: unknown) => (typeof t === "string" ? t.replace(/(\.\d{3})(Z|[+-]\d{2}:\d{2})$/, "$1000$2") : t);
      rewriteStatuses(b, (s) => ({ ...s, created: micros(s.created), updated: micros(s.updated) }));
    },
  },
];
