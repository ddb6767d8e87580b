/** One bounded load phase (after a 1 s warm-up) with autocannon against 127.0.0.1, reduced to the numbers we report. */
import autocannon from "autocannon";

export interface LoadSpec {
  name: string;
  url: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string | Buffer;
  connections?: number;
  durationS?: number;
}

export interface LoadResult {
  name: string;
  target: string;
  reqPerSec: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  total: number;
  /** status → count, so a phase that measured the wrong answer shows it */
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
}

export async function runLoad(spec: LoadSpec, target: string): Promise<LoadResult> {
  const host = new URL(spec.url).hostname;
  if (host !== "127.0.0.1" && host !== "localhost") throw new Error(`load is only sent to 127.0.0.1, not ${host}`);
  // One unrecorded second first: JIT, connection set-up and lazy spec loading are not the steady state.
  await autocannon({
    url: spec.url,
    method: spec.method ?? "GET",
    headers: spec.headers,
    body: spec.body,
    connections: spec.connections ?? 10,
    duration: 1,
    timeout: 10,
  });
  const r = await autocannon({
    url: spec.url,
    method: spec.method ?? "GET",
    headers: spec.headers,
    body: spec.body,
    connections: spec.connections ?? 10,
    duration: spec.durationS ?? 5,
    timeout: 10,
  });
  const statuses: Record<string, number> = {};
  for (const [code, s] of Object.entries(r.statusCodeStats ?? {})) statuses[code] = s.count;
  return {
    name: spec.name,
    target,
    reqPerSec: Math.round(r.requests.average),
    latencyP50Ms: r.latency.p50,
    latencyP99Ms: r.latency.p99,
    total: Object.values(statuses).reduce((a, b) => a + b, 0),
    statuses,
    errors: r.errors,
    timeouts: r.timeouts,
  };
}
