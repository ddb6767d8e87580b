/**
 * A small client of the Services API v2, as an SDK's integration tests would be: plain fetch, the sandbox
 * conventions, a dozen calls (health, SMS send and its transaction, identity with a failing persona, a
 * passport upload, the verification, an input error, a missing credential, an unknown transaction) and one
 * request outside the API. The traffic tests and the bench point it at the proxy (or straight at a mock).
 */
import { randomUUID } from "node:crypto";

export interface SampleAnswer {
  method: string;
  path: string;
  status: number;
  body: string;
}

const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);

/** A JPEG-signed image of `bytes` (the mock judges the type by the leading bytes, D20). */
export function image(bytes: number): Buffer {
  const b = Buffer.alloc(bytes, 0x41);
  JPEG.copy(b, 0);
  return b;
}

export async function sampleSession(baseUrl: string, token: string): Promise<SampleAnswer[]> {
  const out: SampleAnswer[] = [];
  const auth = { authorization: `Bearer ID.me ${token}` };
  const call = async (method: string, path: string, init: { headers?: Record<string, string>; body?: string | FormData } = {}) => {
    const res = await fetch(`${baseUrl}${path}`, { method, headers: init.headers, body: init.body, signal: AbortSignal.timeout(10_000) });
    const answer = { method, path, status: res.status, body: await res.text() };
    out.push(answer);
    return answer;
  };
  const json = (method: string, path: string, body: unknown) =>
    call(method, path, { headers: { ...auth, "content-type": "application/json" }, body: JSON.stringify(body) });
  const id = (a: SampleAnswer, key: string) => {
    try {
      return String((JSON.parse(a.body) as Record<string, unknown>)[key] ?? randomUUID());
    } catch {
      return randomUUID();
    }
  };

  await call("GET", "/health");
  const sms = await json("POST", "/api/v2/telecom/possession/sms/send", { phone: "8885550100" });
  await call("GET", `/api/v2/telecom/${id(sms, "transaction_id")}`, { headers: auth });
  await json("POST", "/api/v2/telecom/identity", { phone: "9995551014", birth_date: "1980-01-01" });
  await json("POST", "/api/v2/telecom/possession/sms/send", { phone: "12345" });
  await call("POST", "/api/v2/verification", { headers: { "content-type": "application/json" }, body: "{}" });
  await call("GET", `/api/v2/telecom/${randomUUID()}`, { headers: auth });
  const form = new FormData();
  form.append("front_image", new Blob([image(48 * 1024)], { type: "image/jpeg" }), "success.jpg");
  const passport = await call("POST", "/api/v2/document/passport/verify", { headers: auth, body: form });
  await call("GET", `/api/v2/verification/${id(passport, "verification_id")}`, { headers: auth });
  await call("GET", "/favicon.ico");
  return out;
}
