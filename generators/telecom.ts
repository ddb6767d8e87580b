/**
 * Telecom inputs. The sandbox conventions (DOC, mock APIs page; D22, D24, D30) live here and only
 * here: 888 area code succeeds; 999 + last four digits fails with that code; 123123 confirms.
 */
import type { components } from "../generated/api.js";
import { digits, faker } from "./random.js";

type SmsSendRequest = components["schemas"]["SmsSendRequest"];
type TelecomIdentityRequest = components["schemas"]["TelecomIdentityRequest"];

export const phone = {
  /** Area code 888: the sandbox answers success. */
  success: (): string => `888${digits(7)}`,
  /** Area code 999 + the code in the last four digits (D22). */
  failingWith: (code: number): string => `999${digits(3)}${String(code).padStart(4, "0")}`,
  /** D24: this project's trigger for a 500 / 5000. */
  serverError: (): string => "9995555000",
};

/** Birth dates relative to the injected "today" (IDME_TODAY, UTC), so D17's edge is testable any day. */
export function birthDate(today: string) {
  const [y, m, d] = today.split("-").map(Number) as [number, number, number];
  const iso = (dt: Date): string => dt.toISOString().slice(0, 10);
  const yearsAgo = (years: number, plusDays = 0): string => iso(new Date(Date.UTC(y - years, m - 1, d + plusDays)));
  /**
   * Born exactly 18 calendar years before the day `days` from today, never on 29 February: when that day
   * is 29 February nobody turns 18 on it, so the nearest unambiguous birth date on the wanted side is used
   * (28 February for the adult edge, 1 March for the minor edge). How a 29 February birthday comes of age
   * in a common year is not published (D39), so the suite never sends one at the edge.
   */
  const eighteenYearsBefore = (days: number, side: "adult" | "minor"): string => {
    const t = new Date(Date.UTC(y, m - 1, d + days));
    const leapDay = t.getUTCMonth() === 1 && t.getUTCDate() === 29;
    // 18 years before a leap year is a common year: there, day 29 of February rolls over to 1 March.
    const day = leapDay ? (side === "adult" ? 28 : 29) : t.getUTCDate();
    return iso(new Date(Date.UTC(t.getUTCFullYear() - 18, t.getUTCMonth(), day)));
  };
  return {
    adult: (): string => yearsAgo(faker.number.int({ min: 25, max: 70 }), -faker.number.int({ min: 0, max: 300 })),
    minor: (): string => yearsAgo(faker.number.int({ min: 5, max: 16 })),
    /** The youngest adult: 18th birthday today (yesterday when today is 29 February, D39). */
    eighteenToday: (): string => eighteenYearsBefore(0, "adult"),
    /** The oldest minor: 18th birthday tomorrow (the day after when tomorrow is 29 February, D39). */
    eighteenTomorrow: (): string => eighteenYearsBefore(1, "minor"),
  };
}

export const otp = {
  /** The sandbox's accepted code. */
  correct: (): string => "123123",
  /** Six digits that are not the accepted code. */
  wrong: (): string => {
    let c = digits(6);
    while (c === "123123") c = digits(6);
    return c;
  },
};

export const smsSend = {
  valid: (extra: Partial<SmsSendRequest> = {}): SmsSendRequest => ({ phone: phone.success(), ...extra }),
  /** Invalid on purpose: not typed as the request. */
  with: (patch: Record<string, unknown>): Record<string, unknown> => ({ phone: phone.success(), ...patch }),
  without: (key: keyof SmsSendRequest): Record<string, unknown> => {
    const { [key]: _dropped, ...rest } = { phone: phone.success() } as Record<string, unknown>;
    return rest;
  },
};

export function identity(today: string) {
  const base = (): TelecomIdentityRequest => ({
    phone: phone.success(),
    birth_date: birthDate(today).adult(),
    first_name: faker.person.firstName(),
    last_name: faker.person.lastName(),
  });
  return {
    valid: (extra: Partial<TelecomIdentityRequest> = {}): TelecomIdentityRequest => ({ ...base(), ...extra }),
    with: (patch: Record<string, unknown>): Record<string, unknown> => ({ ...base(), ...patch }),
    without: (key: keyof TelecomIdentityRequest): Record<string, unknown> => {
      const { [key]: _dropped, ...rest } = base() as Record<string, unknown>;
      return rest;
    },
  };
}
