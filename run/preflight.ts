/**
 * Pre-flight, before any test: the target answers at all (GET /health), and each role's credential is
 * what the profile says — one harmless authenticated request per role (GET of a verification id that
 * names nothing: an active account gets 404, an inactive one 401 1200, one of an inactive organization
 * 401 1300). A credential the target does not know (401 1100), or an active role refused, would turn a
 * wrong token into "the target is non-conformant": the run stops first, naming the role and its variable.
 */
import { randomUUID } from "node:crypto";
import type { Role } from "./profile.js";

export class PreflightError extends Error {
  override name = "PreflightError";
}

interface Answer {
  status: number;
  codes: number[];
}

/** One request with a hard deadline (a referenced timer too: a fetch hit by a reset can ignore its abort). */
async function get(url: string, headers: Record<string, string>, timeoutMs: number): Promise<Answer> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error("timeout"), { name: "TimeoutError" })), timeoutMs + 500);
  });
  try {
    const res = await Promise.race([
      fetch(url, { method: "GET", headers, signal: AbortSignal.timeout(timeoutMs), redirect: "manual" }),
      deadline,
    ]);
    // The whole answer must arrive in time: a target that drips its body is as unreachable as a silent one.
    const text = await Promise.race([res.text(), deadline]);
    let codes: number[] = [];
    try {
      const errors = (JSON.parse(text) as { errors?: { code?: unknown }[] }).errors;
      codes = Array.isArray(errors) ? errors.map((e) => e?.code).filter((c): c is number => typeof c === "number") : [];
    } catch {
      codes = [];
    }
    return { status: res.status, codes };
  } catch (e) {
    throw new PreflightError(`target unreachable: GET ${url}: ${describe(e, timeoutMs)}`);
  } finally {
    clearTimeout(timer);
  }
}

function describe(e: unknown, timeoutMs: number): string {
  const err = e as { name?: string; message?: string; cause?: { code?: string; message?: string } };
  if (err.name === "TimeoutError" || err.name === "AbortError") return `no answer within ${timeoutMs / 1000} s`;
  const code = err.cause?.code;
  if (code === "ECONNREFUSED") return "connection refused";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "host name does not resolve";
  if (code) return `${code}${err.cause?.message ? ` (${err.cause.message})` : ""}`;
  return err.cause?.message ?? err.message ?? String(e);
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
