/** `metadata` values sized by the length of their JSON text (D5: at most 500 characters). */
import { faker } from "./random.js";

/** An object whose JSON text (as JSON.stringify writes it, as the client sends it) is exactly `n` characters. */
export function metadataOfJsonLength(n: number): Record<string, string> {
  const frame = JSON.stringify({ note: "" }).length; // {"note":""} = 11
  if (n < frame) throw new Error(`metadata of ${n} characters cannot hold the frame of ${frame}`);
  return { note: faker.string.alphanumeric(n - frame) };
}

/** A string whose JSON text (with its two quotes) is exactly `n` characters. */
export const stringOfJsonLength = (n: number): string => faker.string.alphanumeric(n - 2);

/** An object of accented letters (two UTF-8 bytes each) whose JSON text is exactly `n` characters. */
export function accentedOfJsonLength(n: number): Record<string, string> {
  const frame = JSON.stringify({ note: "" }).length;
  return { note: "é".repeat(n - frame) };
}

/** A list of numbers whose JSON text is exactly `n` characters (`[1,1,…]`, odd n). */
export function listOfJsonLength(n: number): number[] {
  if (n % 2 === 0) throw new Error(`a list of one-digit numbers has an odd JSON length, not ${n}`);
  return Array.from({ length: (n - 1) / 2 }, () => faker.number.int({ min: 0, max: 9 }));
}

export const metadata = {
  /** D5: exactly at the limit, accepted. */
  atLimit: (): Record<string, string> => metadataOfJsonLength(500),
  /** Twice the limit: over 500 characters by any measure (with or without quotes, characters or bytes). */
  wellOverLimit: (): Record<string, string> => metadataOfJsonLength(1000),
  wellOverLimitString: (): string => stringOfJsonLength(1000),
  /** D5: one character over the limit, rejected with 422. */
  overLimit: (): Record<string, string> => metadataOfJsonLength(501),
  /** D5: a string is measured with its quotes: 499 letters are 501 characters of JSON. */
  stringOverLimit: (): string => stringOfJsonLength(501),
  stringAtLimit: (): string => stringOfJsonLength(500),
  /** D5: characters, not UTF-8 bytes: 489 letters é are 500 characters (and 989 bytes). */
  accentedAtLimit: (): Record<string, string> => accentedOfJsonLength(500),
  /** D5: any JSON value: a list at the limit, and short values of each kind. */
  listAtLimit: (): number[] => listOfJsonLength(499),
  aNumber: (): number => faker.number.int({ min: 1, max: 1_000_000 }),
  aShortString: (): string => faker.string.alphanumeric(12),
};
