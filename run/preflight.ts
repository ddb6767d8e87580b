/**
 * Pre-flight, before any test: the target answers at all (GET /health), and each role's credential is
 * what the profile says — one harmless authenticated request per role (GET of a verification id that
 * names nothing: an active account gets 404, an inactive one 401 1200, one of an inactive organization
 * 401 1300). A credential the target does not know (401 1100), or an active role refused, would turn a
 * wrong token into "the target is non-conformant": the run stops first, naming the role and its variable.
 */
import { randomUUID } from "node:crypto";
import { type HttpFailure, sendHttp } from "../harness/http-send.js";
import type { Role } from "./profile.js";

export class PreflightError extends Error {
  override name = "PreflightError";
}

interface Answer {
  status: number;
  contentType: string;
  codes: number[];
}

/**
 * One request with a hard deadline, on node:http as every request of the run (harness/http-send.ts): the platform's
 * fetch refuses the WHATWG "bad ports" (6000, 6665–6669, 10080, …), and a target on one of them read as unreachable.
 */
async function get(url: string, headers: Record<string, string>, timeoutMs: number): Promise<Answer> {
  try {
    const res = await sendHttp({
      method: "GET",
      url,
      headers,
      agent: false,
      responseMs: timeoutMs,
      // The whole answer must arrive in time: a target that drips its body is as unreachable as a silent one.
      deadlineMs: timeoutMs + 500,
    });
    let codes: number[] = [];
    try {
      const errors = (JSON.parse(res.text) as { errors?: { code?: unknown }[] }).errors;
      codes = Array.isArray(errors) ? errors.map((e) => e?.code).filter((c): c is number => typeof c === "number") : [];
    } catch {
      codes = [];
    }
    return { status: res.status, contentType: String(res.headers["content-type"] ?? ""), codes };
  } catch (e) {
    throw new PreflightError(`target unreachable: GET ${url}: ${describe(e, timeoutMs)}`);
  }
}

function describe(e: unknown, timeoutMs: number): string {
  const err = e as HttpFailure;
  if (err.timeoutMs !== undefined) return `no answer within ${timeoutMs / 1000} s`;
  const code = err.message;
  if (code === "ECONNREFUSED") return "connection refused";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "host name does not resolve";
  return code || String(e);
}

/** Any HTTP answer to GET /health means the target is reachable (judging the answer is the suite's job). */
export async function checkReachable(baseUrl: string, timeoutMs = 5000): Promise<void> {
  await get(`${baseUrl}/health`, {}, timeoutMs);
}

const expectedCode: Partial<Record<Role, number>> = { inactiveAccount: 1200, inactiveOrg: 1300 };

/** Checks every role that has a credential; throws one line naming the first role that is not what the profile says. */
export async function checkRoles(
  baseUrl: string,
  credentials: Partial<Record<Role, string>>,
  variables: Partial<Record<Role, string>>,
  timeoutMs = 5000,
): Promise<void> {
  for (const [role, token] of Object.entries(credentials) as [Role, string][]) {
    const url = `${baseUrl}/api/v2/verification/${randomUUID()}`;
    const a = await get(url, { Authorization: `Bearer ID.me ${token}` }, timeoutMs);
    const want = expectedCode[role];
    const seen = `${a.status}${a.codes.length ? ` ${a.codes.join(",")}` : ""}`;
    const who = `role ${role} (${variables[role] ?? "?"})`;
    // A redirect (a login page, another host) or an HTML page is no answer of the API, whatever the role: the base
    // URL is wrong, and 35 failed requirements would blame the vendor. Neither the body nor a Location is quoted:
    // a hostile target may put the credential there.
    if ((a.status >= 300 && a.status < 400) || /html/i.test(a.contentType)) {
      const what =
        a.status >= 300 && a.status < 400 ? `a redirect (${a.status})` : `an HTML page (${a.status}, ${a.contentType.split(";")[0]})`;
      throw new PreflightError(
        `the target does not look like the Services API: GET ${baseUrl}/api/v2/verification/<id> with ${who}'s credential answered ${what}, where the API answers with its JSON error envelope — check --target (the base URL, without /api/v2)`,
      );
    }
    if (a.status === 401 && a.codes.includes(1100)) {
      throw new PreflightError(
        `credential rejected: ${who}: the target answered 401 1100 (not associated with any account) — check the token in ${variables[role]}`,
      );
    }
    if (want === undefined && a.status === 401) {
      throw new PreflightError(`credential refused: ${who}: the target answered ${seen}; the profile says this role is an active account`);
    }
  }
}
