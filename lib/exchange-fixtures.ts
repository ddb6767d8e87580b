/** Test fixtures: Exchange objects for the check tests, and the spec's own example bodies. */
import { Exchange } from "./exchange.js";
import { resolvePointer } from "./spec-document.js";

export interface Made {
  operationId?: string | null;
  status: number;
  /** JSON value (serialised) … */
  body?: unknown;
  /** … or the raw text. */
  text?: string;
  contentType?: string;
  openCodes?: string;
}

export function exchangeOf(m: Made): Exchange {
  const text = m.text ?? (m.body === undefined ? "" : JSON.stringify(m.body));
  const headers: Record<string, string> = {};
  const type = m.contentType ?? (m.body !== undefined ? "application/json; charset=utf-8" : undefined);
  if (type) headers["content-type"] = type;
  return new Exchange({
    operationId: m.operationId ?? null,
    request: { method: "GET", url: "http://target.test/x", path: "/x", headers: {}, bodyPreview: "", curl: "curl http://target.test/x" },
    response: { status: m.status, headers, text, bytes: Buffer.byteLength(text), truncated: false },
    durationMs: 1,
    startedAt: "2026-01-01T00:00:00.000Z",
    ...(m.openCodes ? { openCodes: m.openCodes } : {}),
  });
}

/** `components/examples/<name>.value` of openapi/services-v2.yaml, deep-copied so a test may alter it. */
export function example<T = Record<string, unknown>>(name: string): T {
  const ex = resolvePointer(`#/components/examples/${name}`) as { value?: unknown } | undefined;
  if (!ex || ex.value === undefined) throw new Error(`the spec has no example ${name}`);
  return structuredClone(ex.value) as T;
}

/** A deep copy with one dotted path set (or removed when value is undefined). */
export function withPath<T>(value: T, path: string, v: unknown): T {
  const copy = structuredClone(value) as Record<string, unknown>;
  const keys = path.split(".");
  let node: Record<string, unknown> = copy;
  for (const k of keys.slice(0, -1)) node = node[k] as Record<string, unknown>;
  const last = keys[keys.length - 1];
  if (v === undefined) delete node[last];
  else node[last] = v;
  return copy as T;
}
