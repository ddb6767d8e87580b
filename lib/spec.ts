/**
 * The only reader of openapi/services-v2.yaml for the mock, the suite and the reports:
 * operations, the error catalogue, and the response/schema validator.
 */
import { operations as generatedOperations, type OperationDef, type OperationId } from "../generated/operations.js";
import { validateAt, type SchemaIssue } from "./spec-ajv.js";
import { deref, escapePointer, loadSpec, resolvePointer } from "./spec-document.js";

export { loadSpec, specPath, specSha256, specId } from "./spec-document.js";
export { shortJson, type SchemaIssue } from "./spec-ajv.js";
export type { OperationDef, OperationId } from "../generated/operations.js";

// ---------------------------------------------------------------- operations

/** Every operation of the spec (generated/operations.ts, kept fresh by `npm run generate`). */
export function operations(): readonly OperationDef[] {
  return generatedOperations;
}

export function operationById(id: string): OperationDef | undefined {
  return generatedOperations.find((o) => o.id === id);
}

export function isOperationId(id: string): id is OperationId {
  return operationById(id) !== undefined;
}

interface Matcher {
  op: OperationDef;
  regex: RegExp;
  names: string[];
  literal: number;
}
let matchers: Matcher[] | undefined;

function buildMatchers(): Matcher[] {
  const list = generatedOperations.map((op) => {
    const names: string[] = [];
    const source = op.path
      .split("/")
      .map((seg) => {
        const m = /^\{(.+)\}$/.exec(seg);
        if (m) {
          names.push(m[1]);
          return "([^/]+)";
        }
        return seg.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      })
      .join("/");
    return { op, regex: new RegExp(`^${source}$`), names, literal: op.path.split("/").filter((s) => !s.startsWith("{")).length };
  });
  // Literal routes win over templated ones (`/telecom/identity` before `/telecom/{transaction_id}`).
  return list.sort((a, b) => a.names.length - b.names.length || b.literal - a.literal);
}

