/**
 * Defines `matchRequest`: which Services API v2 operation a recorded or proxied request addressed, from the
 * spec's paths (lib/spec.ts `matchOperation`). A path under `/api/v2` that no operation has is still an
 * API call (an unknown route: judged with no operation, as the suite judges its own unknown-route
 * requests); anything else — another host, a page, an asset, a CORS preflight — is skipped with the reason.
 */
import { matchOperation, type OperationId } from "../lib/spec.js";

export type Match =
  | { kind: "operation"; operationId: OperationId; path: string }
  | { kind: "unknown-route"; path: string }
  | { kind: "skip"; reason: string };

/**
 * `base`: only requests to this origin (and under its path, which is stripped) are API calls; without it,
 * any host is, judged by its path alone.
 */
export function matchRequest(method: string, url: string, base?: URL): Match {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { kind: "skip", reason: `not an absolute URL: ${url.slice(0, 200)}` };
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return { kind: "skip", reason: `not HTTP(S): ${u.protocol}` };
  let path = u.pathname;
  if (base) {
    if (u.origin !== base.origin) return { kind: "skip", reason: `another origin than ${base.origin}: ${u.origin}` };
    const prefix = base.pathname.replace(/\/+$/, "");
    if (prefix && path !== prefix && !path.startsWith(`${prefix}/`)) return { kind: "skip", reason: `outside ${base.href}: ${path}` };
    path = path.slice(prefix.length) || "/";
  }
  const m = method.toUpperCase();
  if (m === "OPTIONS") return { kind: "skip", reason: "a CORS preflight (OPTIONS) is not a Services API v2 call" };
  const full = `${path}${u.search}`;
  const found = matchOperation(m, path);
  if (found) return { kind: "operation", operationId: found.operationId, path: full };
  if (path === "/api/v2" || path.startsWith("/api/v2/") || path === "/health") return { kind: "unknown-route", path: full };
  return { kind: "skip", reason: "not a Services API v2 call (the path is neither /health nor under /api/v2)" };
}
