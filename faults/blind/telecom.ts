// SMS possession (OTP format, retry limit, confirm's transaction_id) and the telecom sandbox conventions.
import { isObject, isTransaction, rewrite, rewriteTransactions } from "../transform.js";
import type { CatalogueFault } from "../types.js";
import { bodyOf, codes, errors, isUuid, mapErrorCodes, observe, otherUuid, track } from "./support.js";

const isConfirm = (op: string | null) => op === "confirmSmsCode";

export const otpFaults: CatalogueFault[] = [
  {
    id: "blind-otp-limit-four",
    title: "the OTP retry limit is one too high",
    description: "The 3rd wrong code still answers 3102 and only the 4th answers 3104 (the limit is 3 wrong codes, D19).",
    breaks: ["INPUT-OTP-04"],
    apply: (b) => {
      b.otp.maxWrongCodes += 1;
    },
  },
  {
    id: "blind-otp-limit-two",
    title: "the OTP retry limit is one too low",
    description: "The 2nd wrong code already answers 3104 (the 1st and 2nd wrong codes answer 3102, the 3rd 3104, D19).",
    breaks: ["INPUT-OTP-04"],
    apply: (b) => {
      b.otp.maxWrongCodes -= 1;
    },
  },
  {
    id: "blind-otp-right-code-unlocks",
    title: "the right code still passes a locked transaction",
    description: "The code is compared before the lock: after 3 wrong codes, 123123 answers 200 / status 200 instead of 422 3104.",
    breaks: ["INPUT-OTP-05"],
    apply: (b) => {
      const t = track(b);
      const { accepts } = b.otp;
      const max = b.otp.maxWrongCodes;
      Object.defineProperty(b.otp, "maxWrongCodes", {
        configurable: true,
        enumerable: true,
        // the lock check reads the limit before comparing the code: no limit for the right code
        get: () => (t.phase === "confirm" && typeof t.lastCode === "string" && accepts(t.lastCode) ? Number.POSITIVE_INFINITY : max),
      });
    },
  },
  {
    id: "blind-otp-malformed-counts",
    title: "a malformed code counts as a wrong try",
    description:
      'Any non-empty string is compared as a code, so "12345" or "12ab56" answer 3102 and count towards the limit: 2 wrong + 1 malformed lock the transaction.',
    breaks: ["INPUT-OTP-06"],
    apply: (b) => {
      b.validators.otpFormat = (v) => typeof v === "string" && v !== "";
    },
  },
  {
    id: "blind-otp-trailing-newline",
    title: "a code followed by a newline is accepted",
    description: 'The code is stripped of a final newline before the checks: "123123\\n" confirms the transaction instead of 422 3102.',
    breaks: ["INPUT-OTP-01"],
    apply: (b) => {
      const { otpFormat } = b.validators;
      const { accepts } = b.otp;
      const strip = (v: unknown) => (typeof v === "string" ? v.replace(/\n$/, "") : v);
      b.validators.otpFormat = (v) => otpFormat(strip(v));
      b.otp.accepts = (code) => accepts(strip(code) as string);
    },
  },
  {
    id: "blind-confirm-non-sms-transaction-404",
    title: "a confirm naming a non-SMS transaction answers 404",
    description:
      "transaction_id is looked up among SMS possession checks only: an identity transaction's id answers 404 4100 instead of 422 3105.",
    breaks: ["INPUT-CONFIRM-01"],
    apply: (b) => {
      const seen = observe(b);
      rewrite(
        b,
        (r, c) => {
          const id = bodyOf(c).transaction_id;
          if (!isConfirm(c.operationId) || !codes(r).includes(3105) || !isUuid(id)) return false;
          const product = seen.transactions.get(id.toLowerCase())?.product;
          return product !== undefined && product !== "telecom.possession.sms";
        },
        () => errors([4100]),
      );
    },
  },
  {
    id: "blind-confirm-missing-id-404",
    title: "a confirm without transaction_id answers 404",
    description: "A confirm with no transaction_id looks up 'undefined' and answers 404 4100 instead of 422 3105.",
    breaks: ["INPUT-CONFIRM-01"],
    apply: (b) =>
      rewrite(
        b,
        (r, c) => isConfirm(c.operationId) && codes(r).includes(3105) && bodyOf(c).transaction_id === undefined,
        () => errors([4100]),
      ),
  },
  {
    id: "blind-confirm-unknown-id-3105",
    title: "a confirm naming no transaction answers 3105",
    description: "A well-formed transaction_id that names nothing answers 422 3105 ('no valid possession check') instead of 404 4100.",
    breaks: ["NOTFOUND-06"],
    apply: (b) =>
      rewrite(
        b,
        (r, c) => isConfirm(c.operationId) && r.status === 404 && codes(r).includes(4100),
        (_r, c) => errors(b.validators.otpFormat(bodyOf(c).code) ? [3105] : [3105, 3102]),
      ),
  },
  {
    id: "blind-confirm-new-transaction-id",
    title: "the confirm answers its own transaction id",
    description: "The successful confirm answers a new transaction_id (the confirm as its own transaction) instead of the send's one.",
    breaks: ["TELECOM-SMS-02", "TELECOM-GET-01", "TRANSACTION-06", "VERIFICATION-05", "VERIFICATION-06"],
    apply: (b) =>
      rewrite(
        b,
        (r, c) => c.kind === "response" && isConfirm(c.operationId) && r.status === 200 && isTransaction(r.body),
        (r) => {
          const body = r.body as { transaction_id: string };
          return { ...r, body: { ...body, transaction_id: otherUuid(body.transaction_id) } };
        },
      ),
  },
];

