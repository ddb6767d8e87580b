// Document uploads: size bounds (D21, strict mode for the exact edges), type by content (D20), required images (D28),
// and the fail_<code>.jpg convention (D25).
import { checkImageSize } from "../../mock/validators.js";
import { rewrite, rewriteTransactions } from "../transform.js";
import type { CatalogueFault } from "../types.js";
import { DOC_POSTS, codes, errors, mapErrorCodes, track } from "./support.js";

const sized =
  (dMin: number, dMax: number): CatalogueFault["apply"] =>
  (b) => {
    const { minBytes, maxBytes } = b.fixtures.documents;
    b.validators.imageSize = (bytes) => checkImageSize(bytes, minBytes + dMin, maxBytes + dMax);
  };

const ascii = (head: Buffer, at: number, text: string) => head.subarray(at, at + text.length).toString("latin1") === text;

export const documentFaults: CatalogueFault[] = [
  {
    id: "blind-image-min-inclusive",
    title: "an image of exactly 40 960 bytes is accepted",
    description: "The minimum size is inclusive (≥ 40 KiB): a front image of exactly 40 960 bytes is accepted instead of 422 3109.",
    breaks: ["DOCUMENT-12"],
    apply: sized(-1, 0),
  },
  {
    id: "blind-image-min-plus-one-refused",
    title: "an image of 40 961 bytes is refused",
    description: "The minimum size is off by one (> 40 961): a front image of 40 961 bytes answers 422 3109 instead of being accepted.",
    breaks: ["DOCUMENT-12"],
    apply: sized(1, 0),
  },
  {
    id: "blind-image-max-inclusive",
    title: "an image of exactly 16 777 216 bytes is accepted",
    description: "The maximum size is inclusive (≤ 16 MiB): a front image of exactly 16 777 216 bytes is accepted instead of 422 3110.",
    breaks: ["DOCUMENT-13"],
    apply: sized(0, 1),
  },
  {
    id: "blind-image-max-minus-one-refused",
    title: "an image of 16 777 215 bytes is refused",
    description:
      "The maximum size is off by one (< 16 777 215): a front image of 16 777 215 bytes answers 422 3110 instead of being accepted.",
    breaks: ["DOCUMENT-13"],
    apply: sized(0, -1),
  },
  {
    id: "blind-image-decimal-kb",
    title: "the minimum size is 40 000 bytes",
    description: "KB read as 1 000 bytes: front images of 40 001–40 960 bytes are accepted instead of 422 3109 (D21: binary KB).",
    breaks: ["DOCUMENT-12"],
    apply: (b) => {
      const { minBytes, maxBytes } = b.fixtures.documents;
      b.validators.imageSize = (bytes) => checkImageSize(bytes, Math.round((minBytes * 1000) / 1024), maxBytes);
    },
  },
  {
    id: "blind-image-decimal-mb",
    title: "the maximum size is 16 000 000 bytes",
    description: "MB read as 1 000 000 bytes: front images of 16 000 000–16 777 215 bytes answer 422 3110 instead of being accepted (D21).",
    breaks: ["DOCUMENT-13"],
    apply: (b) => {
      const { minBytes, maxBytes } = b.fixtures.documents;
      b.validators.imageSize = (bytes) => checkImageSize(bytes, minBytes, Math.round((maxBytes * 1_000_000) / (1024 * 1024)));
    },
  },
  {
    id: "blind-image-size-with-part-headers",
    title: "the image size includes the multipart part headers",
    description:
      "The size is taken from the part as sent (+200 bytes of headers): 40 760–40 960-byte images pass, 16 777 016–16 777 215-byte ones answer 3110.",
    breaks: ["DOCUMENT-12", "DOCUMENT-13"],
    apply: (b) => {
      const { imageSize } = b.validators;
      b.validators.imageSize = (bytes) => imageSize(bytes + 200);
    },
  },
  {
    id: "blind-image-jpeg-two-byte-magic",
    title: "JPEG judged by two bytes",
    description:
      "A file is taken for a JPEG when it starts ff d8 (the third byte, ff, is not checked): ff d8 00 … is accepted instead of 422 3111.",
    breaks: ["DOCUMENT-07"],
    apply: (b) => {
      const { imageType } = b.validators;
      b.validators.imageType = (head) => imageType(head) || (head[0] === 0xff && head[1] === 0xd8);
    },
  },
  {
    id: "blind-image-webp-accepted",
    title: "WebP images are accepted",
    description: "A RIFF…WEBP file passes the type check (an image library that reads WebP) instead of answering 422 3111.",
    breaks: ["DOCUMENT-07"],
    apply: (b) => {
      const { imageType } = b.validators;
      b.validators.imageType = (head) => imageType(head) || (ascii(head, 0, "RIFF") && ascii(head, 8, "WEBP"));
    },
  },
  {
    id: "blind-image-png-needs-ihdr",
    title: "a PNG needs its IHDR chunk",
    description:
      "A PNG is recognised only with the 8-byte signature followed by an IHDR chunk: a file with the PNG signature alone answers 422 3111.",
    breaks: ["DOCUMENT-08"],
    apply: (b) => {
      const { imageType } = b.validators;
      b.validators.imageType = (head) => imageType(head) && (head[0] !== 0x89 || ascii(head, 12, "IHDR"));
    },
  },
  {
    id: "blind-image-type-last-file-only",
    title: "only the last image's type is judged",
    description:
      "The type verdict is overwritten file by file: a license or passcard with a GIF front and a JPEG back is accepted (3111 is not answered).",
    breaks: ["DOCUMENT-07"],
    apply: (b) => {
      const t = track(b);
      const { imageType } = b.validators;
      b.validators.imageType = (head) => {
        const ok = imageType(head);
        return t.imageTypeCalls < t.requiredCount ? true : ok;
      };
    },
  },
  {
    id: "blind-image-size-last-file-only",
    title: "only the last image's size is judged",
    description:
      "The size verdict is overwritten file by file: a license or passcard with a too-small or too-large front and a valid back is accepted.",
    breaks: ["DOCUMENT-05", "DOCUMENT-06", "DOCUMENT-12", "DOCUMENT-13", "DOCUMENT-15"],
    apply: (b) => {
      const t = track(b);
      const { imageSize } = b.validators;
      b.validators.imageSize = (bytes) => {
        const out = imageSize(bytes);
        return t.imageSizeCalls < t.requiredCount ? "ok" : out;
      };
    },
  },
  {
    id: "blind-passport-back-required",
    title: "a passport needs a back image",
    description: "The passport verify requires back_image like the license: a passport with a front image only answers 422 3109.",
    breaks: ["DOCUMENT-11", "DOCUMENT-01", "DOCUMENT-08", "DOCUMENT-12"],
    apply: (b) => {
      b.requiredImages["document.passport.verify"] = ["front_image", "back_image"];
    },
  },
  {
    id: "blind-passcard-back-optional",
    title: "a passcard does not need a back image",
    description:
      "The passcard verify requires only front_image like the passport: a passcard without back image is accepted instead of 422 3109.",
    breaks: ["DOCUMENT-10", "DOCUMENT-16"],
    apply: (b) => {
      b.requiredImages["document.passcard.verify"] = ["front_image"];
    },
  },
  {
    id: "blind-missing-image-3111",
    title: "a missing image answers 3111",
    description: "A required image that is missing answers 422 3111 (no type to judge) instead of 3109 (D28).",
    breaks: ["DOCUMENT-16"],
    apply: (b) => {
      const t = track(b);
      rewrite(
        b,
        (r, c) =>
          c.kind === "response" &&
          DOC_POSTS.includes(c.operationId ?? "") &&
          codes(r).includes(3109) &&
          t.imageSizeCalls < t.requiredCount &&
          t.smallImages === 0,
        (r) => errors(codes(r).map((code) => (code === 3109 ? 3111 : code))),
      );
    },
  },
  {
    id: "blind-document-2005-unreachable",
    title: "fail_2005.jpg gives 2004",
    description:
      "The fail_<code>.jpg range is read as 2001 ≤ code < 2005: a front image named fail_2005.jpg fails with 2004 instead of 2005 (D25).",
    breaks: ["DOCUMENT-04"],
    apply: (b) =>
      rewriteTransactions(b, (t) => (String(t.product).startsWith("document.") ? mapErrorCodes(t, (c) => (c === 2005 ? 2004 : c)) : t)),
  },
];
