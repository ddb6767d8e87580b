// D15's order of checks with one pair swapped: 401 → 403 product → 429 → 404 / 403 ids → 422 inputs. Each fault
// answers what the swapped order would: the later check's answer wherever it finds something.
import { errorReply } from "../../mock/reply.js";
import type { MockBehaviour } from "../../mock/faults-api.js";
import { codesOf, rewrite } from "../transform.js";
import type { CatalogueFault } from "../types.js";
import { answerOf, jsonInput, jsonInputErrors, pathOf } from "./util.js";

/** A gate's answer on a JSON send / identity is replaced by the 422 of the body's input errors, if there are any. */
function inputsBefore(
  b: MockBehaviour,
  ops: Array<"sendSmsCode" | "verifyTelecomIdentity">,
  gate: (codes: number[], status: number) => boolean,
) {
  rewrite(
    b,
    (r, ctx) => answerOf(ctx, ops) && gate(codesOf(r), r.status),
    (r, ctx) => {
      const codes = jsonInputErrors(b, ctx.operationId as "sendSmsCode" | "verifyTelecomIdentity", jsonInput(ctx));
      return codes.length > 0 ? errorReply(codes) : r;
    },
  );
}

const DOCUMENT_KINDS = new Set(["license", "passport", "passcard"]);
const FAMILIES = new Set(["telecom", "document", "verification"]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path naming a product that does not exist (D32): an unknown document kind, or an unknown status family with a UUID. */
function unknownProductPath(path: string, method: string | undefined): boolean {
  const doc = /^\/api\/v2\/document\/([^/]+)\/verify$/.exec(path);
  if (doc && method === "POST") return !DOCUMENT_KINDS.has(doc[1]);
  const status = /^\/api\/v2\/([^/]+)\/([^/]+)$/.exec(path);
  return method === "GET" && status !== null && !FAMILIES.has(status[1]) && UUID.test(status[2]);
}

export const orderFaults: CatalogueFault[] = [
  {
    id: "blind3-order-inputs-before-product",
    title: "Inputs are validated before the product check",
    description:
      "An identity request of an account without the product, with a bad phone, answers 422 3101 instead of 403 2300 (D15: product before inputs, ACCESS-09; ACCESS-03/04 then fail for such requests).",
    breaks: ["ACCESS-09", "ACCESS-03", "ACCESS-04"],
    apply: (b) =>
      inputsBefore(
        b,
        ["verifyTelecomIdentity", "sendSmsCode"],
        (codes, status) => status === 403 && (codes.includes(2200) || codes.includes(2300)),
      ),
  },
  {
    id: "blind3-order-inputs-before-not-found",
    title: "Inputs are validated before the verification_id lookup",
    description:
      "A send naming an unknown verification_id with a bad phone answers 422 3101 instead of 404 4100 (D15: ids before inputs, NOTFOUND-08, NOTFOUND-07).",
    breaks: ["NOTFOUND-08", "NOTFOUND-07"],
    apply: (b) => inputsBefore(b, ["sendSmsCode", "verifyTelecomIdentity"], (codes, status) => status === 404 && codes.includes(4100)),
  },
  {
    id: "blind3-order-inputs-before-rate-limit",
    title: "Inputs are validated before the rate limit",
    description:
      "A rate-limited send with a bad phone answers 422 3101 instead of 429 (D15: the limit before inputs, RATE-09; RATE-01/02 then fail for such requests).",
    breaks: ["RATE-09", "RATE-01", "RATE-02"],
    apply: (b) => inputsBefore(b, ["sendSmsCode", "verifyTelecomIdentity"], (_codes, status) => status === 429),
  },
  {
    id: "blind3-order-code-before-ownership",
    title: "The confirm's code is checked before the transaction's owner",
    description:
      "Confirming another account's transaction with a malformed code answers 422 3102 instead of 403 3200 (D15: ownership before inputs, ACCESS-10, ACCESS-06).",
    breaks: ["ACCESS-10", "ACCESS-06"],
    apply: (b) =>
      rewrite(
        b,
        (r, ctx) => answerOf(ctx, ["confirmSmsCode"]) && codesOf(r).includes(3200) && !b.validators.otpFormat(jsonInput(ctx).code),
        () => errorReply([3102]),
      ),
  },
  {
    id: "blind3-order-product-before-credentials",
    title: "An unknown product is refused before the credentials are checked",
    description:
      "`/api/v2/document/visa/verify` (or `GET /api/v2/visa/<uuid>`) answers 403 2100 even without valid credentials; D15 checks credentials first (AUTH-10, AUTH-01…07).",
    breaks: ["AUTH-10", "AUTH-01", "AUTH-02", "AUTH-03", "AUTH-04", "AUTH-05", "AUTH-06", "AUTH-07"],
    apply: (b) =>
      rewrite(
        b,
        (r, ctx) => ctx.kind === "response" && r.status === 401 && unknownProductPath(pathOf(ctx), ctx.request?.method),
        () => errorReply([2100]),
      ),
  },
  {
    id: "blind3-otp-lock-spares-right-code",
    title: "The right code is checked before the OTP lock",
    description:
      "After the 3rd wrong code (3104) further wrong codes answer 3104, but the right code still confirms: the code is compared before the lock; D19 answers 3104 even with the right code (INPUT-OTP-05).",
    breaks: ["INPUT-OTP-05"],
    apply: (b) => {
      // The store never locks; the answers of wrong codes are counted here and turn into 3104 at the limit.
      const limit = b.otp.maxWrongCodes;
      b.otp.maxWrongCodes = Number.POSITIVE_INFINITY;
      const wrong = new Map<string, number>();
      rewrite(
        b,
        (r, ctx) => answerOf(ctx, ["confirmSmsCode"]) && r.status === 422 && codesOf(r).join() === "3102",
        (r, ctx) => {
          const input = jsonInput(ctx);
          if (!b.validators.otpFormat(input.code) || typeof input.transaction_id !== "string") return r; // malformed: not a try
          const id = input.transaction_id.toLowerCase();
          const count = (wrong.get(id) ?? 0) + 1;
          if (wrong.size >= 20_000 && !wrong.has(id)) wrong.delete(wrong.keys().next().value as string);
          wrong.set(id, count);
          return count >= limit ? errorReply([3104]) : r;
        },
      );
    },
  },
];
