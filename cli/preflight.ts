/**
 * Pre-flight: GET {target}/health with a 5 s timeout. Any HTTP answer means the target is
 * reachable (a failing health check is for the suite to judge); no answer is exit 2.
 */
import { CannotRunError } from "./errors.js";

export async function checkReachable(target: string, timeoutMs = 5000): Promise<void> {
  const url = `${target}/health`;
  let timer: NodeJS.Timeout | undefined;
  // A referenced timer as well as the signal: a fetch hit by a connection reset can ignore its abort.
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error("timeout"), { name: "TimeoutError" })), timeoutMs + 500);
  });
  try {
    const res = await Promise.race([fetch(url, { method: "GET", signal: AbortSignal.timeout(timeoutMs), redirect: "manual" }), deadline]);
    await res.body?.cancel();
  } catch (e) {
    throw new CannotRunError(`target unreachable: GET ${url}: ${describe(e, timeoutMs)}`);
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
