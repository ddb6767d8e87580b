// Every rule and knob of the mock in one overridable object. A fault (mock/faults-api.ts) changes a few fields.
import type { Fixtures, Product, RateLimitFixture } from "./types.js";
import { PRODUCTS } from "./types.js";
import type { ReplyTransform } from "./reply.js";
import { seededRandom } from "./random.js";
import * as v from "./validators.js";
import { decodeToken, tokenText } from "./auth-header.js";
import { own } from "./own.js";

export type ImageField = "front_image" | "back_image";
export type DocumentProduct = Extract<Product, `document.${string}`>;

export type LeapDayBirthday = "march-1" | "february-28";

export interface Validators {
  phone(value: unknown): boolean;
  birthDate(value: unknown, today: Date): "ok" | "format" | "minor";
  callbackUrl(value: unknown): boolean;
  otpFormat(value: unknown): boolean;
  metadata(value: unknown): boolean;
  imageType(head: Buffer): boolean;
  imageSize(bytes: number): "ok" | "small" | "large";
}

export interface MockBehaviour {
  fixtures: Fixtures;
  /** the clock ("today" for the minor rule, timestamps, windows) */
  now(): Date;
  /** "today" for the minor rule (D17); pinned by the suite's injected date (IDME_TODAY), else now() */
  today(): Date;
  random(): number;
  validators: Validators;
  /** D28: which images each document product requires */
  requiredImages: Record<DocumentProduct, ImageField[]>;
  auth: {
    acceptLegacyScheme: boolean;
    /** the Base64 text of an Authorization header, or undefined for a wrong form (D1) */
    tokenText(header: string | undefined, acceptLegacy: boolean): string | undefined;
    /** the decoded secret, or undefined when the text is not canonical Base64 */
    decodeToken(text: string): string | undefined;
    codes: { unknown: number; inactiveAccount: number; inactiveOrganization: number };
  };
  /** 403 3200 / 3300 when on; off = any account sees any transaction / verification */
  ownership: { transactions: boolean; verifications: boolean };
  rateLimit: {
    enabled: boolean;
    /** false: once hit, a limit never lifts */
    lifts: boolean;
    /** true: a request refused with 429 still counts against its windows (D33 says it does not; OPEN in the docs) */
    countRefused: boolean;
    /** false: 429 answers carry no Retry-After (D23: not published) */
    retryAfter: boolean;
    limitsFor(accountName: string): RateLimitFixture | null;
  };
  otp: {
    ttlMs: number;
    /** wrong codes that lock the transaction (D19); Infinity = no limit */
    maxWrongCodes: number;
    accepts(code: string): boolean;
  };
  /** delay until a document transaction completes; null = pending forever */
  documentDelayMs: number | null;
  webhooks: {
    enabled: boolean;
    retries: number;
    retryDelayMs: number;
    /** the n-th retry waits retryDelayMs × backoffFactor^(n-1); 1 = a constant delay (backoff is OPEN) */
    backoffFactor: number;
    /** false: payloads without `results`, like the published webhook example (D35) */
    includeResults: boolean;
    timeoutMs: number;
    allowHosts: string[];
    maxPending: number;
    logSize: number;
  };
  /** how status.created / updated are written: the same instant at this UTC offset (D8 allows Z or ±hh:mm) */
  clock: { offsetMinutes: number };
  /** the name each product has in bodies and webhooks (D9: any dotted lower-case name; the webhook page shows `license.verify`) */
  productNames: Record<Product, string>;
  /** D39 (OPEN): when a 29 February birthday comes of age in a common year (M12) */
  leapDayBirthday: LeapDayBirthday;
  /** the 422 code for metadata over 500 characters (OPEN in the reference; README decision M2) */
  metadataErrorCode: number;
  /** applied to every answer and every webhook payload, last step before writing */
  transform: ReplyTransform;
}

export function createBehaviour(fixtures: Fixtures): MockBehaviour {
  const { documents, otp, webhooks } = fixtures;
  const behaviour: MockBehaviour = {
    fixtures,
    now: () => new Date(),
    random: seededRandom(fixtures.seed),
    validators: {
      phone: v.validPhone,
      birthDate: (value, today) => v.checkBirthDate(value, today, behaviour.leapDayBirthday),
      callbackUrl: v.validCallbackUrl,
      otpFormat: v.validOtpFormat,
      metadata: (value) => v.validMetadata(value),
      imageType: v.supportedImage,
      imageSize: (bytes) => v.checkImageSize(bytes, documents.minBytes, documents.maxBytes),
    },
    requiredImages: {
      "document.license.verify": ["front_image", "back_image"],
      "document.passport.verify": ["front_image"],
      "document.passcard.verify": ["front_image", "back_image"],
    },
    auth: {
      acceptLegacyScheme: fixtures.auth.acceptLegacyScheme,
      tokenText,
      decodeToken,
      codes: { unknown: 1100, inactiveAccount: 1200, inactiveOrganization: 1300 },
    },
    ownership: { transactions: true, verifications: true },
    rateLimit: {
      enabled: true,
      lifts: true,
      countRefused: false,
      retryAfter: true,
      limitsFor: (name) => own(fixtures.accounts, name)?.rateLimit ?? null,
    },
    otp: {
      ttlMs: otp.ttlMs,
      maxWrongCodes: otp.maxWrongCodes,
      accepts: (code) => code === otp.successCode,
    },
    documentDelayMs: documents.processingDelayMs,
    webhooks: { enabled: true, backoffFactor: 1, includeResults: true, ...webhooks },
    clock: { offsetMinutes: 0 },
    productNames: Object.fromEntries(PRODUCTS.map((p) => [p, p])) as Record<Product, string>,
    leapDayBirthday: "march-1",
    metadataErrorCode: 3100,
    transform: (reply) => reply,
    today: () => behaviour.now(), // follows the clock unless pinned
  };
  return behaviour;
}
