// 3108 for a birth_date that is not YYYY-MM-DD or not a calendar date; 3107 for a minor on the
// injected "today" (UTC), with the 18th-birthday edge on both sides (D17).
// Catches a lenient date parser (accepts 1990-1-2, rolls 2001-02-30 over), a minor accepted, an off-by-one edge.
import { malformedBirthDate } from "../../generators/malformed.js";
import { birthDate, identity } from "../../generators/telecom.js";
import type { ReqId } from "../../generated/requirements.js";
import { conformance } from "../../harness/conformance.js";
import { config } from "../../harness/config.js";
import { expectError, expectThat, expectTransaction } from "../../harness/expect.js";

const person = identity(config.today);
const born = birthDate(config.today);

const rejected: ReadonlyArray<{ req: ReqId; name: string; birth_date: string; code: number }> = [
  { req: "INPUT-BIRTHDATE-01", name: "MM/DD/YYYY", birth_date: malformedBirthDate.slashes(), code: 3108 },
  { req: "INPUT-BIRTHDATE-01", name: "an unpadded YYYY-M-D", birth_date: malformedBirthDate.unpadded(), code: 3108 },
  { req: "INPUT-BIRTHDATE-01", name: "YYYYMMDD without dashes", birth_date: malformedBirthDate.compact(), code: 3108 },
  { req: "INPUT-BIRTHDATE-02", name: "30 February", birth_date: malformedBirthDate.dayOutOfMonth(), code: 3108 },
  { req: "INPUT-BIRTHDATE-02", name: "month 13", birth_date: malformedBirthDate.monthThirteen(), code: 3108 },
  { req: "INPUT-BIRTHDATE-02", name: "29 February of a common year", birth_date: malformedBirthDate.leapDayInCommonYear(), code: 3108 },
  { req: "INPUT-BIRTHDATE-03", name: "a minor", birth_date: born.minor(), code: 3107 },
  { req: "INPUT-BIRTHDATE-03", name: "an 18th birthday tomorrow", birth_date: born.eighteenTomorrow(), code: 3107 },
];

conformance.for(rejected)("answers a birth_date of $name with 422 / $code", async (row, { api }) => {
  const x = await api.call("verifyTelecomIdentity", { body: person.with({ birth_date: row.birth_date }) });

  expectError(x, 422, row.code, "3108: YYYY-MM-DD and a real date; 3107: under 18 on the day of the request (UTC).");
});

conformance("INPUT-BIRTHDATE-04", "accepts a person whose 18th birthday is today as an adult", async ({ api, config }) => {
  const x = await api.call("verifyTelecomIdentity", { body: person.valid({ birth_date: born.eighteenToday() }) });

  expectThat(x, !x.errorCodes().includes(3107), {
    check: "adult_on_18th_birthday",
    title: "an 18th birthday today is an adult (D17)",
    expected: "no 3107",
    received: `HTTP ${x.status} ${JSON.stringify(x.errorCodes())}`,
    hint: `D17: judged on the day of the request in UTC; the suite's today is ${config.today} (IDME_TODAY); on 29 February the 18th birthday was yesterday (D39).`,
  });
  expectTransaction(x, 200);
});