export const smsShapeFaults: CatalogueFault[] = [
  {
    id: "blind-sms-pending-without-verified",
    title: "a pending SMS transaction has no results.verified",
    description:
      "While an SMS send waits for its confirm, its answers carry results {} (verified omitted) instead of verified false (D7, D27).",
    breaks: ["TELECOM-SMS-01", "SCHEMA-10"],
    apply: (b) =>
      rewriteTransactions(b, (t) =>
        t.product === "telecom.possession.sms" && t.status.code === 100 && isObject(t.results)
          ? { ...t, results: Object.fromEntries(Object.entries(t.results).filter(([k]) => k !== "verified")) }
          : t,
      ),
  },
];

export const sandboxFaults: CatalogueFault[] = [
  {
    id: "blind-999-send-stops-at-1012",
    title: "the send's 999 table ends at 1012",
    description:
      "A send to 999xxx1013 or 999xxx1014 fails with 1005 instead of the code its last four digits name (every telecom code on the send, D22).",
    breaks: ["TELECOM-SANDBOX-01"],
    apply: (b) =>
      rewriteTransactions(b, (t) =>
        t.product === "telecom.possession.sms" ? mapErrorCodes(t, (code) => (code === 1013 || code === 1014 ? 1005 : code)) : t,
      ),
  },
  {
    id: "blind-999-code-table-shifted",
    title: "the 999 code table is read one row off",
    description:
      "A 999 phone ending in a telecom code NNNN fails with the next code (1008 → 1009, 1014 → 1001), in answers, status GETs and webhooks.",
    breaks: ["TELECOM-SANDBOX-01"],
    apply: (b) =>
      rewriteTransactions(b, (t) =>
        String(t.product).startsWith("telecom.") ? mapErrorCodes(t, (c) => (c >= 1001 && c <= 1013 ? c + 1 : c === 1014 ? 1001 : c)) : t,
      ),
  },
  {
    id: "blind-identity-address-personas-only",
    title: "only fixture personas get an address",
    description:
      "A successful identity match of a phone that is not a fixture persona carries no results.address (D10) in its answers and webhook.",
    breaks: ["TELECOM-IDENTITY-01"],
    apply: (b) => {
      // The identity handler validates phone then birth_date, and its webhook and answer follow synchronously:
      // the values last validated belong to the request whose transaction is being written.
      const last: { phone?: unknown; birth?: unknown } = {};
      const { phone, birthDate } = b.validators;
      b.validators.phone = (v) => ((last.phone = v), phone(v));
      b.validators.birthDate = (v, today) => ((last.birth = v), birthDate(v, today));
      const persona = new Map<string, boolean>();
      rewriteTransactions(b, (t) => {
        if (t.product !== "telecom.identity") return t;
        const id = String(t.transaction_id);
        if (!persona.has(id))
          persona.set(
            id,
            b.fixtures.personas.some((p) => p.phone === last.phone && p.birth_date === last.birth),
          );
        if (persona.get(id) || !isObject(t.results) || !isObject(t.results.address)) return t;
        const { address: _dropped, ...rest } = t.results;
        return { ...t, results: rest };
      });
    },
  },
];

export const telecomFaults: CatalogueFault[] = [...otpFaults, ...smsShapeFaults, ...sandboxFaults];
