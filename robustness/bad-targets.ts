/**
 * Small misbehaving servers on 127.0.0.1 (ephemeral ports) that stand in for a broken target:
 * the suite must end every run against them in bounded time with exit 2 or a clear failure.
 * Each starter returns the base URL and a close() that frees every socket it holds.
 */
import { createServer as createHttpServer, type ServerResponse } from "node:http";
import { createServer as createNetServer, type AddressInfo, type Server, type Socket } from "node:net";

export interface BadTarget {
  name: BadTargetName;
  baseUrl: string;
  close(): Promise<void>;
}

export type BadTargetName = "closed-port" | "never-answers" | "html" | "redirect" | "garbage" | "huge-body" | "reset" | "slow-drip";

export const HUGE_BODY_BYTES = 50 * 1024 * 1024;
/** Bytes of a slow-drip answer: one every DRIP_MS, so the whole body would take minutes. */
const DRIP_MS = 200;
const DRIP_BYTES = 2000;

async function listen(server: Server, sockets: Set<Socket>, name: BadTargetName, onClose: () => void = () => {}): Promise<BadTarget> {
  server.on("connection", (s: Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
    s.on("error", () => {}); // a client that gives up mid-answer is normal here
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    name,
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        onClose();
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * A port nothing listens on. Not one freed by closing a server of ours: the CLI starts seconds later, and a mock
 * another test file starts meanwhile may take the same ephemeral port (seen once: answered 401, not refused).
 * Port 2: privileged, below the ephemeral range, unused, and not on fetch's list of bad ports (1 is).
 */
export const CLOSED_PORT = 2;

/** Connections are refused. */
export async function closedPort(): Promise<BadTarget> {
  return { name: "closed-port", baseUrl: `http://127.0.0.1:${CLOSED_PORT}`, close: async () => {} };
}

/** Accepts the connection, reads the request, never writes a byte. */
export function neverAnswers(): Promise<BadTarget> {
  const server = createNetServer((s) => s.resume());
  return listen(server, new Set(), "never-answers");
}

/** Answers every request with 200 and an HTML page (a captive portal, a web server on the wrong host). */
export function htmlAnswers(): Promise<BadTarget> {
  const page = "<!DOCTYPE html><html><head><title>Welcome</title></head><body><h1>It works!</h1></body></html>";
  const server = createHttpServer((req, res) => {
    req.resume();
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": Buffer.byteLength(page) }).end(page);
  });
  return listen(server, new Set(), "html");
}

/** Answers /health, and everything else with a redirect to a login page (a gateway in front of the wrong host). */
export function redirectsToLogin(): Promise<BadTarget> {
  const server = createHttpServer((req, res) => {
    req.resume();
    if (req.url === "/health") res.writeHead(200, { "content-type": "application/json" }).end('{"status":"ok"}');
    else res.writeHead(302, { location: "https://sso.example.com/login", "content-length": 0 }).end();
  });
  return listen(server, new Set(), "redirect");
}

/** Answers every connection with bytes that are not HTTP, then closes. */
export function garbageAnswers(): Promise<BadTarget> {
  const junk = Buffer.from([0x16, 0x03, 0x01, 0x00, 0xff, 0x00, 0x13, 0x37, 0x0a, 0x0d, 0x00, 0x80, 0xfe, 0xde, 0xad, 0xbe, 0xef]);
  const server = createNetServer((s) => {
    s.once("data", () => s.end(Buffer.concat([junk, Buffer.from(" not http at all\r\n\r\n")])));
  });
  return listen(server, new Set(), "garbage");
}

/** Answers every request with 200 and a 50 MB JSON-typed body of filler (backpressure-aware). */
export function hugeBody(): Promise<BadTarget> {
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  const server = createHttpServer((req, res) => {
    req.resume();
    res.writeHead(200, { "content-type": "application/json", "content-length": HUGE_BODY_BYTES });
    writeChunks(res, chunk, HUGE_BODY_BYTES / chunk.length);
  });
  return listen(server, new Set(), "huge-body");
}

function writeChunks(res: ServerResponse, chunk: Buffer, count: number): void {
  let left = count;
  const pump = () => {
    while (left > 0) {
      left--;
      if (!res.write(chunk)) return void res.once("drain", pump);
    }
    res.end();
  };
  res.on("close", () => (left = 0));
  pump();
}

/** Resets every connection as soon as it is accepted (TCP RST). */
export function resetsConnections(): Promise<BadTarget> {
  const server = createNetServer((s) => s.resetAndDestroy());
  return listen(server, new Set(), "reset");
}

/** Sends the status line and headers at once, then drips the body one byte every DRIP_MS. */
export function slowDrip(): Promise<BadTarget> {
  const timers = new Set<NodeJS.Timeout>();
  const server = createHttpServer((req, res) => {
    req.resume();
    res.writeHead(200, { "content-type": "application/json", "content-length": DRIP_BYTES });
    res.flushHeaders();
    let sent = 0;
    const t = setInterval(() => {
      if (res.destroyed || sent >= DRIP_BYTES) {
        clearInterval(t);
        timers.delete(t);
        if (!res.destroyed) res.end();
        return;
      }
      res.write(" ");
      sent++;
    }, DRIP_MS);
    timers.add(t);
  });
  return listen(server, new Set(), "slow-drip", () => {
    for (const t of timers) clearInterval(t);
    timers.clear();
  });
}

export const badTargets: Record<BadTargetName, () => Promise<BadTarget>> = {
  "closed-port": closedPort,
  "never-answers": neverAnswers,
  html: htmlAnswers,
  redirect: redirectsToLogin,
  garbage: garbageAnswers,
  "huge-body": hugeBody,
  reset: resetsConnections,
  "slow-drip": slowDrip,
};
