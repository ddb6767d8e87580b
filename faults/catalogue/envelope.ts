// Error-envelope and transport faults (overview "Errors and HTTP status codes"): shape, types, statuses, media types.
import type { CatalogueFault } from "../types.js";
import { JSON_CT, codesOf, remapCode, rewrite, rewriteErrors } from "../transform.js";
import { isEnvelope } from "../../mock/faults-api.js";

export const envelopeFaults: CatalogueFault[] = [
  {
    id: "errors-as-object",
    title: "errors as an object",
    description: "The error envelope carries its first error as an object (`errors: {code, message}`) instead of a list.",
    breaks: ["SCHEMA-01"],
    apply: (b) =>
      rewrite(
        b,
        (r) => isEnvelope(r.body),
        (r) => ({ ...r, body: { errors: (r.body as { errors: unknown[] }).errors[0] } }),
      ),
  },
  {
    id: "error-code-as-string",
    title: "error codes as strings",
    description: 'Error codes are JSON strings (`"code": "1100"`) instead of integers.',
    breaks: ["SCHEMA-02"],
    apply: (b) => rewriteErrors(b, (e) => ({ ...e, code: String(e.code) })),
  },
  {
    id: "error-message-missing",
    title: "error messages missing",
    description: "Error objects carry only `code`, no `message`.",
    breaks: ["SCHEMA-01", "SCHEMA-03", "SCHEMA-04"],
    apply: (b) => rewriteErrors(b, ({ message: _dropped, ...rest }) => rest),
  },
  {
    id: "unprocessable-as-400",
    title: "input errors answered 400",
    description: "Every 422 input error is sent with HTTP 400; codes and envelope stay.",
    breaks: [
      "INPUT-PHONE-01",
      "INPUT-PHONE-02",
      "INPUT-BIRTHDATE-01",
      "INPUT-BIRTHDATE-02",
      "INPUT-BIRTHDATE-03",
      "INPUT-CALLBACK-01",
      "INPUT-OTP-01",
      "INPUT-OTP-02",
      "INPUT-OTP-04",
      "INPUT-OTP-05",
      "INPUT-CONFIRM-01",
      "INPUT-METADATA-01",
      "INPUT-SEVERAL-01",
      "DOCUMENT-05",
      "DOCUMENT-06",
      "DOCUMENT-07",
      "DOCUMENT-09",
      "DOCUMENT-10",
      "DOCUMENT-14",
      "DOCUMENT-15",
      "TELECOM-SANDBOX-02",
      "DOCUMENT-12",
      "DOCUMENT-13",
      "INPUT-OTP-03",
      "SCHEMA-09",
    ],
    apply: (b) =>
      rewrite(
        b,
        (r) => r.status === 422,
        (r) => ({ ...r, status: 400 }),
      ),
  },
  {
    id: "first-input-error-only",
    title: "422 lists only the first error",
    description: "A request with several input errors gets a 422 that lists only the first one found (D15: every one).",
    breaks: ["INPUT-SEVERAL-01", "DOCUMENT-15"],
    apply: (b) =>
      rewrite(
        b,
        (r) => r.status === 422 && codesOf(r).length > 1,
        (r) => ({
          ...r,
          body: { errors: (r.body as { errors: unknown[] }).errors.slice(0, 1) },
        }),
      ),
  },
  {
    id: "json-wrong-content-type",
    title: "JSON sent as text/html",
    description: "Every JSON answer is labelled `Content-Type: text/html`; the bytes are unchanged.",
    breaks: ["SCHEMA-06"],
    apply: (b) =>
      rewrite(
        b,
        (r, c) => c.kind === "response" && r.headers["content-type"] === JSON_CT,
        (r) => ({
          ...r,
          headers: { ...r.headers, "content-type": "text/html; charset=utf-8" },
        }),
      ),
  },
  {
    id: "unknown-route-html",
    title: "unknown route answers an HTML page",
    description: "A path the API does not have answers 404 with an HTML page instead of the 404 / 4100 envelope.",
    breaks: ["NOTFOUND-04", "SCHEMA-08"],
    apply: (b) =>
      rewrite(
        b,
        (r, c) => c.operationId === null && codesOf(r).includes(4100),
        (r) => ({
          ...r,
          headers: { "content-type": "text/html; charset=utf-8" },
          body: "<html><body><h1>404 Not Found</h1></body></html>",
        }),
      ),
  },
  {
    id: "server-error-plain-text",
    title: "500 without the envelope",
    description: "A 500 answers the text `Internal Server Error` instead of `{errors: [{code: 5000, …}]}`.",
    breaks: ["SERVER-01", "SCHEMA-01"],
    apply: (b) =>
      rewrite(
        b,
        (r) => r.status === 500,
        (r) => ({
          ...r,
          headers: { "content-type": "text/plain; charset=utf-8" },
          body: "Internal Server Error",
        }),
      ),
  },
  {
    id: "error-messages-generic",
    title: "generic error messages",
    description: "Every error message is `Bad request` instead of the catalogue's text for its code (exact-message mode).",
    breaks: ["SCHEMA-04"],
    apply: (b) => rewriteErrors(b, (e) => ({ ...e, message: "Bad request" })),
  },
  {
    id: "small-image-code-2006",
    title: "small image answered with code 2006",
    description: "A too-small image answers 422 with the overview example's 2006 instead of 3109 (D12: 2006 is undocumented).",
    breaks: ["DOCUMENT-05", "SCHEMA-05", "DOCUMENT-09", "DOCUMENT-10", "DOCUMENT-12"],
    apply: (b) => rewriteErrors(b, (e) => (e.code === 3109 ? { code: 2006, message: "The file size is too small" } : e)),
  },
  {
    id: "confirm-without-transaction-404",
    title: "confirm without transaction answered 404",
    description: "A confirm with no transaction_id (or one naming a non-SMS transaction) answers 404 / 4100 instead of 422 / 3105.",
    breaks: ["INPUT-CONFIRM-01"],
    apply: (b) => remapCode(b, 3105, { status: 404, code: 4100 }),
  },
];
