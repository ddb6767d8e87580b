// Input rules behind the 422s (phone, birth_date, callback_url, metadata): edges of each rule.
import type { CatalogueFault } from "../types.js";
import { track } from "./support.js";

const DAY = 86_400_000;

/** [y, m, d] of a YYYY-MM-DD text, no calendar check. */
function ymd(value: string): [number, number, number] | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? [+m[1], +m[2], +m[3]] : undefined;
}

const utcDay = (d: Date) => Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());

/** JSON text with Python's default separators (", " and ": "), as `json.dumps(value)` writes it. */
function pythonDumps(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonDumps).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${JSON.stringify(k)}: ${pythonDumps(v)}`)
      .join(", ")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

export const phoneFaults: CatalogueFault[] = [
  {
    id: "blind-phone-eleven-digits",
    title: "an eleven-digit phone is accepted",
    description: "The phone rule is /^\\d{10,11}$/: an 11-digit phone such as 18885550100 is sent instead of answering 422 3101.",
    breaks: ["INPUT-PHONE-03"],
    apply: (b) => {
      const phone = b.validators.phone;
      b.validators.phone = (v) => phone(v) || (typeof v === "string" && /^\d{11}$/.test(v));
    },
  },
  {
    id: "blind-phone-nine-digits",
    title: "a nine-digit phone is accepted",
    description: "The phone rule is /^\\d{9,10}$/: a 9-digit phone such as 888555010 is sent instead of answering 422 3101.",
    breaks: ["INPUT-PHONE-02"],
    apply: (b) => {
      const phone = b.validators.phone;
      b.validators.phone = (v) => phone(v) || (typeof v === "string" && /^\d{9}$/.test(v));
    },
  },
  {
    id: "blind-phone-trailing-newline",
    title: "a phone followed by a newline is accepted",
    description: 'The phone pattern\'s $ matches before a final newline (Python/Ruby style): "8885550100\\n" is sent instead of 422 3101.',
    breaks: ["INPUT-PHONE-03"],
    apply: (b) => {
      const phone = b.validators.phone;
      b.validators.phone = (v) => phone(v) || (typeof v === "string" && v.endsWith("\n") && phone(v.slice(0, -1)));
    },
  },
  {
    id: "blind-phone-plus-one-stripped",
    title: "a +1 country prefix is stripped before the phone rule",
    description: 'The phone is normalised first: "+18885550100" (and "18885550100") pass as 8885550100 instead of answering 422 3101.',
    breaks: ["INPUT-PHONE-03"],
    apply: (b) => {
      const phone = b.validators.phone;
      b.validators.phone = (v) => phone(v) || (typeof v === "string" && /^\+?1\d{10}$/.test(v) && phone(v.replace(/^\+?1/, "")));
    },
  },
  {
    id: "blind-phone-json-number",
    title: "a phone sent as a JSON number passes the phone rule",
    description:
      "The phone rule tests String(phone), so the JSON number 8885550100 passes it; the send then fails inside (500 5000) instead of answering 422 3101.",
    breaks: ["INPUT-PHONE-03"],
    apply: (b) => {
      const phone = b.validators.phone;
      b.validators.phone = (v) => phone(typeof v === "number" ? String(v) : v);
    },
  },
  {
    id: "blind-phone-unicode-digits",
    title: "non-ASCII digits count as phone digits",
    description:
      "The phone rule uses a Unicode \\d (Python re): ten Arabic-Indic or full-width digits pass instead of 422 3101 (the spec's pattern is [0-9]{10}).",
    breaks: ["INPUT-PHONE-03"],
    apply: (b) => {
      const phone = b.validators.phone;
      b.validators.phone = (v) => phone(v) || (typeof v === "string" && /^\p{Nd}{10}$/u.test(v));
    },
  },
];

export const birthDateFaults: CatalogueFault[] = [
  {
    id: "blind-birthdate-31-april",
    title: "day 31 of a 30-day month is a date",
    description: "The calendar check only caps days at 31 (and February): 1990-04-31, 1990-06-31, … are accepted instead of 422 3108.",
    breaks: ["INPUT-BIRTHDATE-02"],
    apply: (b) => {
      const check = b.validators.birthDate;
      b.validators.birthDate = (v, today) =>
        typeof v === "string" && /^\d{4}-(04|06|09|11)-31$/.test(v) ? check(v.replace(/31$/, "30"), today) : check(v, today);
    },
  },
  {
    id: "blind-birthdate-century-leap-day",
    title: "29 February of a century year is a date",
    description: "Leap years are 'divisible by 4' only: 1900-02-29 (and 2100-02-29) are accepted instead of 422 3108.",
    breaks: ["INPUT-BIRTHDATE-02"],
    apply: (b) => {
      const check = b.validators.birthDate;
      b.validators.birthDate = (v, today) => {
        const d = typeof v === "string" ? ymd(v) : undefined;
        if (d && d[1] === 2 && d[2] === 29 && d[0] % 4 === 0) return check(`${String(d[0]).padStart(4, "0")}-02-28`, today);
        return check(v, today);
      };
    },
  },
  {
    id: "blind-birthdate-day-zero",
    title: "day 00 is a date",
    description: "Day and month are range-checked from the top only: 1990-05-00 is accepted (read as the 1st) instead of 422 3108.",
    breaks: ["INPUT-BIRTHDATE-02"],
    apply: (b) => {
      const check = b.validators.birthDate;
      b.validators.birthDate = (v, today) =>
        typeof v === "string" && /^\d{4}-(0[1-9]|1[0-2])-00$/.test(v) ? check(v.replace(/00$/, "01"), today) : check(v, today);
    },
  },
  {
    id: "blind-birthdate-month-zero",
    title: "month 00 is a date",
    description: "The month is range-checked from the top only: 1990-00-10 is accepted (read as January) instead of 422 3108.",
    breaks: ["INPUT-BIRTHDATE-02"],
    apply: (b) => {
      const check = b.validators.birthDate;
      b.validators.birthDate = (v, today) =>
        typeof v === "string" && /^\d{4}-00-\d{2}$/.test(v) ? check(v.replace(/-00-/, "-01-"), today) : check(v, today);
    },
  },
  {
    id: "blind-birthdate-unanchored",
    title: "text after a valid birth date is ignored",
    description: 'The YYYY-MM-DD pattern has no end anchor: "1980-01-01T00:00:00Z" or "1980-01-01abc" are accepted instead of 422 3108.',
    breaks: ["INPUT-BIRTHDATE-01"],
    apply: (b) => {
      const check = b.validators.birthDate;
      b.validators.birthDate = (v, today) => {
        const m = typeof v === "string" ? /^\d{4}-\d{2}-\d{2}/.exec(v) : null;
        return m ? check(m[0], today) : check(v, today);
      };
    },
  },
  {
    id: "blind-birthdate-trailing-newline",
    title: "a birth date followed by a newline is accepted",
    description: 'The birth-date pattern\'s $ matches before a final newline: "1980-01-01\\n" is accepted instead of 422 3108.',
    breaks: ["INPUT-BIRTHDATE-01"],
    apply: (b) => {
      const check = b.validators.birthDate;
      b.validators.birthDate = (v, today) => (typeof v === "string" && v.endsWith("\n") ? check(v.slice(0, -1), today) : check(v, today));
    },
  },
  {
    id: "blind-minor-18th-birthday-today",
    title: "an 18th birthday today is still a minor",
    description: "Adulthood starts the day after the 18th birthday (> instead of ≥): born exactly 18 years before today answers 422 3107.",
    breaks: ["INPUT-BIRTHDATE-04"],
    apply: (b) => {
      const check = b.validators.birthDate;
      b.validators.birthDate = (v, today) => {
        const out = check(v, today);
        const d = typeof v === "string" ? ymd(v) : undefined;
        if (out !== "ok" || !d) return out;
        return Date.UTC(d[0] + 18, d[1] - 1, d[2]) === utcDay(today) ? "minor" : out;
      };
    },
  },
  {
    id: "blind-minor-18th-birthday-tomorrow",
    title: "a person whose 18th birthday is tomorrow is an adult",
    description: "The age is compared one day early: born 18 years before tomorrow is accepted (200) instead of 422 3107.",
    breaks: ["INPUT-BIRTHDATE-03"],
    apply: (b) => {
      const check = b.validators.birthDate;
      b.validators.birthDate = (v, today) => {
        const out = check(v, today);
        const d = typeof v === "string" ? ymd(v) : undefined;
        if (out !== "minor" || !d) return out;
        return Date.UTC(d[0] + 18, d[1] - 1, d[2]) === utcDay(today) + DAY ? "ok" : out;
      };
    },
  },
  {
    id: "blind-minor-365-day-years",
    title: "age counted in 365-day years",
    description:
      "Age = days lived / 365, so the leap days of 18 years make people adults 4–5 days before their 18th birthday (a minor by days answers 200, not 3107).",
    breaks: ["INPUT-BIRTHDATE-03"],
    apply: (b) => {
      const check = b.validators.birthDate;
      b.validators.birthDate = (v, today) => {
        const out = check(v, today);
        const d = typeof v === "string" ? ymd(v) : undefined;
        if (out === "format" || !d) return out;
        return (utcDay(today) - Date.UTC(d[0], d[1] - 1, d[2])) / DAY / 365 >= 18 ? "ok" : "minor";
      };
    },
  },
];

export const callbackFaults: CatalogueFault[] = [
  {
    id: "blind-callback-https-only",
    title: "only https callback URLs are accepted",
    description: "callback_url must be https: a plain http URL (the webhook page's own example, D18) answers 422 3100.",
    breaks: ["VERIFICATION-02", "WEBHOOK-01", "WEBHOOK-02", "WEBHOOK-03", "INPUT-CALLBACK-02"],
    apply: (b) => {
      const check = b.validators.callbackUrl;
      b.validators.callbackUrl = (v) => check(v) && typeof v === "string" && /^https:/i.test(v);
    },
  },
  {
    id: "blind-callback-trimmed",
    title: "spaces around a callback URL are trimmed",
    description: 'callback_url is trimmed before the check: " http://127.0.0.1/hook " is accepted instead of 422 3100.',
    breaks: ["INPUT-CALLBACK-01"],
    apply: (b) => {
      const check = b.validators.callbackUrl;
      b.validators.callbackUrl = (v) => check(typeof v === "string" ? v.trim() : v);
    },
  },
  {
    id: "blind-callback-prefix-only",
    title: "a callback URL is judged by its scheme prefix",
    description: 'callback_url only has to start with http:// or https://: "http://" alone or "http://exa mple.com" pass instead of 3100.',
    breaks: ["INPUT-CALLBACK-01"],
    apply: (b) => {
      const check = b.validators.callbackUrl;
      b.validators.callbackUrl = (v) => check(v) || (typeof v === "string" && /^https?:\/\//i.test(v));
    },
  },
  {
    id: "blind-callback-unchecked-on-verification",
    title: "createVerification does not check callback_url",
    description: 'POST /api/v2/verification takes any callback_url ("ftp://x", "not a url") and answers 200 instead of 422 3100.',
    breaks: ["INPUT-CALLBACK-01"],
    apply: (b) => {
      const t = track(b);
      const check = b.validators.callbackUrl;
      b.validators.callbackUrl = (v) => t.phase === "start" || check(v);
    },
  },
  {
    id: "blind-callback-unchecked-on-documents",
    title: "document uploads do not check callback_url",
    description: "The document verify operations take any callback_url form field: an ftp or relative URL is accepted instead of 422 3100.",
    breaks: ["DOCUMENT-14", "DOCUMENT-15"],
    apply: (b) => {
      const t = track(b);
      const check = b.validators.callbackUrl;
      b.validators.callbackUrl = (v) => t.phase.startsWith("document:") || check(v);
    },
  },
];

export const metadataFaults: CatalogueFault[] = [
  {
    id: "blind-metadata-500-rejected",
    title: "metadata of exactly 500 characters is refused",
    description: "The metadata bound is exclusive (< 500): metadata whose JSON text is exactly 500 characters answers 422 instead of 200.",
    breaks: ["INPUT-METADATA-03"],
    apply: (b) => {
      b.validators.metadata = (v) => JSON.stringify(v).length < 500;
    },
  },
  {
    id: "blind-metadata-501-accepted",
    title: "metadata of 501 characters is accepted",
    description: "The metadata bound is off by one (≤ 501): metadata whose JSON text is 501 characters answers 200 instead of 422.",
    breaks: ["INPUT-METADATA-04"],
    apply: (b) => {
      b.validators.metadata = (v) => JSON.stringify(v).length <= 501;
    },
  },
  {
    id: "blind-metadata-string-unquoted",
    title: "string metadata is measured without its quotes",
    description:
      "A string metadata value is measured as the string, not its JSON text (D5): a 499- or 500-character string (JSON text 501/502) is accepted.",
    breaks: ["INPUT-METADATA-04"],
    apply: (b) => {
      const check = b.validators.metadata;
      b.validators.metadata = (v) => (typeof v === "string" ? v.length <= 500 : check(v));
    },
  },
  {
    id: "blind-metadata-utf8-bytes",
    title: "metadata measured in UTF-8 bytes",
    description:
      "The 500 bound counts UTF-8 bytes, not characters: 500-character metadata with accented letters answers 422 instead of 200.",
    breaks: ["INPUT-METADATA-03"],
    apply: (b) => {
      b.validators.metadata = (v) => Buffer.byteLength(JSON.stringify(v), "utf8") <= 500;
    },
  },
  {
    id: "blind-metadata-python-separators",
    title: "metadata measured as Python's json.dumps text",
    description:
      'Object metadata is re-serialised with ", " and ": " separators before measuring: compact JSON of exactly 500 characters answers 422.',
    breaks: ["INPUT-METADATA-03"],
    apply: (b) => {
      b.validators.metadata = (v) => pythonDumps(v).length <= 500;
    },
  },
  {
    id: "blind-metadata-objects-only",
    title: "metadata must be a JSON object",
    description: 'Metadata that is a string, number or list ("any valid JSON value", D5) answers 422 even when short.',
    breaks: ["INPUT-METADATA-03"],
    apply: (b) => {
      const check = b.validators.metadata;
      b.validators.metadata = (v) => v !== null && typeof v === "object" && !Array.isArray(v) && check(v);
    },
  },
  {
    id: "blind-metadata-unchecked-on-identity",
    title: "the identity match does not check metadata",
    description: "POST /api/v2/telecom/identity takes metadata of any length (a 2 000-character one answers 200, not 422).",
    breaks: ["INPUT-METADATA-01", "INPUT-METADATA-04"],
    apply: (b) => {
      const t = track(b);
      const check = b.validators.metadata;
      b.validators.metadata = (v) => t.phase === "identity" || check(v);
    },
  },
];

export const inputFaults: CatalogueFault[] = [...phoneFaults, ...birthDateFaults, ...callbackFaults, ...metadataFaults];
