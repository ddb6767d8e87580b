/** `metadata` values sized by the length of their JSON text (D5: at most 500 characters). */
import { faker } from "./random.js";

/** An object whose JSON text (as JSON.stringify writes it, as the client sends it) is exactly `n` characters. */
export function metadataOfJsonLength(n: number): Record<string, string> {
  const frame = JSON.stringify({ note: "" }).length; // {"note":""} = 11
  if (n < frame) throw new Error(`metadata of ${n} characters cannot hold the frame of ${frame}`);
  return { note: faker.string.alphanumeric(n - frame) };
}

export const metadata = {
  /** D5: exactly at the limit, accepted. */
  atLimit: (): Record<string, string> => metadataOfJsonLength(500),
  /** D5: one character over the limit, rejected with 422. */
  overLimit: (): Record<string, string> => metadataOfJsonLength(501),
};
