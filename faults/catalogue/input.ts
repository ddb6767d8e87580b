// Input-rule faults (the 422s, "Input rules behind the 422s"): each validator made lenient or shifted.
import type { CatalogueFault } from "../types.js";
import { checkBirthDate } from "../../mock/validators.js";

const DAY = 86_400_000;
const shift = (today: Date, days: number) => new Date(today.getTime() + days * DAY);

export const inputFaults: CatalogueFault[] = [
  {
    id: "phone-lenient",
    title: "lenient phone check",
    description: "Any string with 7 or more digits passes as a phone: separators, a +1 prefix, 9 or 11 digits (D16: exactly ten digits).",
    breaks: ["INPUT-PHONE-02", "INPUT-PHONE-03"],
    apply: (b) => {
      b.validators.phone = (v) => typeof v === "string" && v.replace(/\D/g, "").length >= 7;
    },
  },
  {
    id: "birth-date-format-lenient",
    title: "lenient birth_date format",
    description: "Any text Date.parse reads passes as a birth date (`01/02/1980`, `2023-02-30`); only real YYYY-MM-DD dates should (3108).",
    breaks: ["INPUT-BIRTHDATE-01", "INPUT-BIRTHDATE-02"],
    apply: (b) => {
      b.validators.birthDate = (v, today) => {
        if (typeof v !== "string" || Number.isNaN(Date.parse(v))) return "format";
        return checkBirthDate(new Date(Date.parse(v)).toISOString().slice(0, 10), today);
      };
    },
  },
  {
    id: "minor-accepted",
    title: "minors accepted",
    description: "A birth date of a user under 18 passes (no 422 / 3107).",
    breaks: ["INPUT-BIRTHDATE-03"],
    apply: (b) => {
      const strict = b.validators.birthDate;
      b.validators.birthDate = (v, today) => (strict(v, today) === "format" ? "format" : "ok");
    },
  },
  {
    id: "minor-edge-day-early",
    title: "adult one day early",
    description: "A user whose 18th birthday is tomorrow already counts as an adult (off by one day, D17).",
    breaks: ["INPUT-BIRTHDATE-03"],
    apply: (b) => {
      const strict = b.validators.birthDate;
      b.validators.birthDate = (v, today) => strict(v, shift(today, 1));
    },
  },
  {
    id: "minor-edge-day-late",
    title: "adult one day late",
    description: "A user whose 18th birthday is today still counts as a minor (D17: 18th birthday today = adult).",
    breaks: ["INPUT-BIRTHDATE-04"],
    apply: (b) => {
      const strict = b.validators.birthDate;
      b.validators.birthDate = (v, today) => strict(v, shift(today, -1));
    },
  },
  {
    id: "callback-url-lenient",
    title: "lenient callback_url check",
    description: "Any string passes as a callback_url (`not a url`, `ftp://…`, a relative path) (D18, 3100).",
    breaks: ["INPUT-CALLBACK-01", "DOCUMENT-14"],
    apply: (b) => {
      b.validators.callbackUrl = (v) => typeof v === "string";
    },
  },
  {
    id: "metadata-limit-ignored",
    title: "metadata limit ignored",
    description: "Metadata of any length is accepted (DOC: up to 500 characters, 422 beyond).",
    breaks: ["INPUT-METADATA-01", "INPUT-METADATA-04"],
    apply: (b) => {
      b.validators.metadata = () => true;
    },
  },
  {
    id: "image-too-small-accepted",
    title: "small images accepted",
    description: "Images at or below 40 KB are accepted (no 422 / 3109).",
    breaks: ["DOCUMENT-05", "DOCUMENT-12", "DOCUMENT-15"],
    apply: (b) => {
      const strict = b.validators.imageSize;
      b.validators.imageSize = (n) => (strict(n) === "small" ? "ok" : strict(n));
    },
  },
  {
    id: "image-too-large-accepted",
    title: "large images accepted",
    description: "Images at or above 16 MB are accepted (no 422 / 3110).",
    breaks: ["DOCUMENT-06", "DOCUMENT-13"],
    apply: (b) => {
      const strict = b.validators.imageSize;
      b.validators.imageSize = (n) => (strict(n) === "large" ? "ok" : strict(n));
    },
  },
  {
    id: "image-type-unchecked",
    title: "image type not checked",
    description: "Files that are neither JPEG nor PNG (GIF, PDF, text) are accepted (no 422 / 3111).",
    breaks: ["DOCUMENT-07"],
    apply: (b) => {
      b.validators.imageType = () => true;
    },
  },
  {
    id: "passport-requires-back",
    title: "passport requires a back image",
    description: "verifyPassport rejects a front-only upload with 3109 for the missing back image (DOC: front only).",
    breaks: ["DOCUMENT-11", "DOCUMENT-01", "DOCUMENT-08", "DOCUMENT-12"],
    apply: (b) => {
      b.requiredImages["document.passport.verify"] = ["front_image", "back_image"];
    },
  },
  {
    id: "license-back-optional",
    title: "license back image optional",
    description: "verifyLicense accepts a front image alone (DOC: both required; D28: a missing image is 3109).",
    breaks: ["DOCUMENT-10", "DOCUMENT-16"],
    apply: (b) => {
      b.requiredImages["document.license.verify"] = ["front_image"];
    },
  },
  {
    id: "passcard-back-optional",
    title: "passcard back image optional",
    description: "verifyPasscard accepts a front image alone (DOC: both required; D28: a missing image is 3109).",
    breaks: ["DOCUMENT-10", "DOCUMENT-16"],
    apply: (b) => {
      b.requiredImages["document.passcard.verify"] = ["front_image"];
    },
  },
  {
    id: "phone-only-sandbox-area-codes",
    title: "only 888 / 999 phones accepted",
    description: "A valid ten-digit phone whose area code is neither 888 nor 999 answers 422 / 3101 (D30: it behaves like 888).",
    breaks: ["TELECOM-SANDBOX-03"],
    apply: (b) => {
      const strict = b.validators.phone;
      b.validators.phone = (v) => strict(v) && /^(888|999)/.test(String(v));
    },
  },
  {
    id: "metadata-limit-off-by-one",
    title: "metadata of exactly 500 characters refused",
    description: "The metadata limit is exclusive: JSON text of exactly 500 characters answers 422 (DOC: up to 500 is valid).",
    breaks: ["INPUT-METADATA-03"],
    apply: (b) => {
      b.validators.metadata = (v) => JSON.stringify(v).length < 500;
    },
  },
  {
    id: "image-min-size-inclusive",
    title: "image of exactly 40 KB accepted",
    description: "The minimum size is inclusive: a file of exactly 40 960 bytes is accepted (D21: strictly greater than 40 KB).",
    breaks: ["DOCUMENT-12"],
    apply: (b) => {
      const strict = b.validators.imageSize;
      const min = b.fixtures.documents.minBytes;
      b.validators.imageSize = (n) => (n === min ? "ok" : strict(n));
    },
  },
];
