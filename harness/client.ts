/**
 * Defines `createClient`: a test's only way to talk to a target. It sends requests with supertest against
 * the plan's base URL (mock, sandbox or vendor alike), with a timeout on every call, a cap on how much of a
 * body it reads, the request budget, redaction and Allure steps, and hands every exchange (redacted, as
 * plain data) to the test's sink: conformance() keeps them for the standard checks and the reports.
 */
import request from "supertest";
import { operations, type OperationId } from "../generated/operations.js";
import { Exchange, type ExchangeRecord } from "../lib/exchange.js";
import type { Role } from "../run/profile.js";
import type { WorkerPlan } from "../run/worker-plan.js";
import { withAllure } from "./allure.js";
import { spendRequest } from "./budget.js";
import { type CurlInput, toCurl } from "./curl.js";
import { BudgetExhaustedError, MissingCredentialError, TargetUnreachableError } from "./errors.js";
import { reachabilityOf } from "./reachability.js";
import { readCapped } from "./read-capped.js";
import { createRedactor } from "./redact.js";

/** How to authenticate: a role of the profile, no header at all, or an exact header value. */
export type Auth = Role | "none" | { header: string; role?: Role };

export interface FilePart {
  data: Buffer;
  filename: string;
  contentType?: string;
}

export interface CallOptions {
  params?: Record<string, string>;
  /** JSON body (any value, valid or not). */
  body?: unknown;
  /** A body sent as-is with this content type (malformed JSON, text, an empty body …). */
  raw?: { contentType?: string; data: string | Buffer };
  /** multipart/form-data fields and files. */
  form?: { fields?: Record<string, string>; files?: Record<string, FilePart> };
  auth?: Auth;
  headers?: Record<string, string>;
  /** The contract leaves this answer's error codes OPEN (the reason): they are observed, never failed. */
  openCodes?: string;
}

export interface ApiClient {
  call(operationId: OperationId, opts?: CallOptions): Promise<Exchange>;
  /** A request to an arbitrary path (unknown routes, unknown products). */
  request(method: string, path: string, opts?: CallOptions): Promise<Exchange>;
}

/** The header value the contract asks for (D1). */
export function bearer(token: string): string {
  return `Bearer ID.me ${token}`;
}

/** The token of a role, for tests that build an unusual header from it (bare token, legacy form). */
export function tokenOf(plan: WorkerPlan, role: Role): string {
  const token = plan.credentials[role];
  if (!token) throw new MissingCredentialError(`the profile "${plan.profile.name}" has no credential for the role ${role}`);
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

function flatHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
  return out;
}

export function createClient(plan: WorkerPlan, sink: (x: ExchangeRecord) => void): ApiClient {
  const reach = reachabilityOf(plan.id);
  const { requestMs } = plan.profile.timeouts;

  /** The Authorization value and the variable its credential comes from (for the curl line). */
  const authOf = (auth: Auth): { header?: string; variable?: string } => {
    if (auth === "none") return {};
    if (typeof auth === "object") return { header: auth.header, variable: auth.role ? plan.credentialVars[auth.role] : undefined };
    return { header: bearer(tokenOf(plan, auth)), variable: plan.credentialVars[auth] };
  };

  async function send(operationId: OperationId | null, method: string, path: string, opts: CallOptions): Promise<Exchange> {
    const refused = reach.refusal();
    if (refused) throw new TargetUnreachableError(`${method} ${path}: not sent — ${refused}`);
    const { header, variable } = authOf(opts.auth ?? "primary");
    if (!spendRequest(plan.budget)) throw new BudgetExhaustedError(`the request budget of ${plan.budget.limit} requests is spent`);
    const redactor = createRedactor(plan.secrets);
    const headers: Record<string, string> = { ...opts.headers };
    if (header !== undefined) headers.Authorization = header;
    const url = `${plan.baseUrl}${path}`;
    const curl: CurlInput = { method, url, headers, tokenVariable: variable };
    let req = request(plan.baseUrl)
      [method.toLowerCase() as "get"](path)
      .timeout({ response: requestMs, deadline: requestMs * 2 })
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
      preview = curl.parts
        .map((p) => (p.filename ? `${p.name}: file ${p.filename} (${p.bytes} bytes)` : `${p.name}=${p.value}`))
        .join("\n");
    } else if (opts.raw) {
      if (opts.raw.contentType !== undefined) {
        req = req.set("Content-Type", opts.raw.contentType);
        curl.headers = { ...headers, "Content-Type": opts.raw.contentType };
      }
      req = req.send(opts.raw.data as string);
      curl.raw = opts.raw.data.toString();
      preview = curl.raw.slice(0, 2000);
    } else if (opts.body !== undefined) {
      req = req.set("Content-Type", "application/json").send(JSON.stringify(opts.body));
      curl.headers = { ...headers, "Content-Type": "application/json" };
      curl.json = opts.body;
      preview = JSON.stringify(opts.body, null, 2);
    }
    const startedAt = new Date().toISOString();
    const started = performance.now();
    let res: request.Response;
    try {
      res = await req;
      reach.answered();
    } catch (e) {
      reach.unreachable();
      const err = e as NodeJS.ErrnoException & { timeout?: number };
      const why = err.timeout ? `no answer within ${err.timeout} ms` : (err.code ?? err.message);
      throw new TargetUnreachableError(
        `${method} ${redactor.url(url)}: ${redactor.text(why)}\nReproduce with:\n  ${redactor.text(toCurl(curl))}`,
      );
    }
    const body = res.body as { text: string; bytes: number; truncated: boolean };
    const record: ExchangeRecord = {
      operationId,
      request: {
        method,
        url: redactor.url(url),
        path: redactor.url(path),
        headers: redactor.headers(headers),
        bodyPreview: redactor.text(preview),
        curl: redactor.text(toCurl(curl)),
      },
      response: {
        status: res.status,
        headers: redactor.headers(flatHeaders(res.headers)),
        text: redactor.text(body.text),
        bytes: body.bytes,
        truncated: body.truncated,
      },
      durationMs: Math.round(performance.now() - started),
      startedAt,
      ...(opts.openCodes ? { openCodes: opts.openCodes } : {}),
    };
    sink(record);
    const x = new Exchange(record);
    await allureStep(x);
    return x;
  }

  return {
    call(operationId, opts = {}) {
      const op = operations.find((o) => o.id === operationId);
      if (!op) throw new Error(`unknown operationId ${operationId}`);
      return send(operationId, op.method.toUpperCase(), pathFor(operationId, opts.params), opts);
    },
    request(method, path, opts = {}) {
      return send(null, method.toUpperCase(), path, opts);
    },
  };
}

/** Each exchange as an Allure step with the redacted request, response and curl line. */
function allureStep(x: Exchange): Promise<void> {
  return withAllure((allure) =>
    allure.step(`${x.request.method} ${x.request.path} → ${x.status}`, async () => {
      await allure.attachment(
        "request",
        [
          `${x.request.method} ${x.request.url}`,
          ...Object.entries(x.request.headers).map(([k, v]) => `${k}: ${v}`),
          "",
          x.request.bodyPreview,
          "",
          "# reproduce:",
          x.request.curl,
        ].join("\n"),
        "text/plain",
      );
      await allure.attachment(
        "response",
        [
          `HTTP ${x.status} (${x.durationMs} ms, ${x.response.bytes} bytes${x.response.truncated ? ", truncated" : ""})`,
          ...Object.entries(x.response.headers).map(([k, v]) => `${k}: ${v}`),
          "",
          x.response.text.slice(0, 20_000),
        ].join("\n"),
        "text/plain",
      );
    }),
  );
}
