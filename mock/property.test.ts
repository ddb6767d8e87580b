/**
 * Property tests of the mock's robustness: random JSON bodies, random multipart parts, wrong
 * content types, random headers and random paths, sent over real HTTP. Every answer must be a
 * status the spec documents for the operation (unknown routes: 404 4100, or D32's 403 2100 /
 * credentials first), with a body that validates against the spec (the error envelope for 4xx),
 * never HTML, never a 500 unless the request carried the D24 trigger phone. A second test
 * measures the mock's peak memory (separate process) under eight concurrent 16 MB uploads.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMockProcess } from "../bench/mock-process.js";
import { concurrentUploads, LARGE_UPLOAD_BYTES } from "../bench/uploads.js";
import { matchOperation, validateResponse, validateSchema } from "../lib/spec.js";
import { processEnv } from "../lib/process-env.js";
import { startMock, type RunningMock } from "./server.js";
import { multipart } from "./tests/helpers.js";

const NUM_RUNS = 200;
const REQUEST_TIMEOUT_MS = 5000;
const SERVER_ERROR_PHONE = "9995555000"; // D24: documented 500 / 5000 trigger

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ port: 0 });
});
afterAll(async () => {
  await mock?.close();
});

// ------------------------------------------------------------------ generators

const jpegHead = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const pngHead = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const filler = Buffer.alloc(48 * 1024, 0x5a);

const phone = fc.oneof(
  fc.constantFrom("888", "999", "202", "000").chain((area) => fc.stringMatching(/^\d{7}$/).map((rest) => area + rest)),
  fc.constantFrom("9995551008", "9995553104", "9995553101", "8885550100", "9995551014", "9995553107"),
  fc.string({ maxLength: 14 }),
  fc.integer(),
  fc.constant(null),
);
const uuidOrJunk = fc.oneof(fc.uuid(), fc.string({ maxLength: 40 }), fc.integer(), fc.constant(""));
const date = fc.oneof(
  fc.date({ noInvalidDate: true, min: new Date("1900-01-01"), max: new Date("2030-12-31") }).map((d) => d.toISOString().slice(0, 10)),
  fc.string({ maxLength: 12 }),
  fc.constantFrom("2001-02-29", "1990-13-01", "01/02/1990", "19900102"),
);
// Loopback callbacks go to the discard port: the mock only posts to loopback hosts.
const callbackUrl = fc.oneof(
  fc.constantFrom("http://127.0.0.1:9/hook", "https://example.com/x", "ftp://example.com", "/relative"),
  fc.webUrl(),
  fc.string({ maxLength: 30 }),
);
const anyJson = fc.jsonValue({ maxDepth: 3 });

/**
 * Deeply nested JSON, as text: JSON.stringify (and anything else that recurses) overflows at a few thousand
 * levels, JSON.parse does not. Shallow (within the 500-character metadata limit) and deep (past the stack).
 */
const deepJson = fc
  .record({
    depth: fc.oneof(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 3_000, max: 100_000 })),
    shape: fc.constantFrom("array", "object", "mixed"),
    leaf: fc.constantFrom("1", '"x"', "null", "[]", "{}"),
  })
  .map(({ depth, shape, leaf }) => {
    const open: string[] = [];
    const close: string[] = [];
    for (let i = 0; i < depth; i++) {
      const array = shape === "array" || (shape === "mixed" && i % 2 === 0);
      open.push(array ? "[" : '{"k":');
      close.push(array ? "]" : "}");
    }
    return { text: `${open.join("")}${leaf}${close.reverse().join("")}`, trace: `${shape} × ${depth} around ${leaf}` };
  });
/** Where a deep value goes in a JSON body: one field, or the whole body. */
const deepField = fc.constantFrom(
  "metadata",
  "phone",
  "birth_date",
  "code",
  "transaction_id",
  "verification_id",
  "callback_url",
  "unknown_field",
  "(whole body)",
);

/** Plausible request fields with random values, any subset of them. */
const fieldsBody = fc.record(
  {
    phone,
    birth_date: date,
    code: fc.oneof(fc.stringMatching(/^\d{6}$/), fc.constant("123123"), fc.string({ maxLength: 8 })),
    transaction_id: uuidOrJunk,
    verification_id: uuidOrJunk,
    callback_url: callbackUrl,
    metadata: anyJson,
    first_name: fc.string({ maxLength: 20 }),
    last_name: fc.string({ maxLength: 20 }),
  },
  { requiredKeys: [] },
);
const jsonBody = fc.oneof(fieldsBody, anyJson, fc.dictionary(fc.string({ maxLength: 10 }), anyJson, { maxKeys: 5 }));

