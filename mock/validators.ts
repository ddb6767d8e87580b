// The input rules behind the 422s (docs/api-reference.md "Input rules"); each one is replaceable in MockBehaviour.
import { jsonTextLength } from "./json-length.js";

/** D16: a JSON string of exactly ten digits. */
export function validPhone(value: unknown): boolean {
  return typeof value === "string" && /^\d{10}$/.test(value);
}

/** YYYY-MM-DD and a real calendar date (3108); under 18 on `today` (UTC) is a minor (3107, D17). */
export function checkBirthDate(value: unknown, today: Date, leapDay: "march-1" | "february-28" = "march-1"): "ok" | "format" | "minor" {
  if (typeof value !== "string") return "format";
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return "format";
  const [y, mo, d] = [+m[1], +m[2], +m[3]];
  const date = utcDate(y, mo - 1, d);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return "format";
  // 18th birthday today = adult. A 29 Feb birthday in a common year: 1 Mar (the date rolls over, M12) or 28 Feb (D39).
  const eighteenth = utcDate(y + 18, mo - 1, d);
  if (leapDay === "february-28" && eighteenth.getUTCMonth() !== mo - 1) eighteenth.setUTCDate(0); // back to 28 Feb
  const todayUtc = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return eighteenth.getTime() > todayUtc ? "minor" : "ok";
}

/** Midnight UTC of a day. Not Date.UTC: it reads years 0–99 as 1900–1999, so `0050-06-15` would not be itself. */
function utcDate(year: number, month0: number, day: number): Date {
  const date = new Date(0);
  date.setUTCFullYear(year, month0, day);
  return date;
}

/** D18: an absolute http or https URL. */
export function validCallbackUrl(value: unknown): boolean {
  if (typeof value !== "string" || value.trim() !== value || value === "") return false;
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "";
  } catch {
    return false;
  }
}

/** An OTP is six digits (3102 otherwise; a malformed code is not a try). */
export function validOtpFormat(value: unknown): boolean {
  return typeof value === "string" && /^\d{6}$/.test(value);
}

/** D5: any JSON value whose JSON text is at most 500 characters (at any depth: measured without recursion). */
export function validMetadata(value: unknown, maxChars = 500): boolean {
  return jsonTextLength(value, maxChars) <= maxChars;
}

const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** D20: judged by the leading bytes only. */
export function supportedImage(head: Buffer): boolean {
  return head.subarray(0, 3).equals(JPEG) || head.subarray(0, 8).equals(PNG);
}

/** D21: strictly between the bounds (binary KB / MB by default). */
export function checkImageSize(bytes: number, min: number, max: number): "ok" | "small" | "large" {
  if (bytes <= min) return "small";
  if (bytes >= max) return "large";
  return "ok";
}
