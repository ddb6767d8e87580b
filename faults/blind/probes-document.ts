// Probes of faults/blind/document.ts and faults/blind/rate.ts (used by applies.test.ts).
import type { RunningMock } from "../../mock/server.js";
import type { Probe } from "./testing.js";
import { KB, MB, api, docForm, image, jpeg, license, png, sc, settle } from "./testing.js";

const passport = (m: RunningMock, front: Uint8Array) => api(m, "POST", "/api/v2/document/passport/verify", { form: docForm({ front }) });
const sizeOf = (size: number) => async (m: RunningMock) => sc(await passport(m, jpeg(size)));

const ok = { status: 200, codes: [] };
const refused = (...codes: number[]) => ({ status: 422, codes });
const GIF = [0x47, 0x49, 0x46, 0x38, 0x39, 0x61];
const WEBP = [0x52, 0x49, 0x46, 0x46, 0x00, 0x10, 0x00, 0x00, 0x57, 0x45, 0x42, 0x50];

export const documentProbes: Record<string, Probe> = {
  "blind-image-min-inclusive": { run: sizeOf(40 * KB), clean: refused(3109), faulty: ok },
  "blind-image-min-plus-one-refused": { run: sizeOf(40 * KB + 1), clean: ok, faulty: refused(3109) },
  "blind-image-max-inclusive": { run: sizeOf(16 * MB), clean: refused(3110), faulty: ok },
  "blind-image-max-minus-one-refused": { run: sizeOf(16 * MB - 1), clean: ok, faulty: refused(3110) },
  "blind-image-decimal-kb": { run: sizeOf(40_500), clean: refused(3109), faulty: ok },
  "blind-image-decimal-mb": { run: sizeOf(16_500_000), clean: ok, faulty: refused(3110) },
  "blind-image-size-with-part-headers": {
    run: async (m) => [await sizeOf(40 * KB - 100)(m), await sizeOf(16 * MB - 100)(m)],
    clean: [refused(3109), ok],
    faulty: [ok, refused(3110)],
  },
  "blind-image-jpeg-two-byte-magic": {
    run: async (m) => sc(await passport(m, image(64 * KB, [0xff, 0xd8, 0x00, 0x00]))),
    clean: refused(3111),
    faulty: ok,
  },
  "blind-image-webp-accepted": { run: async (m) => sc(await passport(m, image(64 * KB, WEBP))), clean: refused(3111), faulty: ok },
  "blind-image-png-needs-ihdr": { run: async (m) => sc(await passport(m, png())), clean: ok, faulty: refused(3111) },
  "blind-image-type-last-file-only": {
    run: async (m) => [sc(await license(m, { front: image(64 * KB, GIF) })), sc(await passport(m, image(64 * KB, GIF)))],
    clean: [refused(3111), refused(3111)],
    faulty: [ok, refused(3111)],
  },
  "blind-image-size-last-file-only": {
    run: async (m) => [sc(await license(m, { front: jpeg(1000) })), sc(await passport(m, jpeg(1000)))],
    clean: [refused(3109), refused(3109)],
    faulty: [ok, refused(3109)],
  },
  "blind-passport-back-required": { run: async (m) => sc(await passport(m, jpeg())), clean: ok, faulty: refused(3109) },
  "blind-passcard-back-optional": {
    run: async (m) => [
      sc(await api(m, "POST", "/api/v2/document/passcard/verify", { form: docForm() })),
      sc(await api(m, "POST", "/api/v2/document/license/verify", { form: docForm() })),
    ],
    clean: [refused(3109), refused(3109)],
    faulty: [ok, refused(3109)],
  },
  "blind-missing-image-3111": {
    run: async (m) => [
      sc(await api(m, "POST", "/api/v2/document/license/verify", { form: docForm() })),
      sc(await api(m, "POST", "/api/v2/document/passport/verify", { form: docForm({ front: undefined }) })),
      sc(await passport(m, jpeg(1000))),
    ],
    clean: [refused(3109), refused(3109), refused(3109)],
    faulty: [refused(3111), refused(3111), refused(3109)],
  },
  "blind-document-2005-unreachable": {
    run: async (m) => {
      const out: unknown[] = [];
      for (const name of ["fail_2005.jpg", "fail_2003.jpg"]) {
        const id = (await license(m, { frontName: name })).body.transaction_id;
        out.push((await settle(m, id)).body.results.errors.map((e: { code: number }) => e.code));
      }
      return out;
    },
    clean: [[2005], [2003]],
    faulty: [[2004], [2003]],
  },
};
