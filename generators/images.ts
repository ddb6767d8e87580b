/**
 * Document images, judged by their leading bytes (D20) and sized relative to the profile's
 * bounds (D21): "clearly inside/outside" by default, the exact edges only in strict mode.
 * File names carry the sandbox outcome (success.jpg, fail.jpg, fail_<code>.jpg: D25).
 */
import type { FilePart } from "../harness/client.js";
import { faker } from "./random.js";

const JPEG_HEAD = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);
const PNG_HEAD = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const GIF_HEAD = Buffer.from("GIF89a", "latin1");
const PDF_HEAD = Buffer.from("%PDF-1.7\n", "latin1");
/** Only the first two bytes of a JPEG (FF D8): the third, FF, is what makes it one (D20). */
const HALF_JPEG_HEAD = Buffer.from([0xff, 0xd8, 0x00, 0xe0, 0x00, 0x10]);
const WEBP_HEAD = Buffer.concat([Buffer.from("RIFF", "latin1"), Buffer.from([0x24, 0xa0, 0x00, 0x00]), Buffer.from("WEBPVP8 ", "latin1")]);

export type ImageKind = "jpeg" | "png" | "gif" | "pdf" | "half-jpeg" | "webp";
const heads: Record<ImageKind, Buffer> = {
  jpeg: JPEG_HEAD,
  png: PNG_HEAD,
  gif: GIF_HEAD,
  pdf: PDF_HEAD,
  "half-jpeg": HALF_JPEG_HEAD,
  webp: WEBP_HEAD,
};
const mime: Record<ImageKind, string> = {
  jpeg: "image/jpeg",
  png: "image/png",
  gif: "image/gif",
  pdf: "application/pdf",
  "half-jpeg": "image/jpeg",
  webp: "image/webp",
};

/** 4 KB of printable noise from a seed (xorshift32: the faker's string generator costs 100× more). */
function noiseBlock(seed: number): Buffer {
  const block = Buffer.alloc(4096);
  let x = seed | 0 || 1;
  for (let i = 0; i < block.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    block[i] = 0x30 + ((x >>> 0) % 75); // "0" … "z"
  }
  return block;
}

/** `size` bytes that start with the kind's signature; the rest is seeded noise (cheap: one random block repeated). */
export function imageBytes(kind: ImageKind, size: number): Buffer {
  const buf = Buffer.allocUnsafe(size);
  // The block, then the filled part copied after itself until full (a few memcpy calls even for 17 MB).
  let filled = noiseBlock(faker.number.int({ min: 1, max: 0x7fffffff })).copy(buf, 0);
  while (filled < size) filled += buf.copy(buf, filled, 0, Math.min(filled, size - filled));
  heads[kind].copy(buf, 0, 0, Math.min(size, heads[kind].length));
  return buf;
}

export interface Bounds {
  minBytes: number;
  maxBytes: number;
}

/** Sizes around the bounds (exclusive on both ends, D21). */
export function sizes(b: Bounds) {
  return {
    inside: (): number => b.minBytes + 5 * 1024, // 45 KB with the default bounds
    tooSmall: (): number => Math.floor(b.minBytes / 2), // 20 KB
    tooLarge: (): number => b.maxBytes + 1024 * 1024, // 17 MB
    atMin: (): number => b.minBytes, // rejected: the bound is exclusive
    justAboveMin: (): number => b.minBytes + 1,
    justBelowMax: (): number => b.maxBytes - 1,
    atMax: (): number => b.maxBytes, // rejected: the bound is exclusive
  };
}

/** Front-image file names that choose the sandbox outcome. */
export const frontName = {
  success: (): string => "success.jpg",
  fail: (): string => "fail.jpg",
  failingWith: (code: number): string => `fail_${code}.jpg`,
};

export function file(kind: ImageKind, size: number, filename: string, declared: string = mime[kind]): FilePart {
  return { data: imageBytes(kind, size), filename, contentType: declared };
}

/**
 * The parts a document verify request needs: front, plus back unless `passport`. The back is a JPEG named as in
 * the documents page's example (success_back.jpg) unless a test is about its type: a target that mishandles a
 * PNG back then fails that test (DOCUMENT-08), not every test that uploads a license or passcard.
 */
export function documentFiles(opts: {
  bounds: Bounds;
  back: boolean;
  frontName?: string;
  frontKind?: ImageKind;
  frontSize?: number;
  backKind?: "jpeg" | "png";
  backSize?: number;
}): Record<string, FilePart> {
  const s = sizes(opts.bounds);
  const files: Record<string, FilePart> = {
    front_image: file(opts.frontKind ?? "jpeg", opts.frontSize ?? s.inside(), opts.frontName ?? frontName.success()),
  };
  const backKind = opts.backKind ?? "jpeg";
  if (opts.back)
    files.back_image = file(backKind, opts.backSize ?? s.inside(), backKind === "png" ? "success_back.png" : "success_back.jpg");
  return files;
}
