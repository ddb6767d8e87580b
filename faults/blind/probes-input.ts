// Probes of faults/blind/input.ts (used by applies.test.ts).
import type { Probe } from "./testing.js";
import { createVerification, identity, license, pinnedToday, sc, send } from "./testing.js";

const refused = (...codes: number[]) => ({ status: 422, codes });
const ok = { status: 200, codes: [] };

const phone = (value: unknown, faulty: unknown = ok): Probe => ({
  run: async (m) => sc(await send(m, { phone: value })),
  clean: refused(3101),
  faulty,
});

const birth = (value: string, clean: unknown, faulty: unknown): Probe => ({
  run: async (m) => sc(await identity(m, { birth_date: value })),
  clean,
  faulty,
  options: pinnedToday,
});

const metadata = (value: unknown, clean: unknown, faulty: unknown): Probe => ({
  run: async (m) => sc(await createVerification(m, { metadata: value })),
  clean,
  faulty,
});

export const inputProbes: Record<string, Probe> = {
  "blind-phone-eleven-digits": phone("18885550100"),
  "blind-phone-nine-digits": phone("888555010"),
  "blind-phone-trailing-newline": phone("8885550100\n"),
  "blind-phone-plus-one-stripped": phone("+18885550100"),
  "blind-phone-json-number": phone(8885550100, { status: 500, codes: [5000] }),
  "blind-phone-unicode-digits": phone("٨٨٨٥٥٥٠١٠٠"),

  "blind-birthdate-31-april": birth("1990-04-31", refused(3108), ok),
  "blind-birthdate-century-leap-day": birth("1900-02-29", refused(3108), ok),
  "blind-birthdate-day-zero": birth("1990-05-00", refused(3108), ok),
  "blind-birthdate-month-zero": birth("1990-00-10", refused(3108), ok),
  "blind-birthdate-unanchored": birth("1980-01-01T00:00:00Z", refused(3108), ok),
  "blind-birthdate-trailing-newline": birth("1980-01-01\n", refused(3108), ok),
  // today is pinned to 2025-06-15
  "blind-minor-18th-birthday-today": birth("2007-06-15", ok, refused(3107)),
  "blind-minor-18th-birthday-tomorrow": birth("2007-06-16", refused(3107), ok),
  "blind-minor-365-day-years": birth("2007-06-17", refused(3107), ok),

  "blind-callback-https-only": {
    run: async (m) => sc(await createVerification(m, { callback_url: "http://127.0.0.1:9/hook" })),
    clean: ok,
    faulty: refused(3100),
  },
  "blind-callback-trimmed": {
    run: async (m) => sc(await createVerification(m, { callback_url: " http://127.0.0.1:9/hook " })),
    clean: refused(3100),
    faulty: ok,
  },
  "blind-callback-prefix-only": {
    run: async (m) => [
      sc(await createVerification(m, { callback_url: "http://exa mple.com/" })),
      sc(await send(m, { callback_url: "http://" })),
    ],
    clean: [refused(3100), refused(3100)],
    faulty: [ok, ok],
  },
  "blind-callback-unchecked-on-verification": {
    run: async (m) => [sc(await createVerification(m, { callback_url: "ftp://x/y" })), sc(await send(m, { callback_url: "ftp://x/y" }))],
    clean: [refused(3100), refused(3100)],
    faulty: [ok, refused(3100)],
  },
  "blind-callback-unchecked-on-documents": {
    run: async (m) => [sc(await license(m, { fields: { callback_url: "ftp://x/y" } })), sc(await send(m, { callback_url: "ftp://x/y" }))],
    clean: [refused(3100), refused(3100)],
    faulty: [ok, refused(3100)],
  },

  "blind-metadata-500-rejected": metadata("x".repeat(498), ok, refused(3100)),
  "blind-metadata-501-accepted": metadata("x".repeat(499), refused(3100), ok),
  "blind-metadata-string-unquoted": metadata("x".repeat(500), refused(3100), ok),
  "blind-metadata-utf8-bytes": metadata("é".repeat(498), ok, refused(3100)),
  "blind-metadata-python-separators": metadata({ a: "x".repeat(492) }, ok, refused(3100)),
  "blind-metadata-objects-only": metadata("A-1029", ok, refused(3100)),
  "blind-metadata-unchecked-on-identity": {
    run: async (m) => [sc(await identity(m, { metadata: "x".repeat(2000) })), sc(await send(m, { metadata: "x".repeat(2000) }))],
    clean: [refused(3100), refused(3100)],
    faulty: [ok, refused(3100)],
  },
};
