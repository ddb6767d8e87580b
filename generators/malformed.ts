/**
 * Inputs that break exactly one input rule each (D16 phone, 3108 birth date, 3102 OTP code),
 * named by the fault. Each keeps the rest of the value plausible so only the named rule is broken.
 */
import { phone } from "./telecom.js";
import { digits } from "./random.js";

export const malformedPhone = {
  nineDigits: (): string => phone.success().slice(0, 9),
  elevenDigits: (): string => `${phone.success()}${digits(1)}`,
  withLetters: (): string => `${phone.success().slice(0, 6)}ABCD`,
  dashed: (): string => phone.success().replace(/^(\d{3})(\d{3})(\d{4})$/, "$1-$2-$3"),
  parenthesized: (): string => phone.success().replace(/^(\d{3})(\d{3})(\d{4})$/, "($1) $2-$3"),
  plusOne: (): string => `+1${phone.success()}`,
  /** Ten digits, but a JSON number instead of a string (D16). */
  asNumber: (): number => Number(phone.success()),
  /** Ten digits and a final newline (a `$` that matches before it lets it through). */
  trailingNewline: (): string => `${phone.success()}\n`,
  /** Ten digits in another script (a Unicode `\d` lets them through; D16 means 0–9). */
  arabicIndic: (): string => phone.success().replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d))),
  fullWidth: (): string => phone.success().replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))),
};

/** Not YYYY-MM-DD, or not a real calendar date: 3108. All of them are far from the minor edge. */
export const malformedBirthDate = {
  slashes: (): string => "01/02/1990",
  unpadded: (): string => "1990-1-2",
  compact: (): string => "19900102",
  dayOutOfMonth: (): string => "2001-02-30",
  monthThirteen: (): string => "2001-13-01",
  leapDayInCommonYear: (): string => "2001-02-29",
  thirtyFirstApril: (): string => "1990-04-31",
  /** 1900 is divisible by 4 but is not a leap year (divisible by 100, not by 400). */
  leapDayOfCenturyYear: (): string => "1900-02-29",
  dayZero: (): string => "1990-05-00",
  monthZero: (): string => "1990-00-10",
  /** Valid YYYY-MM-DD followed by more: a pattern without an end anchor lets it through. */
  dateTime: (): string => "1980-01-01T00:00:00Z",
  trailingText: (): string => "1980-01-01abc",
  trailingNewline: (): string => "1980-01-01\n",
};

/** OTP codes that are not six digits: 3102, and not a try (D19). */
export const malformedOtp = {
  fiveDigits: (): string => digits(5),
  letters: (): string => "ABCDEF",
  /** The sandbox's right code and a final newline: not six digits. */
  trailingNewline: (): string => "123123\n",
};
