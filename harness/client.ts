/**
 * Defines `createClient`: a test's only way to talk to a target. It sends requests (harness/http-send.ts) to
 * the plan's base URL (mock, sandbox or vendor alike), with a timeout on every call, a cap on how much of a
 * body it reads, the request budget, redaction and Allure steps, and hands every exchange (its record
 * redacted) to the test's sink — the same object the call returns: conformance() keeps them for the standard
 * checks and the reports.
 */
import { operations, type OperationId } from "../generated/operations.js";
import { Exchange, type ExchangeRecord } from "../lib/exchange.js";
import { TEST_HEADER } from "../lib/test-header.js";
import type { Role } from "../run/profile.js";
import type { WorkerPlan } from "../run/worker-plan.js";
import { agentFor } from "./agents.js";
import { spendRequest } from "./budget.js";
import { throwIfStopped } from "./stop.js";
import { CURL_HEAD_BYTES, type CurlInput, toCurl } from "./curl.js";
import { BudgetExhaustedError, MissingCredentialError, TargetUnreachableError } from "./errors.js";
import { reachabilityOf } from "./reachability.js";
import { type HttpAnswer, multipartBody, sendHttp } from "./http-send.js";
import { redactorFor } from "./redact.js";

/** How to authenticate: a role of the profile, no header at all, or an exact header value. */
export type Auth = Role | "none" | { header: string; role?: Role; variable?: string };

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
    // An id taken from an answer that had none ("", "undefined"): a defect of the test, never sent (flows/ids.ts).
    if (v === undefined || v === "" || v === "undefined" || v === "null")
      throw new Error(`${operationId}: path parameter ${name} is ${v === undefined ? "missing" : JSON.stringify(v)}`);
    return encodeURIComponent(v);
  });
}

function flatHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : v;
  return out;
}

/** `testId`: the test the client serves (named in a header when the plan asks for it: fault detection's first run). */
export function createClient(plan: WorkerPlan, sink: (x: Exchange) => void, testId?: string): ApiClient {
  const reach = reachabilityOf(plan.id);
  const redactor = redactorFor(plan.secrets);
  const agent = agentFor(plan.baseUrl);
  const { requestMs } = plan.profile.timeouts;

  /** The Authorization value and the variable its credential comes from (for the curl line). */
  const authOf = (auth: Auth): { header?: string; variable?: string } => {
    if (auth === "none") return {};
    if (typeof auth === "object")
      return { header: auth.header, variable: auth.variable ?? (auth.role ? plan.credentialVars[auth.role] : undefined) };
    return { header: bearer(tokenOf(plan, auth)), variable: plan.credentialVars[auth] };
  };

  async function send(operationId: OperationId | null, method: string, path: string, opts: CallOptions): Promise<Exchange> {
    const refused = reach.refusal();
    if (refused) throw new TargetUnreachableError(`${method} ${path}: not sent — ${refused}`);
    const { header, variable } = authOf(opts.auth ?? "primary");
    throwIfStopped(plan.stopFile);
    if (!spendRequest(plan.budget)) throw new BudgetExhaustedError(`the request budget of ${plan.budget.limit} requests is spent`);
    const headers: Record<string, string> = { ...opts.headers };
    if (header !== undefined) headers.Authorization = header;
    if (plan.tagTests && testId !== undefined) headers[TEST_HEADER] = encodeURIComponent(testId);
    const url = `${plan.baseUrl}${path}`;
    const curl: CurlInput = { method, url, headers, tokenVariable: variable };
    let preview = "";
    let body: Buffer | Buffer[] | undefined;
    /** the headers on the wire: the caller's and the body's Content-Type */
    const sent: Record<string, string> = { ...headers };
    if (opts.form) {
      curl.parts = [];
      const files: Record<string, { data: Buffer; filename: string; contentType: string }> = {};
      for (const [name, value] of Object.entries(opts.form.fields ?? {})) curl.parts.push({ name, value });
      for (const [name, f] of Object.entries(opts.form.files ?? {})) {
        files[name] = { data: f.data, filename: f.filename, contentType: f.contentType ?? "application/octet-stream" };
        curl.parts.push({
          name,
          filename: f.filename,
          contentType: f.contentType,
          bytes: f.data.length,
          head: Buffer.from(f.data.subarray(0, CURL_HEAD_BYTES)),
        });
      }
      const encoded = multipartBody(opts.form.fields ?? {}, files);
      sent["Content-Type"] = encoded.contentType; // curl -F writes its own
      body = encoded.body;
      preview = curl.parts
        .map((p) => (p.filename ? `${p.name}: file ${p.filename} (${p.bytes} bytes)` : `${p.name}=${p.value}`))
        .join("\n");
    } else if (opts.raw) {
      if (opts.raw.contentType !== undefined) {
        sent["Content-Type"] = opts.raw.contentType;
        curl.headers = { ...sent };
      }
      body = Buffer.isBuffer(opts.raw.data) ? opts.raw.data : Buffer.from(opts.raw.data, "utf8");
      curl.raw = opts.raw.data.toString();
      preview = curl.raw.slice(0, 2000);
    } else if (opts.body !== undefined) {
      sent["Content-Type"] = "application/json";
      curl.headers = { ...sent };
      body = Buffer.from(JSON.stringify(opts.body), "utf8");
      curl.json = opts.body;
      preview = JSON.stringify(opts.body, null, 2);
    }
    const startedAt = new Date().toISOString();
    const started = performance.now();
    let res: HttpAnswer;
    try {
      res = await sendHttp({ method, url, headers: sent, body, agent, responseMs: requestMs, deadlineMs: requestMs * 2 });
      reach.answered();
    } catch (e) {
      reach.unreachable();
      const why = e instanceof Error ? e.message : String(e);
      throw new TargetUnreachableError(
        `${method} ${redactor.url(url)}: ${redactor.text(why)}\nReproduce with:\n  ${redactor.text(toCurl(curl))}`,
      );
    }
    const record: ExchangeRecord = {
      operationId,
      request: {
        method,
        url: redactor.url(url),
        path: redactor.url(path),
        headers: redactor.headers(sent),
        bodyPreview: redactor.text(preview),
        curl: redactor.text(toCurl(curl)),
      },
      response: {
        status: res.status,
        headers: redactor.headers(flatHeaders(res.headers)),
        text: redactor.body(res.text, res.truncated),
        bytes: res.bytes,
        truncated: res.truncated,
      },
      durationMs: Math.round(performance.now() - started),
      startedAt,
      ...(opts.openCodes ? { openCodes: opts.openCodes } : {}),
    };
    // The test gets the object its sink keeps: a failure names its answer by it.
    const exchange = new Exchange(record);
    sink(exchange);
    return exchange;
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
