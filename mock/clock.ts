// How the mock writes `status.created` / `status.updated` (D8): milliseconds and an offset, `Z` by default.

/** Offsets a real zone can have: whole minutes, less than a day either way. */
export function validOffset(minutes: number): boolean {
  return Number.isInteger(minutes) && Math.abs(minutes) < 24 * 60;
}

/** The instant `ms` as ISO-8601 with milliseconds, at a fixed UTC offset: `…T17:15:52.171-04:00` for -240, `…Z` for 0. */
export function formatTimestamp(ms: number, offsetMinutes: number): string {
  if (offsetMinutes === 0) return new Date(ms).toISOString();
  const local = new Date(ms + offsetMinutes * 60_000).toISOString().slice(0, -1); // the wall time there, without the Z
  const abs = Math.abs(offsetMinutes);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${local}${offsetMinutes < 0 ? "-" : "+"}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
