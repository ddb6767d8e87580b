// Products and ownership (403) and unknown ids and routes (404).
import { JSON_CT, rewrite } from "../transform.js";
import type { CatalogueFault } from "../types.js";
import { STATUS_GETS, bodyOf, callerToken, codes, errors, isUuid, observe, pathId, pathOf } from "./support.js";

const VERIFICATION_POSTS = ["sendSmsCode", "verifyTelecomIdentity", "verifyLicense", "verifyPassport", "verifyPasscard"];

export const accessFaults: CatalogueFault[] = [
  {
    id: "blind-verification-ownership-3200",
    title: "another account's verification answers 3200",
    description: "GET of another account's verification answers 403 3200 (the verification page's example) instead of 3300 (D13).",
    breaks: ["ACCESS-07", "SCHEMA-05"],
    apply: (b) =>
      rewrite(
        b,
        (r, c) => c.operationId === "getVerification" && codes(r).includes(3300),
        () => errors([3200]),
      ),
  },
  {
    id: "blind-verification-id-ownership-3200",
    title: "a transaction POST naming another account's verification answers 3200",
    description:
      "A transaction POST whose verification_id is another account's answers 403 3200 instead of 3300 (GET /verification keeps 3300).",
    breaks: ["ACCESS-08", "SCHEMA-05"],
    apply: (b) =>
      rewrite(
        b,
        (r, c) => VERIFICATION_POSTS.includes(c.operationId ?? "") && codes(r).includes(3300),
        () => errors([3200]),
      ),
  },
  {
    id: "blind-ownership-unchecked-on-confirm",
    title: "the confirm does not check the transaction's owner",
    description:
      "Another account can confirm an SMS transaction (200, or 3102 for a wrong code) instead of 403 3200; the status GETs still answer 3200.",
    breaks: ["ACCESS-06"],
    apply: (b) => {
      const seen = observe(b);
      b.ownership.transactions = false;
      rewrite(
        b,
        (r, c) => {
          if (c.kind !== "response" || !STATUS_GETS.includes(c.operationId ?? "") || r.status !== 200) return false;
          const known = seen.transactions.get(String(pathId(c)).toLowerCase());
          return known !== undefined && known.owner !== callerToken(b, c);
        },
        () => errors([3200]),
      );
    },
  },
  {
    id: "blind-ownership-unchecked-on-verification-id",
    title: "a transaction POST may join another account's verification",
    description:
      "The verification_id of a transaction POST is not checked for ownership (200, the transaction joins it) instead of 403 3300; GET /verification still answers 3300.",
    breaks: ["ACCESS-08"],
    apply: (b) => {
      const seen = observe(b);
      b.ownership.verifications = false;
      rewrite(
        b,
        (r, c) => {
          if (c.kind !== "response" || c.operationId !== "getVerification" || r.status !== 200) return false;
          const id = String(pathId(c)).toLowerCase();
          return seen.verifications.has(id) && seen.verifications.get(id) !== callerToken(b, c);
        },
        () => errors([3300]),
      );
    },
  },
  {
    id: "blind-product-inactive-as-disabled",
    title: "an inactive product answers 2300",
    description: "A product that is not active for the organization answers 403 2300 ('not enabled for this account') instead of 2200.",
    breaks: ["ACCESS-03"],
    apply: (b) =>
      rewrite(
        b,
        (r) => codes(r).includes(2200),
        () => errors([2300]),
      ),
  },
  {
    id: "blind-unknown-document-type-404",
    title: "an unknown document type answers 404",
    description:
      "POST /api/v2/document/{x}/verify for a type that does not exist answers 404 4100 (route not found) instead of 403 2100 (D32).",
    breaks: ["ACCESS-01"],
    apply: (b) =>
      rewrite(
        b,
        (r, c) => c.operationId === null && /^\/api\/v2\/document\/[^/]+\/verify\/?$/.test(pathOf(c)) && codes(r).includes(2100),
        () => errors([4100]),
      ),
  },
  {
    id: "blind-unknown-product-family-404",
    title: "a status GET of an unknown product family answers 404",
    description: "GET /api/v2/{x}/{uuid} for a product family that does not exist answers 404 4100 instead of 403 2100 (D32).",
    breaks: ["ACCESS-02"],
    apply: (b) =>
      rewrite(
        b,
        (r, c) => c.operationId === null && /^\/api\/v2\/[^/]+\/[^/]+\/?$/.test(pathOf(c)) && codes(r).includes(2100),
        () => errors([4100]),
      ),
  },
];