const mockRoles = ["primary", "secondary", "inactiveAccount", "inactiveOrg", "productDisabled", "productInactive", "rateLimited"] as const;
/** An Authorization header (or none): valid role tokens most of the time, else broken forms. */
const authHeader = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...mockRoles).map((r) => ({ role: r as string })) },
  { weight: 1, arbitrary: fc.constant({ role: "none" }) },
  { weight: 2, arbitrary: fc.string({ maxLength: 40 }).map((s) => ({ raw: s })) },
  { weight: 1, arbitrary: fc.base64String({ maxLength: 40 }).map((s) => ({ raw: `Bearer ID.me ${s}` })) },
);
/** Extra headers with legal names and printable values (fetch refuses anything else). */
const extraHeaders = fc.dictionary(
  fc.oneof(
    fc.stringMatching(/^x-[a-z0-9-]{1,16}$/),
    fc.constantFrom("accept", "accept-language", "x-forwarded-for", "if-none-match", "cache-control", "user-agent"),
  ),
  fc.stringMatching(/^[\x21-\x7e][\x20-\x7e]{0,60}$/),
  { maxKeys: 4 },
);

const jsonOps = [
  "/api/v2/verification",
  "/api/v2/telecom/possession/sms/send",
  "/api/v2/telecom/possession/sms/confirm",
  "/api/v2/telecom/identity",
];
const documentPaths = [
  "/api/v2/document/license/verify",
  "/api/v2/document/passport/verify",
  "/api/v2/document/passcard/verify",
  "/api/v2/document/selfie/verify",
];

const filePart = fc.record({
  kind: fc.constant("file" as const),
  name: fc.oneof(fc.constantFrom("front_image", "back_image"), fc.string({ minLength: 1, maxLength: 12 })),
  filename: fc.oneof(
    fc.constantFrom("success.jpg", "fail.jpg", "fail_2003.jpg", "fail_9999.jpg", "x.png", "", "../../etc/passwd"),
    fc.string({ maxLength: 20 }),
  ),
  head: fc.constantFrom(jpegHead, pngHead, Buffer.from("GIF89a"), Buffer.alloc(0)),
  size: fc.constantFrom(0, 10, 40 * 1024, 40 * 1024 + 1, 45_000),
  type: fc.constantFrom("image/jpeg", "image/png", "application/octet-stream", "text/plain", ""),
});
const fieldPart = fc.record({
  kind: fc.constant("field" as const),
  name: fc.oneof(fc.constantFrom("callback_url", "verification_id", "metadata", "front_image"), fc.string({ minLength: 1, maxLength: 12 })),
  value: fc.oneof(
    fc.string({ maxLength: 60 }),
    callbackUrl,
    fc.uuid(),
    anyJson.map((v) => JSON.stringify(v) ?? "null"),
  ),
});

const segment = fc.oneof(
  fc.constantFrom(
    "api",
    "v2",
    "telecom",
    "document",
    "verification",
    "possession",
    "sms",
    "send",
    "confirm",
    "identity",
    "license",
    "passport",
    "verify",
    "health",
    "..",
    "%2F",
    "%ZZ",
  ),
  fc.uuid(),
  fc.stringMatching(/^[A-Za-z0-9._~-]{0,12}$/),
);

// ------------------------------------------------------------------ sending and judging

interface Sent {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: RequestInit["body"];
  trace: string;
}

function headersFor(auth: { role?: string; raw?: string }, extra: Record<string, string>): Record<string, string> {
  const h: Record<string, string> = { ...extra };
  if (auth.role && auth.role !== "none") h.authorization = `Bearer ID.me ${mock.tokens[auth.role as keyof typeof mock.tokens]}`;
  if (auth.raw !== undefined) h.authorization = auth.raw;
  return h;
}

