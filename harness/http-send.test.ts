// sendHttp and a server that closes kept-alive connections: a request sent as the server closes an idle connection
// is sent again on a new one; every other break is the target's answer and fails the request.
import { Agent } from "node:http";
import { type AddressInfo, createServer, type Socket } from "node:net";
import { afterEach, expect, it } from "vitest";
import { agentFor, IDLE_CONNECTION_MS, KEPT_ALIVE } from "./agents.js";
import { HttpFailure, sendHttp } from "./http-send.js";

const OK = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";

/** A raw HTTP/1.1 server: `onRequest(socket, n)` for the n-th request (from 1) on each connection. */
async function rawServer(onRequest: (s: Socket, n: number) => void) {
  const sockets = new Set<Socket>();
  let connections = 0;
  const server = createServer((s) => {
    connections++;
    sockets.add(s);
    s.on("error", () => {});
    let n = 0;
    let buf = "";
    s.on("data", (d: Buffer) => {
      buf += d.toString("latin1");
      for (let end = buf.indexOf("\r\n\r\n"); end >= 0; end = buf.indexOf("\r\n\r\n")) {
        const length = Number(/content-length: *(\d+)/i.exec(buf.slice(0, end))?.[1] ?? 0);
        if (buf.length < end + 4 + length) return;
        buf = buf.slice(end + 4 + length);
        onRequest(s, ++n);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v2/verification`;
  const close = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
  return { url, close, connections: () => connections };
}

const agents: Agent[] = [];
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const a of agents.splice(0)) a.destroy();
  for (const c of closers.splice(0)) await c();
});

async function setUp(onRequest: (s: Socket, n: number) => void) {
  const server = await rawServer(onRequest);
  closers.push(server.close);
  const agent = new Agent({ keepAlive: true });
  agents.push(agent);
  const post = () =>
    sendHttp({ method: "POST", url: server.url, headers: {}, body: Buffer.from("{}"), agent, responseMs: 2000, deadlineMs: 4000 });
  return { post, connections: server.connections };
}

it("sends a request again on a new connection when the kept-alive one was closed before any answer", async () => {
  // The server's idle timeout ending as the second request arrives (reproduced with a raw server that closes after
  // 5 ms idle and clients 5 ± 1 ms apart: 119 of 800 requests failed ECONNRESET before this).
  const { post, connections } = await setUp((s, n) => (n === 1 ? s.write(OK) : s.resetAndDestroy()));
  expect((await post()).status).toBe(200);
  expect((await post()).status).toBe(200);
  expect(connections()).toBe(2);
});

it("fails a request whose new connection is reset: that is the target's answer", async () => {
  const { post, connections } = await setUp((s) => s.resetAndDestroy());
  await expect(post()).rejects.toThrow(new HttpFailure("ECONNRESET"));
  expect(connections()).toBe(1);
});

it("fails a request whose kept-alive connection broke once the answer had begun: not sent again", async () => {
  const { post, connections } = await setUp((s, n) =>
    n === 1
      ? s.write(OK)
      : s.end("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 10\r\n\r\n{}", () => s.resetAndDestroy()),
  );
  expect((await post()).status).toBe(200);
  await expect(post()).rejects.toThrow(HttpFailure);
  expect(connections()).toBe(1);
});

it("the suite's agents close a connection idle for IDLE_CONNECTION_MS, and only an idle one: a slower answer still arrives", async () => {
  // Node keeps an agent's options on it (not in its types).
  const { options } = agentFor("http://127.0.0.1:1/") as unknown as { options: object };
  expect(options).toMatchObject({ keepAlive: true, timeout: IDLE_CONNECTION_MS });
  // The same options with the idle time shortened to 100 ms, answers taking 300 ms.
  const server = await rawServer((s) => setTimeout(() => s.write(OK), 300));
  closers.push(server.close);
  const agent = new Agent({ ...KEPT_ALIVE, timeout: 100 });
  agents.push(agent);
  const post = () =>
    sendHttp({ method: "POST", url: server.url, headers: {}, body: Buffer.from("{}"), agent, responseMs: 2000, deadlineMs: 4000 });
  expect((await post()).status).toBe(200);
  await new Promise((resolve) => setTimeout(resolve, 250));
  expect(Object.values(agent.freeSockets).flat()).toHaveLength(0);
  expect((await post()).status).toBe(200);
  expect(server.connections()).toBe(2);
});
