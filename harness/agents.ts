/**
 * Defines `agentFor`: one keep-alive HTTP agent per target origin and worker, so the suite's requests
 * reuse connections as an SDK would (a new connection per request cost more than the request itself).
 * Idle sockets do not keep a worker alive (Node unrefs a kept-alive socket while it waits).
 */
import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";

const agents = new Map<string, HttpAgent>();

export function agentFor(baseUrl: string): HttpAgent {
  const origin = new URL(baseUrl).origin;
  let agent = agents.get(origin);
  if (!agent) {
    agent = origin.startsWith("https:") ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
    agents.set(origin, agent);
  }
  return agent;
}