async function send(s: Sent): Promise<{ status: number; contentType: string; text: string }> {
  const res = await fetch(mock.baseUrl + s.path, {
    method: s.method,
    headers: s.headers,
    body: s.body,
    redirect: "manual",
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  return { status: res.status, contentType: res.headers.get("content-type") ?? "", text: await res.text() };
}

/** The assertions every answer of the mock must satisfy, whatever was sent. */
function judge(s: Sent, r: { status: number; contentType: string; text: string }): void {
  const where = `${s.method} ${s.path} → ${r.status} ${r.contentType} ${r.text.slice(0, 300)}\nsent: ${s.trace.slice(0, 600)}`;
  expect(r.text.trimStart().startsWith("<"), `HTML answer: ${where}`).toBe(false);
  expect(r.contentType, `non-JSON content type: ${where}`).not.toMatch(/html/i);
  let body: unknown = r.text;
  if (r.text.length > 0) {
    expect(r.contentType, `a body that is not labelled JSON: ${where}`).toMatch(/^application\/json/);
    expect(() => (body = JSON.parse(r.text)), `body is not JSON: ${where}`).not.toThrow();
  }
  if (s.method === "HEAD") {
    // A HEAD answer has no body by definition: only its status is judged.
    expect(r.text, `HEAD with a body: ${where}`).toBe("");
    body = undefined;
  }
  if (r.status === 500) {
    expect(s.trace.includes(SERVER_ERROR_PHONE), `500 without the D24 trigger: ${where}`).toBe(true);
  }
  // HEAD is answered like GET without the body (fastify's exposeHeadRoutes; RFC 9110 9.3.2).
  // fetch sends the normalised URL (`/../health` goes out as `/health`): judge the path that was sent.
  const op = matchOperation(s.method === "HEAD" ? "GET" : s.method, new URL(s.path, "http://mock.invalid").pathname);
  if (!op) {
    // Unknown route or method: 404 4100; under /api/v2 credentials first (401); unknown product 403 2100 (D32);
    // an account over its limit gets 429 5200 first, since the account limit counts every authenticated request (D33).
    expect([401, 403, 404, 429], `unknown route: ${where}`).toContain(r.status);
    if (body !== undefined) expect(validateSchema("ErrorEnvelope", body), `error envelope: ${where}`).toEqual([]);
    if (r.status === 429 && body !== undefined)
      expect(
        (body as { errors?: { code: number }[] })?.errors?.map((e) => e.code),
        `429 on an unknown route: ${where}`,
      ).toEqual([5200]);
    return;
  }
  const v = validateResponse(op.operationId, r.status, r.text.length > 0 ? body : "", r.contentType);
  expect(v.documented, `HTTP ${r.status} is not documented for ${op.operationId}: ${where}`).toBe(true);
  if (body !== undefined) expect(v.issues, `response does not match the spec: ${where}`).toEqual([]);
  if (r.status >= 400 && body !== undefined) expect(validateSchema("ErrorEnvelope", body), `error envelope: ${where}`).toEqual([]);
}

/** A counterexample printed by its trace, not its body (a deep body is hundreds of kilobytes). */
function printable(s: Sent): Sent {
  return Object.assign(s, { [fc.toStringMethod]: () => `${s.method} ${s.path} (${s.trace.slice(0, 300)})` });
}

async function check(s: Sent): Promise<void> {
  judge(s, await send(s));
}

// A failure prints its seed; FC_SEED=<seed> replays it, FC_RUNS=<n> searches harder (default NUM_RUNS).
const knobs = processEnv();
const seed = knobs.FC_SEED ? Number(knobs.FC_SEED) : undefined;
const numRuns = knobs.FC_RUNS ? Number(knobs.FC_RUNS) : NUM_RUNS;
const run = (prop: fc.IAsyncProperty<[Sent]>) =>
  fc.assert(prop, { numRuns, seed, interruptAfterTimeLimit: numRuns > NUM_RUNS ? undefined : 20_000 });

describe("the mock under random input", () => {
  it("answers random JSON bodies on the JSON operations with documented, schema-valid answers", async () => {
    await run(
      fc.asyncProperty(
        fc.record({ path: fc.constantFrom(...jsonOps), body: jsonBody, auth: authHeader, extra: extraHeaders }).map(
          (g): Sent => ({
            method: "POST",
            path: g.path,
            headers: { ...headersFor(g.auth, g.extra), "content-type": "application/json" },
            body: JSON.stringify(g.body),
            trace: JSON.stringify(g.body),
          }),
        ),
        check,
      ),
    );
  });

  it("answers random multipart forms on the document operations with documented answers", async () => {
    await run(
      fc.asyncProperty(
        fc
          .record({
            path: fc.constantFrom(...documentPaths),
            parts: fc.array(fc.oneof(filePart, fieldPart), { maxLength: 5 }),
            auth: authHeader,
          })
          .map((g): Sent => {
            const form = new FormData();
            for (const p of g.parts) {
              if (p.kind === "field") form.append(p.name, p.value);
              else
                form.append(
                  p.name,
                  new Blob([p.head, filler.subarray(0, Math.max(0, p.size - p.head.length))], { type: p.type }),
                  p.filename,
                );
            }
            const trace = JSON.stringify(g.parts.map((p) => (p.kind === "field" ? p : { ...p, head: p.head.toString("hex") })));
            return { method: "POST", path: g.path, headers: headersFor(g.auth, {}), body: form, trace };
          }),
        check,
      ),
    );
  });

  it("answers deeply nested JSON (in metadata, in other fields, as the body) with documented answers", async () => {
    const valid = { phone: "8885551234", birth_date: "1980-01-01", code: "123123" };
    await run(
      fc.asyncProperty(
        fc.record({ path: fc.constantFrom(...jsonOps), deep: deepJson, field: deepField, auth: authHeader }).map((g): Sent => {
          // The other fields valid, so the deep value is what the answer is about; spliced in as text.
          const rest = JSON.stringify(valid).slice(1, -1);
          const body = g.field === "(whole body)" ? g.deep.text : `{${rest},${JSON.stringify(g.field)}:${g.deep.text}}`;
          return printable({
            method: "POST",
            path: g.path,
            headers: { ...headersFor(g.auth, {}), "content-type": "application/json" },
            body,
            trace: `${g.field}: ${g.deep.trace}`,
          });
        }),
        check,
      ),
    );
  });

  it("answers deeply nested metadata in document forms (text and application/json parts) with documented answers", async () => {
    await run(
      fc.asyncProperty(
        fc.record({ path: fc.constantFrom(...documentPaths), deep: deepJson, json: fc.boolean(), auth: authHeader }).map((g): Sent => {
          // Built by hand: FormData cannot send a field part with a Content-Type (a Blob becomes a file part).
          const image = Buffer.concat([jpegHead, filler]);
          const form = multipart([
            { name: "front_image", value: image, filename: "success.jpg" },
            { name: "back_image", value: image, filename: "back.jpg" },
            { name: "metadata", value: g.deep.text, type: g.json ? "application/json" : undefined },
          ]);
          return printable({
            method: "POST",
            path: g.path,
            headers: { ...headersFor(g.auth, {}), "content-type": form.type },
            body: form.body,
            trace: `metadata${g.json ? " (application/json part)" : ""}: ${g.deep.trace}`,
          });
        }),
        check,
      ),
    );
  });

  it("answers wrong content types and undecodable bodies on every POST with documented answers", async () => {
    const contentType = fc.oneof(
      fc.constantFrom(
        "text/plain",
        "application/xml",
        "application/x-www-form-urlencoded",
        "multipart/form-data",
        "multipart/form-data; boundary=zzz",
        "application/json",
        "application/json; charset=latin1",
        "application/octet-stream",
        "image/jpeg",
        "application/vnd.api+json",
      ),
      fc.stringMatching(/^[a-z]{1,10}\/[a-z0-9.+-]{1,16}$/),
    );
    const body = fc.oneof(
      fc.uint8Array({ maxLength: 2048 }).map((b) => Buffer.from(b)),
      fc.string({ maxLength: 500 }).map((s) => Buffer.from(s)),
    );
    await run(
      fc.asyncProperty(
        fc.record({ path: fc.constantFrom(...jsonOps, ...documentPaths), type: contentType, body, auth: authHeader }).map(
          (g): Sent => ({
            method: "POST",
            path: g.path,
            headers: { ...headersFor(g.auth, {}), "content-type": g.type },
            body: g.body,
            trace: `${g.type} ${g.body.toString("latin1")}`,
          }),
        ),
        check,
      ),
    );
  });

  it("answers random methods, paths and headers with documented answers or 404 4100", async () => {
    const method = fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD");
    await run(
      fc.asyncProperty(
        fc
          .record({
            method,
            segments: fc.array(segment, { maxLength: 6 }),
            prefix: fc.constantFrom("/api/v2/", "/", "/api/v2/telecom/", "/api/v2/document/"),
            query: fc.option(fc.stringMatching(/^[a-z0-9=&%]{0,20}$/)),
            auth: authHeader,
            extra: extraHeaders,
          })
          .map(
            (g): Sent => ({
              method: g.method,
              path: `${g.prefix}${g.segments.join("/")}${g.query === null ? "" : `?${g.query}`}`.replace(/\/{2,}/g, "/"),
              headers: { ...headersFor(g.auth, g.extra), accept: "text/html" },
              trace: JSON.stringify(g),
            }),
          ),
        check,
      ),
    );
  });

  it("still answers GET /health after all of that (no crash, no wedged state)", async () => {
    const r = await send({ method: "GET", path: "/health", headers: {}, trace: "" });
    expect(r.status).toBe(200);
  });
});

describe("the mock's memory under large uploads", () => {
  it("keeps its peak RSS under 400 MB during eight concurrent 16 MB uploads", { timeout: 90_000 }, async () => {
    const child = await startMockProcess();
    try {
      const before = child.rssKb();
      const statuses = await concurrentUploads(child.baseUrl, child.tokens.primary, 8, LARGE_UPLOAD_BYTES);
      const peakMb = child.peakRssKb() / 1024;
      expect(statuses, "every upload is read and answered").toEqual(Array(8).fill(200));
      expect(peakMb, `peak RSS ${peakMb.toFixed(0)} MB (before: ${(before / 1024).toFixed(0)} MB)`).toBeLessThan(400);
    } finally {
      await child.close();
    }
  });
});
