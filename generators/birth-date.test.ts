// The 18th-birthday edge generators hold on every day, leap days included (D17, D39): the youngest adult is
// an adult and the oldest minor a minor by the mock's rule, and neither is ever born on 29 February.
import { describe, expect, it } from "vitest";
import { checkBirthDate } from "../mock/validators.js";
import { birthDate } from "./telecom.js";

/** Every day from 1 Jan `from` to 31 Dec `to`, as YYYY-MM-DD. */
function days(from: number, to: number): string[] {
  const out: string[] = [];
  for (let t = Date.UTC(from, 0, 1); t <= Date.UTC(to, 11, 31); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

const at = (today: string) => new Date(`${today}T12:00:00Z`);

describe("birthDate edges (D17, D39)", () => {
  it("on every day of 2023–2029 and 2099–2101: eighteenToday is an adult, eighteenTomorrow a minor, neither on 29 February", () => {
    const wrong: string[] = [];
    for (const today of [...days(2023, 2029), ...days(2099, 2101)]) {
      const b = birthDate(today);
      const adult = b.eighteenToday();
      const minor = b.eighteenTomorrow();
      if (checkBirthDate(adult, at(today)) !== "ok") wrong.push(`${today}: eighteenToday ${adult} is not an adult`);
      if (checkBirthDate(minor, at(today)) !== "minor") wrong.push(`${today}: eighteenTomorrow ${minor} is not a minor`);
      if (adult.endsWith("-02-29") || minor.endsWith("-02-29")) wrong.push(`${today}: a 29 February birth date (${adult}, ${minor})`);
    }
    expect(wrong).toEqual([]);
  });

  it("is exactly the edge on an ordinary day, and the nearest unambiguous day around 29 February", () => {
    const pick = (today: string) => [birthDate(today).eighteenToday(), birthDate(today).eighteenTomorrow()];
    expect(pick("2026-11-25")).toEqual(["2008-11-25", "2008-11-26"]);
    expect(pick("2024-02-29")).toEqual(["2006-02-28", "2006-03-01"]); // nobody turns 18 on 29 Feb 2024
    expect(pick("2024-02-28")).toEqual(["2006-02-28", "2006-03-01"]); // tomorrow is 29 Feb
    expect(pick("2026-02-28")).toEqual(["2008-02-28", "2008-03-01"]); // never 2008-02-29
    expect(pick("2026-03-01")).toEqual(["2008-03-01", "2008-03-02"]);
  });
});
