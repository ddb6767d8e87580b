// The embedded mock of the ID.me sandbox: a fastify app on a real socket (docs/ARCHITECTURE.md "Mock API").
import multipart from "@fastify/multipart";
import Fastify from "fastify";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { authenticate } from "./auth.js";
import type { MockBehaviour } from "./behaviour.js";
import { createBehaviour } from "./behaviour.js";
import { UNPARSEABLE, announcedEmpty, installBodyParsers } from "./body.js";
import { validOffset } from "./clock.js";
import type { ConnectionTimeouts } from "./connections.js";
import { DEFAULT_TIMEOUTS, connectionGuard } from "./connections.js";
import type { MockContext } from "./context.js";
import { createContext } from "./context.js";
import type { Fault } from "./faults-api.js";
import { mergeFixtures, tokensOf } from "./fixtures.js";
import { documentKind, getDocumentTransaction, unknownProductStatus, verifyDocument } from "./handlers/document.js";
import { confirmSmsCode, getTelecomTransaction, sendSmsCode, verifyTelecomIdentity } from "./handlers/telecom.js";
import { createVerification, getVerification } from "./handlers/verification.js";
import type { MockReply } from "./reply.js";
import { changedPaths, createTestTracker, leavesOf, type Shadow, type ShadowReport, shadowBehaviour } from "./shadows.js";
import { Stop, errorReply, stop } from "./reply.js";
import type { FixturesInput, Role } from "./types.js";

export interface MockOptions {
  port?: number;
  host?: string;
  fixtures?: FixturesInput;
  /** deviations to apply (faults/catalogue.ts resolves ids to these) */
  faults?: readonly Fault[];
  logger?: boolean;
  /** last-moment changes to the behaviour (tests, one-off experiments) */
  configure?: (behaviour: MockBehaviour) => void;
  /** when a stalled request is cut (default 30 s, checked every second; README M5) */
  timeouts?: Partial<ConnectionTimeouts>;
  /**
   * faults to follow without applying them (mock/shadows.ts): the mock stays conformant and reports, per
   * fault, the tests (named by the x-conformance-test header) whose answers the fault could change
   */
  shadows?: readonly Fault[];
}

/** Fastify's compiler factories, for schemas the mock never declares. */
const noFastifySchemas = () => () => {
  throw new Error("the mock declares no fastify route schemas: requests are checked against the spec (lib/spec.ts)");
};

export interface RunningMock {
  baseUrl: string;
  tokens: Record<Role, string>;
  /** with `shadows`: what each fault's shadow reached so far */
  shadowReport?: ShadowReport;
  close(): Promise<void>;
}

export interface MockApp {
  app: FastifyInstance;
  context: MockContext;
  tokens: Record<Role, string>;
  shadowReport?: ShadowReport;
  /** stops webhooks and document timers, then the server */
  close(): Promise<void>;
}

const DRAIN_LIMIT = 64 * 1024 * 1024;

/** Reads the rest of a request body without keeping it; false when it is longer than `limit` or fails. */
function drain(request: FastifyRequest, limit: number): Promise<boolean> {
  const raw = request.raw;
  if (raw.readableEnded) return Promise.resolve(true);
  return new Promise((resolve) => {
    let seen = 0;
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > limit) finish(false);
    };
    const finish = (ok: boolean) => {
      raw.off("data", onData).off("end", onEnd).off("error", onError);
      resolve(ok);
    };
    const onEnd = () => finish(true);
    const onError = () => finish(false);
    // A multipart parser that stopped early (files limit, error) is still piped from raw and would pause it
    // again on every chunk (backpressure): cut it loose first, or the drain, and the answer, wait forever.
    raw.unpipe();
    raw.on("data", onData).on("end", onEnd).on("error", onError);
    raw.resume();
  });
}

type Handler = (ctx: MockContext, request: FastifyRequest) => MockReply | Promise<MockReply>;

