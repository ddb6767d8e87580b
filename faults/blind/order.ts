// The order of checks (D15): 401 → 403 product → 429 (5200, then 5100) → 404 / 403 ownership → 422.
// Each fault lets one later check win over one earlier check; the mock stopped at the earlier one, so nothing else ran.
import type { MockBehaviour, ReplyContext } from "../../mock/faults-api.js";
import { rewrite } from "../transform.js";
import type { CatalogueFault } from "../types.js";
import type { Seen } from "./support.js";
import {
  JSON_OPS,
  STATUS_GETS,
  ShadowWindows,
  accountOfHeader,
  admitted,
  bodyOf,
  codes,
  errors,
  inputCodes,
  isUuid,
  observe,
  pathId,
  pathOf,
  productOf,
} from "./support.js";

const PRODUCT_REFUSALS = [2100, 2200, 2300];
const isProductRefusal = (c: number[]) => c.some((x) => PRODUCT_REFUSALS.includes(x));

/** The 422 the inputs of a JSON request would earn, or none. */
const inputsOf = (b: MockBehaviour, c: ReplyContext) =>
  JSON_OPS.includes(c.operationId ?? "") ? inputCodes(b, c.operationId, bodyOf(c)) : [];

/** Does the request name an id (path, transaction_id, verification_id) that the answers so far never showed? */
function namesUnknownId(seen: Seen, c: ReplyContext): boolean {
  const op = c.operationId ?? "";
  const unknown = (id: unknown, map: Map<string, unknown>) => !isUuid(id) || !map.has(id.toLowerCase());
  if (STATUS_GETS.includes(op)) return unknown(pathId(c), seen.transactions);
  if (op === "getVerification") return unknown(pathId(c), seen.verifications);
  const body = bodyOf(c);
  if (op === "confirmSmsCode" && typeof body.transaction_id === "string") return unknown(body.transaction_id, seen.transactions);
  if ((op === "sendSmsCode" || op === "verifyTelecomIdentity") && body.verification_id !== undefined && body.verification_id !== null) {
    return unknown(body.verification_id, seen.verifications);
  }
  return false;
}

const KNOWN_FAMILIES = ["telecom", "document", "verification"];

