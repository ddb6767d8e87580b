// The right condition answered wrongly: HTTP status vs code, the wrong code, envelope and header slips, a field of
// the wrong type, and the wrong image read (D6, D13, D14, D15, D21, D23, D24, D28).
import { isEnvelope } from "../../mock/faults-api.js";
import type { Json } from "../transform.js";
import { codesOf, remapCode, rewrite, rewriteTransactions } from "../transform.js";
import type { CatalogueFault } from "../types.js";
import { DOCUMENT_POSTS, answerOf } from "./util.js";

export const answerFaults: CatalogueFault[] = [
  {
    id: "blind3-retry-limit-as-429",
    title: "Retry limit exceeded answered 429",
    description:
      "3104 (too many tries) is sent with HTTP 429, like a rate limit; the catalogue puts 3104 under 422 (INPUT-OTP-04, INPUT-OTP-05, TELECOM-SANDBOX-02, SCHEMA-05).",
    breaks: ["INPUT-OTP-04", "INPUT-OTP-05", "TELECOM-SANDBOX-02", "SCHEMA-05"],
    apply: (b) => remapCode(b, 3104, { status: 429 }),
  },
  {
    id: "blind3-transaction-ownership-as-404",
    title: "Another account's transaction answered 404 with 3200",
    description:
      "Hiding foreign transactions, the status is 404 while the code stays 3200; the catalogue pairs 3200 with 403 (ACCESS-05, ACCESS-06, ACCESS-10, SCHEMA-05).",
    breaks: ["ACCESS-05", "ACCESS-06", "ACCESS-10", "SCHEMA-05"],
    apply: (b) => remapCode(b, 3200, { status: 404 }),
  },
  {
    id: "blind3-server-error-as-503",
    title: "Internal errors answered 503",
    description:
      "The 5000 envelope comes with HTTP 503 (a proxy's status); the catalogue and D24 pair 5000 with 500, and no operation documents 503 (SERVER-01, SCHEMA-09, SCHEMA-05).",
    breaks: ["SERVER-01", "SCHEMA-09", "SCHEMA-05"],
    apply: (b) => remapCode(b, 5000, { status: 503 }),
  },
  {
    id: "blind3-verification-ownership-3200",
    title: "Another account's verification answered 3200",
    description:
      "Verification ownership uses 3200, as the verification page's example does; D13 follows the table: 3300 (ACCESS-07, ACCESS-08, ACCESS-10, SCHEMA-05).",
    breaks: ["ACCESS-07", "ACCESS-08", "ACCESS-10", "SCHEMA-05"],
    apply: (b) => remapCode(b, 3300, { code: 3200 }),
  },
  {
    id: "blind3-first-input-error-only",
    title: "A 422 lists only the first input error",
    description:
      'Validation stops at the first failing input: a too-small image with a bad callback_url lists only 3109; D15 wants every input error listed (DOCUMENT-15, INPUT-SEVERAL-01; each "code among the errors" rule fails when its input is not the first wrong one).',
    breaks: [
      "DOCUMENT-15",
      "INPUT-SEVERAL-01",
      "DOCUMENT-05",
      "DOCUMENT-06",
      "DOCUMENT-14",
      "INPUT-CALLBACK-01",
      "INPUT-BIRTHDATE-01",
      "INPUT-BIRTHDATE-02",
      "INPUT-BIRTHDATE-03",
      "INPUT-OTP-01",
    ],
    apply: (b) =>
      rewrite(
        b,
        (r, ctx) => ctx.kind === "response" && r.status === 422 && codesOf(r).length > 1,
        (r) => ({ ...r, body: { errors: (r.body as { errors: Json[] }).errors.slice(0, 1) } }),
      ),
  },
  {
    id: "blind3-gateway-429-body",
    title: "429 answers in a gateway's own body",
    description:
      "A 429 carries `{message, code}` at the top level (an API gateway's format) instead of the `errors` list; the DOC envelope holds for every HTTP-level error (SCHEMA-01, SCHEMA-10, RATE-01..03).",
    breaks: ["SCHEMA-01", "SCHEMA-10", "RATE-01", "RATE-02", "RATE-03"],
    apply: (b) =>
      rewrite(
        b,
        (r, ctx) => ctx.kind === "response" && r.status === 429 && isEnvelope(r.body),
        (r) => {
          const [first] = (r.body as { errors: Json[] }).errors;
          return { ...r, body: { message: first.message, code: first.code } };
        },
      ),
  },
  {
    id: "blind3-additional-info-object",
    title: "additional_info is an object",
    description:
      'A transaction error\'s additional_info is `{detail: "…"}` instead of a string (answers and webhooks); the DOC example and TRANSACTION-03 want a string (TRANSACTION-03, SCHEMA-10).',
    breaks: ["TRANSACTION-03", "SCHEMA-10"],
    apply: (b) =>
      rewriteTransactions(b, (tx) => {
        const errors = tx.results?.errors;
        if (!Array.isArray(errors)) return tx;
        tx.results.errors = errors.map((e: Json) =>
          typeof e.additional_info === "string" ? { ...e, additional_info: { detail: e.additional_info } } : e,
        );
        return tx;
      }),
  },
  {
    id: "blind3-document-answer-text-plain",
    title: "Document uploads are answered as text/plain",
    description:
      "The 200 answer of a document verify POST (a multipart request) is JSON served as `text/plain; charset=utf-8`; SCHEMA-06 wants application/json.",
    breaks: ["SCHEMA-06"],
    apply: (b) =>
      rewrite(
        b,
        (r, ctx) => answerOf(ctx, DOCUMENT_POSTS) && r.status === 200,
        (r) => ({ ...r, headers: { ...r.headers, "content-type": "text/plain; charset=utf-8" } }),
      ),
  },
  {
    id: "blind3-retry-after-past-window",
    title: "Retry-After one second longer than the window",
    description:
      "Retry-After is rounded up and then incremented (2 s for a 1 s window): longer than the window, which RATE-06 forbids where the profile requires it (D23).",
    breaks: ["RATE-06"],
    apply: (b) =>
      rewrite(
        b,
        (r, ctx) => ctx.kind === "response" && r.status === 429 && r.headers["retry-after"] !== undefined,
        (r) => ({ ...r, headers: { ...r.headers, "retry-after": String(Number(r.headers["retry-after"]) + 1) } }),
      ),
  },
  {
    id: "blind3-passcard-checks-back-only",
    title: "Passcard uploads check the back image only",
    description:
      "The passcard's required-image list holds only `back_image`: its front is never checked, so a missing, tiny, huge or GIF front passes (DOCUMENT-05..07, -09, -12, -13, -15 on verifyPasscard, D28).",
    breaks: ["DOCUMENT-05", "DOCUMENT-06", "DOCUMENT-07", "DOCUMENT-09", "DOCUMENT-12", "DOCUMENT-13", "DOCUMENT-15"],
    apply: (b) => {
      b.requiredImages["document.passcard.verify"] = ["back_image"];
    },
  },
];
