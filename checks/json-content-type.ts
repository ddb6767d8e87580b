/**
 * `json_content_type`: a body that is JSON is served as `application/json` (a `+json` type and
 * parameters such as `charset` are fine); `text/html` or `text/plain` around JSON is named.
 */
import type { Check } from "./types.js";

export const json_content_type: Check = (x) => {
  if (!x.isJson()) return undefined;
  const type = x.contentType().split(";")[0].trim();
  if (type === "application/json" || /^application\/[\w.-]+\+json$/.test(type)) return undefined;
  return {
    check: "json_content_type",
    title: `a JSON body is served as ${type ? JSON.stringify(type) : "no Content-Type"}, expected application/json`,
    expected: "Content-Type: application/json",
    received: `Content-Type: ${x.response.headers["content-type"] ?? "(none)"}`,
    hint: "Clients pick their parser by Content-Type; every JSON answer of the API is application/json (the spec's content types).",
  };
};
