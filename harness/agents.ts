/**
 * Defines `agentFor`: one keep-alive HTTP agent per target origin and worker, so the suite's requests
 * reuse connections as an SDK would (a new connection per request cost more than the request itself).
 * Idle sockets do not keep a worker alive (Node unrefs a kept-alive socket while it waits).
 */
import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";

const agents = new Map<string, HttpAgent>();

/**
 * An idle connection is closed after this long, before the target closes it: common servers' idle timeouts are
 * longer (Node and Apache 5 s, load balancers 60 s, nginx 75 s), and a request sent as the server closes an idle
 * connection fails (harness/http-send.ts sends it again; this makes that rare). An answer may take longer.
 */
export const IDLE_CONNECTION_MS = 4000;

/** The options of every kept-alive agent of the project: the suite's (below) and the proxy's upstream one. */
export const KEPT_ALIVE = { keepAlive: true, timeout: IDLE_CONNECTION_MS } as const;

export function agentFor(baseUrl: string): HttpAgent {
  const origin = new URL(baseUrl).origin;
  let agent = agents.get(origin);
  if (!agent) {
    agent = origin.startsWith("https:") ? new HttpsAgent(KEPT_ALIVE) : new HttpAgent(KEPT_ALIVE);
    agents.set(origin, agent);
  }
  return agent;
}