/** The operation a request addresses; the query string is ignored, path params are decoded. */
export function matchOperation(method: string, urlPath: string): { operationId: OperationId; params: Record<string, string> } | undefined {
  matchers ??= buildMatchers();
  const path = urlPath.split(/[?#]/, 1)[0];
  const m = method.toUpperCase();
  for (const { op, regex, names } of matchers) {
    if (op.method !== m) continue;
    const hit = regex.exec(path);
    if (!hit) continue;
    const params: Record<string, string> = {};
    names.forEach((n, i) => {
      try {
        params[n] = decodeURIComponent(hit[i + 1]);
      } catch {
        params[n] = hit[i + 1];
      }
    });
    return { operationId: op.id as OperationId, params };
  }
  return undefined;
}

// ---------------------------------------------------------------- error catalogue

export interface HttpErrorDef {
  code: number;
  status: number;
  message: string;
  /** operationIds that can answer the code (`"*"` expanded to every secured operation). */
  operations: OperationId[];
  /** True when the spec says `"*"` (every secured operation). */
  everySecured: boolean;
  decisions: string[];
  description?: string;
}

export interface TransactionErrorDef {
  code: number;
  family: "telecom" | "document";
  message: string;
  operations: OperationId[];
  decisions: string[];
  description?: string;
}

interface RawEntry {
  code: number;
  status?: number;
  family?: string;
  message: string;
  operations: string[];
  "x-decision"?: string | string[];
  description?: string;
}

let cat: { http: HttpErrorDef[]; transaction: TransactionErrorDef[] } | undefined;

function decisionsOf(v: string | string[] | undefined): string[] {
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
}

function expandOps(ops: string[]): OperationId[] {
  const secured = generatedOperations.filter((o) => o.secured).map((o) => o.id as OperationId);
  return [...new Set(ops.flatMap((o) => (o === "*" ? secured : [o as OperationId])))];
}

/** The error catalogue of the spec (`x-error-catalogue`). */
export function catalogue(): { http: HttpErrorDef[]; transaction: TransactionErrorDef[] } {
  if (cat) return cat;
  const raw = loadSpec()["x-error-catalogue"] as { http: RawEntry[]; transaction: RawEntry[] };
  cat = {
    http: raw.http.map((e) => ({
      code: e.code,
      status: e.status as number,
      message: e.message,
      operations: expandOps(e.operations),
      everySecured: e.operations.includes("*"),
      decisions: decisionsOf(e["x-decision"]),
      description: e.description,
    })),
    transaction: raw.transaction.map((e) => ({
      code: e.code,
      family: e.family as "telecom" | "document",
      message: e.message,
      operations: expandOps(e.operations),
      decisions: decisionsOf(e["x-decision"]),
      description: e.description,
    })),
  };
  return cat;
}

export function httpError(code: number): HttpErrorDef | undefined {
  return catalogue().http.find((e) => e.code === code);
}

export function transactionError(code: number): TransactionErrorDef | undefined {
  return catalogue().transaction.find((e) => e.code === code);
}

export interface OpenCodeDef {
  code: number;
  /** where a target may show it: the top-level errors list ("http") or results.errors ("transaction") */
  where: ("http" | "transaction")[];
  reason: string;
}

/** Codes whose place in the contract is unknown (`x-error-catalogue.open`): observed, never failed. */
export function openCode(code: number, where: "http" | "transaction"): OpenCodeDef | undefined {
  const list = (loadSpec()["x-error-catalogue"].open ?? []) as OpenCodeDef[];
  return list.find((e) => e.code === code && e.where.includes(where));
}

export interface ContradictionDef {
  code: number;
  status: number;
  operations: string[];
  decision: string;
  /** what a failure says about it: the published text, ID.me's table, the decision */
  text: string;
}

/** Published bodies that contradict ID.me's table (`x-error-catalogue.contradictions`) for a code, status and operation. */
export function contradictionsFor(code: number, status: number, operationId: string | null): ContradictionDef[] {
  const list = (loadSpec()["x-error-catalogue"].contradictions ?? []) as (Omit<ContradictionDef, "decision"> & { "x-decision": string })[];
  return list
    .filter((e) => e.code === code && e.status === status && operationId !== null && e.operations.includes(operationId))
    .map(({ "x-decision": decision, ...e }) => ({ ...e, decision }));
}

/** HTTP-level codes documented for a status (and, when given, for that operation). */
export function documentedHttpCodes(status: number, operationId?: string): number[] {
  return catalogue()
    .http.filter((e) => e.status === status && (operationId === undefined || e.operations.includes(operationId as OperationId)))
    .map((e) => e.code);
}

/** Transaction codes documented for an operation (all of them when none is given). */
export function documentedTransactionCodes(operationId?: string): number[] {
  return catalogue()
    .transaction.filter((e) => operationId === undefined || e.operations.includes(operationId as OperationId))
    .map((e) => e.code);
}

// ---------------------------------------------------------------- validation

interface ResponseObject {
  description?: string;
  content?: Record<string, { schema?: unknown }>;
  headers?: Record<string, unknown>;
}

function operationPointer(op: OperationDef): string {
  return `#/paths/${escapePointer(op.path)}/${op.method.toLowerCase()}`;
}

/** The response object documented for a status (exact code first, then `4XX`-style, then `default`). */
export function responseFor(operationId: string, status: number): { response: ResponseObject; pointer: string } | undefined {
  const op = operationById(operationId);
  if (!op) return undefined;
  const base = `${operationPointer(op)}/responses`;
  const responses = resolvePointer(base) as Record<string, unknown> | undefined;
  if (!responses) return undefined;
  for (const key of [String(status), `${String(status)[0]}XX`, "default"]) {
    if (responses[key] !== undefined) {
      const { node, pointer } = deref<ResponseObject>(responses[key], `${base}/${key}`);
      return { response: node, pointer };
    }
  }
  return undefined;
}

/** Is this status documented for the operation? */
export function isDocumentedStatus(operationId: string, status: number): boolean {
  return responseFor(operationId, status) !== undefined;
}

function isEmptyBody(body: unknown): boolean {
  return body === undefined || body === null || (typeof body === "string" && body.length === 0);
}

/**
 * Validates a response against the spec. `body` is parsed JSON or the raw text; `contentType` is the
 * response header (parameters ignored). An undocumented status gives `documented: false`.
 */
export function validateResponse(
  operationId: string,
  status: number,
  body: unknown,
  contentType?: string,
): { documented: boolean; issues: SchemaIssue[] } {
  const found = responseFor(operationId, status);
  if (!found) return { documented: false, issues: [] };
  const { response, pointer } = found;
  const content = response.content ?? {};
  const types = Object.keys(content);
  if (types.length === 0) {
    return {
      documented: true,
      issues: isEmptyBody(body)
        ? []
        : [
            {
              path: "$",
              expected: "no response body",
              received: shortJsonSafe(body),
              message: `HTTP ${status} of ${operationId} must have no body`,
            },
          ],
    };
  }
  const issues: SchemaIssue[] = [];
  const got = contentType?.split(";")[0].trim().toLowerCase();
  let mediaType = types[0];
  if (got !== undefined) {
    if (types.includes(got)) mediaType = got;
    else
      issues.push({
        path: "$",
        expected: `Content-Type ${types.join(" or ")}`,
        received: JSON.stringify(contentType),
        message: `HTTP ${status} of ${operationId} has Content-Type ${contentType}, documented ${types.join(", ")}`,
      });
  }
  let value = body;
  if (typeof body === "string" && /json/.test(mediaType)) {
    try {
      value = JSON.parse(body);
    } catch {
      issues.push({
        path: "$",
        expected: "a JSON document",
        received: shortJsonSafe(body),
        message: `HTTP ${status} of ${operationId}: the body is not JSON`,
      });
      return { documented: true, issues };
    }
  }
  if (content[mediaType]?.schema !== undefined) {
    issues.push(...validateAt(`${pointer}/content/${escapePointer(mediaType)}/schema`, value));
  }
  return { documented: true, issues };
}

function shortJsonSafe(v: unknown): string {
  const text = typeof v === "string" ? JSON.stringify(v) : (JSON.stringify(v) ?? String(v));
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

/** The request body's media types and schema pointers of an operation (none for GETs). */
export function requestSchemas(operationId: string): { mediaType: string; pointer: string; required: boolean }[] {
  const op = operationById(operationId);
  if (!op) return [];
  const at = `${operationPointer(op)}/requestBody`;
  const raw = resolvePointer(at);
  if (raw === undefined) return [];
  const { node, pointer } = deref<{ required?: boolean; content?: Record<string, unknown> }>(raw, at);
  return Object.keys(node.content ?? {}).map((mediaType) => ({
    mediaType,
    pointer: `${pointer}/content/${escapePointer(mediaType)}/schema`,
    required: node.required === true,
  }));
}

/**
 * Validates a request body (parsed JSON, or the fields of a multipart form with files as any
 * string) against the operation's documented schema for `mediaType` (default: the first one).
 * `undefined` is a request without a body: valid exactly when the body is not required.
 */
export function validateRequest(operationId: string, body: unknown, mediaType?: string): SchemaIssue[] {
  const schemas = requestSchemas(operationId);
  const chosen = mediaType === undefined ? schemas[0] : schemas.find((s) => s.mediaType === mediaType.split(";")[0].trim().toLowerCase());
  if (!chosen) throw new Error(`${operationId} documents no request body${mediaType ? ` of type ${mediaType}` : ""}`);
  // No body at all is a request of its own: allowed where the spec says `requestBody.required: false`.
  if (body === undefined)
    return chosen.required
      ? [{ path: "$", expected: "a request body", received: "undefined", message: `${operationId} requires a request body` }]
      : [];
  return validateAt(chosen.pointer, body);
}

/** Names of `components/schemas`. */
export function schemaNames(): string[] {
  return Object.keys(loadSpec().components?.schemas ?? {});
}

/** Validates a value against `components/schemas/<schemaName>`. */
export function validateSchema(schemaName: string, value: unknown): SchemaIssue[] {
  if (!schemaNames().includes(schemaName)) throw new Error(`Unknown schema ${schemaName}`);
  return validateAt(`#/components/schemas/${escapePointer(schemaName)}`, value);
}

/** Validates any schema of the spec by pointer (e.g. a request body's schema). */
export function validateAtPointer(pointer: string, value: unknown): SchemaIssue[] {
  return validateAt(pointer, value);
}
