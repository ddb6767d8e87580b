// What Node's HTTP server would answer on its own (empty 400s, 417s, 408s) is kept out: the mock answers in the
// envelope or closes the connection (README M5). Fastify passes `http` to http.createServer.
import type { IncomingMessage, Server, ServerOptions, ServerResponse } from "node:http";
import type { Socket } from "node:net";

export interface ConnectionTimeouts {
  /** a request whose headers and body have not all arrived by then is cut (no answer, connection closed) */
  requestMs: number;
  /** how often Node looks for such requests: a cut comes between requestMs and requestMs + checkMs */
  checkMs: number;
}

export const DEFAULT_TIMEOUTS: ConnectionTimeouts = { requestMs: 30_000, checkMs: 1_000 };

export interface ConnectionGuard {
  /** for Fastify's `http` option */
  http: ServerOptions;
  /** for Fastify's `clientErrorHandler` option */
  onClientError(err: Error & { code?: string }, socket: Socket): void;
  /** hooks the server once Fastify has made it */
  attach(server: Server): void;
}

export function connectionGuard(timeouts: ConnectionTimeouts): ConnectionGuard {
  // The latest answer under way on each connection (pipelined answers are written in order, so the latest is last).
  const answering = new WeakMap<Socket, ServerResponse>();
  return {
    http: {
      // RFC 9112 wants a 400 for HTTP/1.1 without Host; Node's is an empty body. The mock has no use for Host:
      // it answers such a request like any other (README M5).
      requireHostHeader: false,
      // Node's own headersTimeout (60 s) and 30 s check interval made a "30 s" timeout cut at 44–74 s.
      requestTimeout: timeouts.requestMs,
      headersTimeout: timeouts.requestMs,
      connectionsCheckingInterval: timeouts.checkMs,
    },
    onClientError(err, socket) {
      const res = answering.get(socket);
      // Bytes that are not HTTP after a complete request (same packet, or pipelined): answer that request first,
      // then close. Anything else (a timeout, a reset, junk before any request) closes at once, unanswered.
      if (err.code?.startsWith("HPE_") && res && !res.writableEnded && res.req.complete && !socket.destroyed) {
        if (!res.headersSent) res.setHeader("connection", "close");
        res.once("close", () => socket.destroySoon());
        return;
      }
      socket.destroy();
    },
    attach(server) {
      server.prependListener("request", (req: IncomingMessage, res: ServerResponse) => answering.set(req.socket, res));
      // `Expect: <anything but 100-continue>` would get Node's bare 417 before the credentials are even read;
      // RFC 9110 lets a server ignore an expectation it does not meet, so the request is answered as usual.
      server.on("checkExpectation", (req: IncomingMessage, res: ServerResponse) => server.emit("request", req, res));
    },
  };
}