export const orderFaults: CatalogueFault[] = [
  {
    id: "blind-order-unknown-product-before-credentials",
    title: "an unknown product is refused before the credentials are checked",
    description:
      "Without valid credentials, /api/v2/document/{x}/verify and GET /api/v2/{x}/{uuid} for an unknown product answer 403 2100 instead of 401.",
    breaks: ["AUTH-10"],
    apply: (b) =>
      rewrite(
        b,
        (r, c) => {
          if (c.kind !== "response" || c.operationId !== null || r.status !== 401) return false;
          const path = pathOf(c);
          const method = c.request?.method;
          if (method === "POST" && /^\/api\/v2\/document\/[^/]+\/verify\/?$/.test(path)) return true;
          const m = /^\/api\/v2\/([^/]+)\/([^/]+)\/?$/.exec(path);
          return method === "GET" && m !== null && !KNOWN_FAMILIES.includes(m[1]) && isUuid(m[2]);
        },
        () => errors([2100]),
      ),
  },
  {
    id: "blind-order-bad-path-before-credentials",
    title: "malformed path ids and unknown routes are answered before the credentials",
    description:
      "Path validation runs before authentication: without credentials, GET /api/v2/telecom/not-a-uuid or an unknown /api/v2 route answers 404 4100 instead of 401.",
    breaks: ["AUTH-10"],
    apply: (b) =>
      rewrite(
        b,
        (r, c) => {
          if (c.kind !== "response" || r.status !== 401) return false;
          const path = pathOf(c);
          const method = c.request?.method;
          const m = /^\/api\/v2\/([^/]+)\/([^/]+)\/?$/.exec(path);
          if (method === "GET" && m && !isUuid(m[2])) return true; // a status / verification GET of a non-UUID
          if (c.operationId !== null) return false;
          if (method === "POST" && /^\/api\/v2\/document\/[^/]+\/verify\/?$/.test(path)) return false; // 2100 with credentials
          if (method === "GET" && m && isUuid(m[2])) return false; // 2100 with credentials
          return path.startsWith("/api/v2");
        },
        () => errors([4100]),
      ),
  },
  {
    id: "blind-order-inputs-before-credentials",
    title: "inputs are validated before the credentials",
    description: "A JSON POST with invalid inputs and no (or bad) credentials answers 422 with the input codes instead of 401.",
    breaks: ["AUTH-10"],
    apply: (b) =>
      rewrite(
        b,
        (r, c) => c.kind === "response" && r.status === 401 && inputsOf(b, c).length > 0,
        (_r, c) => errors(inputsOf(b, c)),
      ),
  },
  {
    id: "blind-order-ownership-before-credentials",
    title: "ownership is compared before the credentials",
    description:
      "The record is loaded and compared with the (absent) caller first: without credentials, a GET of an existing transaction or verification answers 403 3200 / 3300 instead of 401.",
    breaks: ["AUTH-10"],
    apply: (b) => {
      const seen = observe(b);
      rewrite(
        b,
        (r, c) => {
          if (c.kind !== "response" || r.status !== 401) return false;
          const id = String(pathId(c)).toLowerCase();
          if (STATUS_GETS.includes(c.operationId ?? "")) return seen.transactions.has(id);
          return c.operationId === "getVerification" && seen.verifications.has(id);
        },
        (_r, c) => errors([c.operationId === "getVerification" ? 3300 : 3200]),
      );
    },
  },
  {
    id: "blind-order-inputs-before-product",
    title: "inputs are validated before the product check",
    description: "An identity POST by an account without the product, with invalid inputs, answers 422 instead of 403 2300 (or 2200).",
    breaks: ["ACCESS-09"],
    apply: (b) =>
      rewrite(
        b,
        (r, c) => c.kind === "response" && r.status === 403 && isProductRefusal(codes(r)) && inputsOf(b, c).length > 0,
        (_r, c) => errors(inputsOf(b, c)),
      ),
  },
  {
    id: "blind-order-verification-before-product",
    title: "verification_id is resolved before the product check",
    description:
      "An identity POST by an account without the product, naming an unknown verification_id, answers 404 4100 instead of 403 2300.",
    breaks: ["ACCESS-04"],
    apply: (b) => {
      const seen = observe(b);
      rewrite(
        b,
        (r, c) =>
          c.kind === "response" &&
          r.status === 403 &&
          isProductRefusal(codes(r)) &&
          (c.operationId === "sendSmsCode" || c.operationId === "verifyTelecomIdentity") &&
          namesUnknownId(seen, c),
        () => errors([4100]),
      );
    },
  },
  {
    id: "blind-order-inputs-before-rate-limit",
    title: "inputs are validated before the rate limit",
    description: "A rate-limited JSON POST with invalid inputs answers 422 instead of 429 (the limit is checked before inputs, D15).",
    breaks: ["RATE-09"],
    apply: (b) =>
      rewrite(
        b,
        (r, c) => c.kind === "response" && r.status === 429 && inputsOf(b, c).length > 0,
        (_r, c) => errors(inputsOf(b, c)),
      ),
  },
  {
    id: "blind-order-unknown-id-before-rate-limit",
    title: "ids are resolved before the rate limit",
    description:
      "A rate-limited request naming an id that names nothing (path id, transaction_id, verification_id) answers 404 4100 instead of 429.",
    breaks: ["RATE-01", "RATE-02"],
    apply: (b) => {
      const seen = observe(b);
      rewrite(
        b,
        (r, c) => c.kind === "response" && r.status === 429 && namesUnknownId(seen, c),
        () => errors([4100]),
      );
    },
  },
  {
    id: "blind-order-product-limit-before-account-limit",
    title: "the product limit is checked before the account limit",
    description: "When both the account limit and the product limit are passed, a transaction POST answers 429 5100 instead of 5200 (D15).",
    breaks: ["RATE-03"],
    apply: (b) => {
      const shadow = new ShadowWindows(() => b.now().getTime());
      rewrite(
        b,
        (r, c) => {
          if (c.kind !== "response") return false;
          const product = productOf(c.operationId);
          const account = accountOfHeader(b, c.request?.headers.authorization);
          const limits = account ? b.rateLimit.limitsFor(account) : null;
          if (!product || !account || !limits) return false;
          const key = `${account}|${product}`;
          if (admitted(r, c)) {
            shadow.hit(key, limits.windowMs);
            return false;
          }
          return r.status === 429 && codes(r).includes(5200) && shadow.count(key, limits.windowMs) >= limits.perProduct;
        },
        (_r, c) => {
          const account = accountOfHeader(b, c.request?.headers.authorization)!;
          const limits = b.rateLimit.limitsFor(account)!;
          return errors([5100], { "retry-after": shadow.retryAfter(`${account}|${productOf(c.operationId)}`, limits.windowMs) });
        },
      );
    },
  },
  {
    id: "blind-order-inputs-before-transaction-owner",
    title: "the code is validated before the transaction's owner",
    description: "A confirm of another account's transaction with a malformed code answers 422 3102 instead of 403 3200.",
    breaks: ["ACCESS-10"],
    apply: (b) =>
      rewrite(
        b,
        (r, c) => c.operationId === "confirmSmsCode" && codes(r).includes(3200) && inputsOf(b, c).includes(3102),
        () => errors([3102]),
      ),
  },
  {
    id: "blind-order-inputs-before-verification-owner",
    title: "inputs are validated before the verification's owner",
    description: "A send or identity POST naming another account's verification, with invalid inputs, answers 422 instead of 403 3300.",
    breaks: ["ACCESS-10"],
    apply: (b) =>
      rewrite(
        b,
        (r, c) =>
          (c.operationId === "sendSmsCode" || c.operationId === "verifyTelecomIdentity") &&
          codes(r).includes(3300) &&
          inputsOf(b, c).length > 0,
        (_r, c) => errors(inputsOf(b, c)),
      ),
  },
  {
    id: "blind-order-inputs-before-unknown-transaction",
    title: "the code is validated before the transaction is looked up",
    description: "A confirm naming no transaction, with a malformed code, answers 422 3102 instead of 404 4100.",
    breaks: ["NOTFOUND-08"],
    apply: (b) =>
      rewrite(
        b,
        (r, c) => c.operationId === "confirmSmsCode" && r.status === 404 && inputsOf(b, c).includes(3102),
        () => errors([3102]),
      ),
  },
  {
    id: "blind-order-inputs-before-unknown-verification",
    title: "inputs are validated before verification_id is looked up",
    description: "A send or identity POST naming a verification that does not exist, with invalid inputs, answers 422 instead of 404 4100.",
    breaks: ["NOTFOUND-08"],
    apply: (b) =>
      rewrite(
        b,
        (r, c) =>
          (c.operationId === "sendSmsCode" || c.operationId === "verifyTelecomIdentity") && r.status === 404 && inputsOf(b, c).length > 0,
        (_r, c) => errors(inputsOf(b, c)),
      ),
  },
];
