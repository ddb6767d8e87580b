/**
 * Defines `createClient`: the suite's only way to talk to a target. It sends requests with
 * supertest against a base URL (mock, sandbox or vendor alike), with a timeout on every call,
 * a cap on how much of a body it reads, the request budget, redaction, run records and Allure
 * steps. Every exchange is kept for the standard checks that `conformance()` runs after a test.
 */
import { operations, type OperationId } from "../generated/operations.js";
import { config, knownSecrets } from "./config.js";
import { toCurl, type CurlInput } from "./curl.js";
import { BudgetExhaustedError, TargetUnreachableError } from "./errors.js";
import { Exchange } from "./exchange.js";
import { readCapped } from "./read-capped.js";
import { recordExchange, spendBudget } from "./records.js";
import { createRedactor } from "./redact.js";
import type { Role } from "./profile.js";
import request from "supertest";

/** How to authenticate: a role of the profile, no header at all, or an exact header value. */
export type Auth = Role | "none" | { header: string };

export interface FilePart {
  data: Buffer;
  filename: string;
  contentType?: string;
}

export interface CallOptions {
  params?: Record<string, string>;
  /** JSON body (any value, valid or not). */
  body?: unknown;
  /** A body sent as-is with this content type (malformed JSON, text, …). */
  raw?: { contentType: string; data: string | Buffer };
  /** multipart/form-data fields and files. */
  form?: { fields?: Record<string, string>; files?: Record<string, FilePart> };
  auth?: Auth;
  headers?: Record<string, string>;
}

export class MissingCredentialError extends Error {
  override name = "MissingCredentialError";
}

/** The header value the contract asks for (D1). */
export function bearer(token: string): string {
  return `Bearer ID.me ${token}`;
}

function authHeader(auth: Auth): string | undefined {
  if (auth === "none") return undefined;
  if (typeof auth === "object") return auth.header;
  const token = config.credentials[auth];
  if (!token) throw new MissingCredentialError(`the profile "${config.profile.name}" has no credential for the role ${auth}`);
  return bearer(token);
}

/** The token of a role, for tests that build an unusual header from it (bare token, legacy form). */
export function tokenOf(role: Role): string {
  const token = config.credentials[role];
  if (!token) throw new MissingCredentialError(`the profile "${config.profile.name}" has no credential for the role ${role}`);
  return token;
}

export function pathFor(operationId: OperationId, params: Record<string, string> = {}): string {
  const op = operations.find((o) => o.id === operationId);
  if (!op) throw new Error(`unknown operationId ${operationId}`);
  return op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`${operationId}: missing path parameter ${name}`);
    return encodeURIComponent(v);
  });
}

/**
 * A target that times out or resets again and again would make every remaining test wait out its
 * own deadline (hours against a slow live target): after this many consecutive unreachable
 * answers the worker stops sending and fails fast with the same diagnosis.
 */
const UNREACHABLE_LIMIT = 5;
let unreachableStreak = 0;

export type ExchangeListener = (x: Exchange) => void;
let listener: ExchangeListener | undefined;
/** conformance() registers the current test's collector here (tests in a worker run one at a time). */
export function onExchange(l: ExchangeListener | undefined): void {
  listener = l;
}

export async function send(operationId: OperationId | null, method: string, path: string, opts: CallOptions = {}): Promise<Exchange> {
  if (unreachableStreak >= UNREACHABLE_LIMIT) {
    throw new TargetUnreachableError(
      `${method} ${path}: not sent — the last ${unreachableStreak} requests got no usable answer; the target is treated as unreachable for the rest of this run`,
    );
  }
  if (!spendBudget()) throw new BudgetExhaustedError(`the request budget of ${config.budget} requests is spent`);
  const redactor = createRedactor(knownSecrets());
  const headers: Record<string, string> = { ...opts.headers };
  const auth = authHeader(opts.auth ?? "primary");
  if (auth !== undefined) headers.Authorization = auth;
  const url = `${config.baseUrl}${path}`;
  const curl: CurlInput = { method, url, headers };
  let req = request(config.baseUrl)
    [method.toLowerCase() as "get"](path)
    .timeout({ response: config.profile.timeouts.requestMs, deadline: config.profile.timeouts.requestMs * 2 })
    .redirects(0)
    .buffer(true)
    .parse(readCapped as unknown as Parameters<request.Test["parse"]>[0])
    .ok(() => true);
  for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
  let preview = "";
  if (opts.form) {
    curl.parts = [];
    for (const [name, value] of Object.entries(opts.form.fields ?? {})) {
      req = req.field(name, value);
      curl.parts.push({ name, value });
    }
    for (const [name, f] of Object.entries(opts.form.files ?? {})) {
      req = req.attach(name, f.data, { filename: f.filename, contentType: f.contentType ?? "application/octet-stream" });
      curl.parts.push({ name, filename: f.filename, contentType: f.contentType, bytes: f.data.length });
    }
    preview = curl.parts.map((p) => (p.filename ? `${p.name}: file ${p.filename} (${p.bytes} bytes)` : `${p.name}=${p.value}`)).join("\n");
  } else if (opts.raw) {
    req = req.set("Content-Type", opts.raw.contentType).send(opts.raw.data as string);
    curl.headers = { ...headers, "Content-Type": opts.raw.contentType };
    curl.raw = opts.raw.data.toString();
    preview = curl.raw.slice(0, 2000);
  } else if (opts.body !== undefined) {
    req = req.set("Content-Type", "application/json").send(JSON.stringify(opts.body));
    curl.headers = { ...headers, "Content-Type": "application/json" };
    curl.json = opts.body;
    preview = JSON.stringify(opts.body, null, 2);
  }
  const started = performance.now();
  let res: request.Response;
  try {
    res = await req;
    unreachableStreak = 0;
  } catch (e) {
    unreachableStreak += 1;
    const err = e as NodeJS.ErrnoException & { timeout?: number };
    const why = err.timeout ? `no answer within ${err.timeout} ms` : (err.code ?? err.message);
    throw new TargetUnreachableError(
      `${method} ${redactor.url(url)}: ${redactor.text(why)}\nReproduce with:\n  ${redactor.text(toCurl(curl))}`,
    );
  }
  const durationMs = Math.round(performance.now() - started);
  const body = res.body as { text: string; bytes: number; truncated: boolean };
  const x = new Exchange(
    operationId,
    {
      method,
      url: redactor.url(url),
      path: redactor.url(path),
      headers: redactor.headers(headers),
      bodyPreview: redactor.text(preview),
      curl: redactor.text(toCurl(curl)),
    },
    {
      status: res.status,
      headers: redactor.headers(flatHeaders(res.headers)),
      text: redactor.text(body.text),
      bytes: body.bytes,
      truncated: body.truncated,
    },
    durationMs,
  );
  listener?.(x);
  await recordExchange(x);
  return x;
}

function flatHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
  return out;
}

export interface ApiClient {
  call(operationId: OperationId, opts?: CallOptions): Promise<Exchange>;
  /** A request to an arbitrary path (unknown routes, unknown products). */
  request(method: string, path: string, opts?: CallOptions): Promise<Exchange>;
}

export const api: ApiClient = {
  call(operationId, opts = {}) {
    const op = operations.find((o) => o.id === operationId);
    if (!op) throw new Error(`unknown operationId ${operationId}`);
    return send(operationId, op.method.toUpperCase(), pathFor(operationId, opts.params), opts);
  },
  request(method, path, opts = {}) {
    return send(null, method.toUpperCase(), path, opts);
  },
};
