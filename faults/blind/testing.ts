// Test helpers of faults/blind/applies.test.ts: plain HTTP against a running mock (fetch, FormData, Blob).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { MockOptions, RunningMock } from "../../mock/server.js";
import type { Role } from "../../mock/types.js";

export interface Answer {
  status: number;
  headers: Headers;
  text: string;
  // biome-ignore lint/suspicious/noExplicitAny: answers are read freely in probes
  body: any;
}

export interface CallOptions {
  /** the role whose token goes in `Authorization: Bearer ID.me <token>`; null = no header */
  role?: Role | null;
  /** a whole Authorization header (wins over role) */
  auth?: string;
  json?: unknown;
  form?: FormData;
}

export async function api(m: RunningMock, method: string, path: string, opts: CallOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = {};
  const role = opts.role === undefined ? "primary" : opts.role;
  if (opts.auth !== undefined) headers.authorization = opts.auth;
  else if (role) headers.authorization = `Bearer ID.me ${m.tokens[role]}`;
  let body: string | FormData | undefined;
  if (opts.json !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(opts.json);
  } else if (opts.form) body = opts.form;
  const res = await fetch(m.baseUrl + path, { method, headers, body, signal: AbortSignal.timeout(20_000) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text === "" ? undefined : JSON.parse(text);
  } catch {
    /* keep the text */
  }
  return { status: res.status, headers: res.headers, text, body: parsed };
}

export const codesOf = (a: Answer): unknown[] => (Array.isArray(a.body?.errors) ? a.body.errors.map((e: { code: unknown }) => e.code) : []);

/** status + error codes: the usual summary of an answer */
export const sc = (a: Answer) => ({ status: a.status, codes: codesOf(a) });

/** status + status.code + transaction error codes */
export const tx = (a: Answer) => ({
  status: a.status,
  code: a.body?.status?.code,
  errors: (a.body?.results?.errors ?? []).map((e: { code: number }) => e.code),
});

export const KB = 1024;
export const MB = 1024 * 1024;

export function image(size: number, head: number[]): Uint8Array {
  const b = new Uint8Array(size);
  b.set(head.slice(0, size));
  return b;
}
export const JPEG_HEAD = [0xff, 0xd8, 0xff, 0xe0];
export const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
export const jpeg = (size = 64 * KB) => image(size, JPEG_HEAD);
export const png = (size = 64 * KB) => image(size, PNG_HEAD);

export interface DocParts {
  front?: Uint8Array;
  frontName?: string;
  back?: Uint8Array;
  backName?: string;
  fields?: Record<string, string>;
}

/** A document form; a missing front/back is left out. Defaults: a 64 KiB JPEG front named success.jpg. */
export function docForm(parts: DocParts = {}): FormData {
  const f = new FormData();
  const front = "front" in parts ? parts.front : jpeg();
  if (front) f.append("front_image", new Blob([front], { type: "image/jpeg" }), parts.frontName ?? "success.jpg");
  if (parts.back) f.append("back_image", new Blob([parts.back], { type: "image/jpeg" }), parts.backName ?? "back.jpg");
  for (const [k, v] of Object.entries(parts.fields ?? {})) f.append(k, v);
  return f;
}

/** A license upload with a valid back image unless told otherwise. */
export const license = (m: RunningMock, parts: DocParts = {}, role: Role = "primary") =>
  api(m, "POST", "/api/v2/document/license/verify", { role, form: docForm({ back: jpeg(), ...parts }) });

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls a document transaction until it leaves pending (100). */
export async function settle(m: RunningMock, id: string, role: Role = "primary"): Promise<Answer> {
  for (let i = 0; i < 200; i++) {
    const a = await api(m, "GET", `/api/v2/document/${id}`, { role });
    if (a.body?.status?.code !== 100) return a;
    await sleep(10);
  }
  throw new Error(`document ${id} stayed pending`);
}

export const send = (m: RunningMock, json: Record<string, unknown> = {}, role: Role = "primary") =>
  api(m, "POST", "/api/v2/telecom/possession/sms/send", { role, json: { phone: "8885550100", ...json } });

export const confirm = (m: RunningMock, json: Record<string, unknown>, role: Role = "primary") =>
  api(m, "POST", "/api/v2/telecom/possession/sms/confirm", { role, json });

export const identity = (m: RunningMock, json: Record<string, unknown> = {}, role: Role = "primary") =>
  api(m, "POST", "/api/v2/telecom/identity", { role, json: { phone: "8885550100", birth_date: "1980-01-01", ...json } });

export const createVerification = (m: RunningMock, json: Record<string, unknown> = {}, role: Role = "primary") =>
  api(m, "POST", "/api/v2/verification", { role, json });

/** A webhook receiver on loopback: answers each delivery with `status(n)` (n = 1, 2, …), records the bodies. */
export async function receiver(status: (n: number) => number = () => 200) {
  const bodies: unknown[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      try {
        bodies.push(JSON.parse(text));
      } catch {
        bodies.push(text);
      }
      res.statusCode = status(bodies.length);
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    bodies,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** Waits until `check` holds or `ms` pass. */
export async function waitFor(check: () => boolean, ms = 2000): Promise<void> {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await sleep(10);
}

/** "today" pinned for the age rules (the mock's b.today); 2025-06-15 is in a common year. */
export const TODAY = "2025-06-15";
export const pinnedToday: MockOptions = {
  configure: (b) => {
    b.today = () => new Date(`${TODAY}T12:00:00Z`);
  },
};

/** A probe: requests whose summary differs between the normal mock and the faulty one. */
export interface Probe {
  run(m: RunningMock): Promise<unknown>;
  /** the summary from the normal mock */
  clean: unknown;
  /** the summary from the mock with the fault */
  faulty: unknown;
  options?: MockOptions;
  timeoutMs?: number;
}
