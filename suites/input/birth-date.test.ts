// 3108 for a birth_date that is not YYYY-MM-DD or not a calendar date; 3107 for a minor on the
// injected "today" (UTC), with the 18th-birthday edge on both sides (D17).
// Catches a lenient date parser (accepts 1990-1-2, rolls 2001-02-30 over), a minor accepted, an off-by-one edge.
import { that } from "../../checks/answers.js";
import type { ReqId } from "../../generated/requirements.js";
import { malformedBirthDate } from "../../generators/malformed.js";
import { birthDate, identity } from "../../generators/telecom.js";
import { conformance } from "../../harness/conformance.js";
import { expectError, expectTransaction, must } from "../../harness/expect.js";

const rejected: ReadonlyArray<{ req: ReqId; name: string; birthDate: (today: string) => string; code: number }> = [
  { req: "INPUT-BIRTHDATE-01", name: "MM/DD/YYYY", birthDate: malformedBirthDate.slashes, code: 3108 },
  { req: "INPUT-BIRTHDATE-01", name: "an unpadded YYYY-M-D", birthDate: malformedBirthDate.unpadded, code: 3108 },
  { req: "INPUT-BIRTHDATE-01", name: "YYYYMMDD without dashes", birthDate: malformedBirthDate.compact, code: 3108 },
  { req: "INPUT-BIRTHDATE-02", name: "30 February", birthDate: malformedBirthDate.dayOutOfMonth, code: 3108 },
  { req: "INPUT-BIRTHDATE-02", name: "month 13", birthDate: malformedBirthDate.monthThirteen, code: 3108 },
  { req: "INPUT-BIRTHDATE-02", name: "29 February of a common year", birthDate: malformedBirthDate.leapDayInCommonYear, code: 3108 },
  { req: "INPUT-BIRTHDATE-02", name: "31 April", birthDate: malformedBirthDate.thirtyFirstApril, code: 3108 },
  { req: "INPUT-BIRTHDATE-02", name: "29 February 1900", birthDate: malformedBirthDate.leapDayOfCenturyYear, code: 3108 },
  { req: "INPUT-BIRTHDATE-02", name: "day 00", birthDate: malformedBirthDate.dayZero, code: 3108 },
  { req: "INPUT-BIRTHDATE-02", name: "month 00", birthDate: malformedBirthDate.monthZero, code: 3108 },
  { req: "INPUT-BIRTHDATE-01", name: "a date-time", birthDate: malformedBirthDate.dateTime, code: 3108 },
  { req: "INPUT-BIRTHDATE-01", name: "a date followed by text", birthDate: malformedBirthDate.trailingText, code: 3108 },
  { req: "INPUT-BIRTHDATE-01", name: "a date and a trailing newline", birthDate: malformedBirthDate.trailingNewline, code: 3108 },
  { req: "INPUT-BIRTHDATE-03", name: "a minor", birthDate: (today) => birthDate(today).minor(), code: 3107 },
  { req: "INPUT-BIRTHDATE-03", name: "an 18th birthday tomorrow", birthDate: (today) => birthDate(today).eighteenTomorrow(), code: 3107 },
];

conformance.for(rejected)("answers a birth_date of $name with 422 / $code", async (row, t) => {
  const x = await t.api.call("verifyTelecomIdentity", { body: identity(t.today).with({ birth_date: row.birthDate(t.today) }) });

  expectError(x, 422, row.code, "3108: YYYY-MM-DD and a real date; 3107: under 18 on the day of the request (UTC).");
});

conformance("INPUT-BIRTHDATE-02", "accepts 29 February 2000 (a century leap year) as a real date", async (t) => {
  const x = await t.api.call("verifyTelecomIdentity", { body: identity(t.today).valid({ birth_date: "2000-02-29" }) });

  expectTransaction(x, 200, [], "2000 is a leap year (divisible by 400): 2000-02-29 is a calendar date, not 3108.");
});

conformance("INPUT-BIRTHDATE-04", "accepts a person whose 18th birthday is today as an adult", async (t) => {
  const x = await t.api.call("verifyTelecomIdentity", {
    body: identity(t.today).valid({ birth_date: birthDate(t.today).eighteenToday() }),
  });

  must(
    x,
    that(!x.errorCodes().includes(3107), {
      check: "error_answer",
      title: "an 18th birthday today is an adult (D17)",
      expected: "no 3107",
      received: `HTTP ${x.status} ${JSON.stringify(x.errorCodes())}`,
      hint: `D17: judged on the day of the request in UTC; the suite's today is ${t.today} (--today); on 29 February the 18th birthday was yesterday (D39).`,
    }),
  );
  expectTransaction(x, 200);
});
