/**
 * `json_content_type`: a body that is JSON is served as `application/json` (parameters such as
 * `charset` are fine; a `+json` type is not, D41); `text/html`, `text/plain` or `application/problem+json`
 * around JSON is named.
 */
import type { Check } from "./types.js";

export const json_content_type: Check = (x) => {
  if (!x.isJson()) return undefined;
  const type = x.contentType().split(";")[0].trim();
  // D41: the media type is application/json itself (any letter case, any parameters); a `+json` type such as
  // application/problem+json is another media type, which a client that asks for application/json may refuse.
  if (type.toLowerCase() === "application/json") return undefined;
  return {
    check: "json_content_type",
    title: `a JSON body is served as ${type ? JSON.stringify(type) : "no Content-Type"}, expected application/json`,
    expected: "Content-Type: application/json",
    received: `Content-Type: ${x.response.headers["content-type"] ?? "(none)"}`,
    hint: "Clients pick their parser by Content-Type; every JSON answer of the API is application/json (the spec's content types).",
  };
};