export const notFoundFaults: CatalogueFault[] = [
  {
    id: "blind-unknown-verification-id-3300",
    title: "a verification_id naming nothing answers 3300",
    description:
      "A send or identity POST whose verification_id names no verification answers 403 3300 (its owner, none, is not the caller) instead of 404 4100.",
    breaks: ["NOTFOUND-07"],
    apply: (b) =>
      rewrite(
        b,
        (r, c) =>
          (c.operationId === "sendSmsCode" || c.operationId === "verifyTelecomIdentity") &&
          codes(r).includes(4100) &&
          bodyOf(c).verification_id !== undefined,
        () => errors([3300]),
      ),
  },
  {
    id: "blind-non-uuid-path-id-500",
    title: "a path id that is not a UUID answers 500",
    description: "A status or verification GET whose path id is not a UUID fails in the database cast: 500 5000 instead of 404 4100 (D31).",
    breaks: ["NOTFOUND-03"],
    apply: (b) =>
      rewrite(
        b,
        (r, c) => [...STATUS_GETS, "getVerification"].includes(c.operationId ?? "") && codes(r).includes(4100) && !isUuid(pathId(c)),
        () => errors([5000]),
      ),
  },
  {
    id: "blind-document-path-serves-telecom",
    title: "the document status path serves telecom transactions",
    description:
      "GET /api/v2/document/{id} of a telecom transaction answers 200 with its body (3200 for another account's) instead of 404 4100 (D29).",
    breaks: ["NOTFOUND-05"],
    apply: (b) => {
      const seen = observe(b);
      rewrite(
        b,
        (r, c) => {
          if (c.operationId !== "getDocumentTransaction" || !codes(r).includes(4100)) return false;
          return seen.transactions.get(String(pathId(c)).toLowerCase())?.product.startsWith("telecom.") === true;
        },
        (_r, c) => {
          const known = seen.transactions.get(String(pathId(c)).toLowerCase())!;
          if (known.owner !== callerToken(b, c)) return errors([3200]);
          return { status: 200, headers: { "content-type": JSON_CT }, body: structuredClone(known.body) };
        },
      );
    },
  },
  {
    id: "blind-unknown-route-code-string",
    title: 'unknown routes answer code "4100" as a string',
    description: 'The router\'s own 404 writes {"errors":[{"code":"4100",…}]}: the code is a JSON string, not an integer.',
    breaks: ["NOTFOUND-04", "SCHEMA-02"],
    apply: (b) =>
      rewrite(
        b,
        (r, c) => c.kind === "response" && c.operationId === null && r.status === 404 && codes(r).includes(4100),
        (r) => ({
          ...r,
          body: { errors: (r.body as { errors: Array<Record<string, unknown>> }).errors.map((e) => ({ ...e, code: String(e.code) })) },
        }),
      ),
  },
  {
    id: "blind-unknown-route-html",
    title: "unknown routes outside /api/v2 answer an HTML page",
    description: "A path outside /api/v2 that the API does not have (e.g. /api/v1/x, /nothing) answers the web server's HTML 404 page.",
    breaks: ["NOTFOUND-04", "SCHEMA-08"],
    apply: (b) =>
      rewrite(
        b,
        (r, c) => c.kind === "response" && c.operationId === null && r.status === 404 && !pathOf(c).startsWith("/api/v2"),
        (r, c) => ({
          ...r,
          headers: { "content-type": "text/html; charset=utf-8" },
          body: `<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1><p>${pathOf(c).replace(/[<>&"]/g, "")}</p></body></html>`,
        }),
      ),
  },
];