export async function createMockApp(options: MockOptions = {}): Promise<MockApp> {
  const fixtures = mergeFixtures(options.fixtures);
  const applied = createBehaviour(fixtures);
  for (const fault of options.faults ?? []) fault.apply(applied);
  options.configure?.(applied);
  if (!validOffset(applied.clock.offsetMinutes))
    throw new Error(`clock.offsetMinutes ${applied.clock.offsetMinutes}: whole minutes, under ±24 h`);
  const tests = createTestTracker();
  const shadowed = options.shadows?.length
    ? shadowBehaviour(
        applied,
        options.shadows.map((f) => shadowOf(f, options)),
        tests.current,
      )
    : undefined;
  const behaviour = shadowed?.behaviour ?? applied;
  const ctx = createContext(behaviour);
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const guard = connectionGuard(timeouts);

  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    http: guard.http,
    requestTimeout: timeouts.requestMs, // fastify sets it on the server again after creating it
    // Malformed HTTP framing gets no answer rather than fastify's own error JSON (README M5).
    clientErrorHandler: guard.onClientError,
    // A path fastify cannot decode (`/api/v2/%ZZ`) names no resource: 404 4100, not fastify's 400 JSON.
    frameworkErrors: (_err, request, reply) => write(reply, request, null, errorReply([4100])),
    // No route declares a fastify schema (requests are judged against the spec by lib/spec.ts): fastify's own
    // compilers — Ajv and fast-json-stringify, ~50 ms to load at every start — are never needed.
    schemaController: { compilersFactory: { buildValidator: noFastifySchemas, buildSerializer: noFastifySchemas } },
  });
  guard.attach(app.server);
  // Runs first: every later step of the request (body, handler, timers it starts) knows its test.
  if (shadowed) app.server.prependListener("request", (req: IncomingMessage) => tests.enter(req.headers));
  installBodyParsers(app);
  await app.register(multipart, { throwFileSizeLimit: false }); // sizes are judged by readMultipart

  const write = (reply: FastifyReply, request: FastifyRequest, operationId: string | null, answer: MockReply) => {
    const out = behaviour.transform(answer, { operationId, kind: "response", request });
    reply.code(out.status).headers(out.headers);
    if (out.body === undefined) return reply.send();
    return reply.send(typeof out.body === "string" || Buffer.isBuffer(out.body) ? out.body : JSON.stringify(out.body));
  };

  // With shadows, a request's whole handling runs inside its test's context, named by its own header: a
  // body read in chunks must not take the context of whatever else the connection or the thread did last.
  const run = (request: FastifyRequest, reply: FastifyReply, operationId: string | null, handler: Handler) =>
    shadowed
      ? tests.within(request.headers, () => serve(request, reply, operationId, handler))
      : serve(request, reply, operationId, handler);

  const serve = async (request: FastifyRequest, reply: FastifyReply, operationId: string | null, handler: Handler) => {
    let answer: MockReply;
    try {
      answer = await handler(ctx, request);
    } catch (err) {
      answer = err instanceof Stop ? err.reply : errorReply([5000]);
    }
    // An early answer (401, 403, 429 …) to an upload the handler never read: read the rest first, or the
    // client, still sending, sees EPIPE instead of the answer (real gateways linger the same way).
    if (!request.raw.complete && !(await drain(request, DRAIN_LIMIT))) reply.header("connection", "close");
    return write(reply, request, operationId, answer);
  };

  const handlers = new Map<string, { operationId: (r: FastifyRequest) => string | null; handler: Handler }>();
  const route = (method: "GET" | "POST", url: string, operationId: string | ((r: FastifyRequest) => string | null), handler: Handler) => {
    const opOf = typeof operationId === "string" ? () => operationId : operationId;
    handlers.set(`${method} ${url}`, { operationId: opOf, handler });
    app.route({ method, url, handler: (request, reply) => run(request, reply, opOf(request), handler) });
  };

  route("GET", "/health", "getHealth", () => ({ status: 200, headers: {} }));
  route("POST", "/api/v2/verification", "createVerification", createVerification);
  route("GET", "/api/v2/verification/:verification_id", "getVerification", getVerification);
  route("POST", "/api/v2/telecom/possession/sms/send", "sendSmsCode", sendSmsCode);
  route("POST", "/api/v2/telecom/possession/sms/confirm", "confirmSmsCode", confirmSmsCode);
  route("POST", "/api/v2/telecom/identity", "verifyTelecomIdentity", verifyTelecomIdentity);
  route("GET", "/api/v2/telecom/:transaction_id", "getTelecomTransaction", getTelecomTransaction);
  const documentOp = (r: FastifyRequest) => documentKind(r)?.operationId ?? null;
  route("POST", "/api/v2/document/:kind/verify", documentOp, verifyDocument);
  route("GET", "/api/v2/document/:transaction_id", "getDocumentTransaction", getDocumentTransaction);
  route("GET", "/api/v2/:product/:id", () => null, unknownProductStatus);

  // Unknown routes and wrong methods: 404 4100 in the envelope; under /api/v2 credentials come first (D15, README M4).
  app.setNotFoundHandler((request, reply) =>
    run(request, reply, null, (c, r) => {
      if (r.url.startsWith("/api/v2")) authenticate(r.headers.authorization, c.behaviour);
      return stop([4100]);
    }),
  );

  // A body fastify could not read (too large for JSON, bad encoding…) is an unparseable body (M1), never fastify's error JSON.
  app.setErrorHandler((err: { code?: string }, request, reply) => {
    const entry = request.routeOptions.url ? handlers.get(`${request.method} ${request.routeOptions.url}`) : undefined;
    if (entry && typeof err.code === "string" && err.code.startsWith("FST_ERR_CTP_")) {
      // An invalid Content-Type on a request without a body still has no body (M1: read as `{}`).
      (request as { body: unknown }).body = announcedEmpty(request) ? {} : UNPARSEABLE;
      // fastify closes the connection after a body error; a client still sending would see EPIPE instead of
      // the answer. Read (and drop) up to DRAIN_LIMIT more bytes first, then keep the connection usable.
      return drain(request, DRAIN_LIMIT).then((drained) => {
        if (drained) reply.removeHeader("connection");
        return run(request, reply, entry.operationId(request), entry.handler);
      });
    }
    return write(reply, request, entry?.operationId(request) ?? null, errorReply([5000]));
  });

  const close = async () => {
    ctx.webhooks.close();
    for (const t of ctx.timers.values()) clearTimeout(t);
    ctx.timers.clear();
    await app.close();
  };
  return { app, context: ctx, tokens: tokensOf(fixtures), ...(shadowed ? { shadowReport: shadowed.report } : {}), close };
}

/** A fault's behaviour beside the mock's, and the fields it changed (set up as the mock's own: configure last). */
function shadowOf(fault: Fault, options: MockOptions): Shadow {
  const b = createBehaviour(mergeFixtures(options.fixtures));
  options.configure?.(b);
  const before = leavesOf(b);
  fault.apply(b);
  options.configure?.(b);
  return { id: fault.id, behaviour: b, changed: changedPaths(before, leavesOf(b)) };
}

export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  const mock = await createMockApp(options);
  await mock.app.listen({ port: options.port ?? 0, host: options.host ?? "127.0.0.1" });
  const address = mock.app.server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    baseUrl: `http://${host}:${address.port}`,
    tokens: mock.tokens,
    ...(mock.shadowReport ? { shadowReport: mock.shadowReport } : {}),
    close: mock.close,
  };
}
