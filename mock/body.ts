// Request bodies: JSON that never throws (M1: unparseable = missing every field) and multipart read with bounded memory.
import type { FastifyInstance, FastifyRequest } from "fastify";

/** Marks a body that could not be read as the JSON object the operation expects. */
export const UNPARSEABLE = Symbol("unparseable");
export type JsonBody = Record<string, unknown> | typeof UNPARSEABLE;

/** Replaces fastify's parsers: JSON parse errors and other content types become UNPARSEABLE, never a fastify error. */
export function installBodyParsers(app: FastifyInstance): void {
  app.removeContentTypeParser(["application/json", "text/plain"]);
  app.addContentTypeParser(/^application\/([\w.+-]+\+)?json/i, { parseAs: "string" }, (_req, text, done) => {
    try {
      const value = JSON.parse(text as string);
      done(null, value !== null && typeof value === "object" && !Array.isArray(value) ? value : UNPARSEABLE);
    } catch {
      done(null, UNPARSEABLE);
    }
  });
  // Any other type (text/plain, urlencoded, octet-stream…) is read (within bodyLimit) and ignored.
  app.addContentTypeParser("*", { parseAs: "buffer" }, (_req, _buf, done) => done(null, UNPARSEABLE));
}

/** The JSON object of a JSON operation; a multipart or missing body is UNPARSEABLE. */
export function jsonBody(request: FastifyRequest): JsonBody {
  const body = request.body as unknown;
  if (body === UNPARSEABLE || body === undefined || body === null || request.isMultipart()) return UNPARSEABLE;
  return body as Record<string, unknown>;
}

export interface UploadedFile {
  filename: string;
  /** bytes seen, counted up to maxBytes + 1 (busboy drops the rest) */
  bytes: number;
  /** the first bytes, enough to tell JPEG and PNG apart */
  head: Buffer;
}

export interface MultipartForm {
  fields: Record<string, string>;
  /** fields longer than the part limit (their value is cut) */
  truncated: Set<string>;
  files: Record<string, UploadedFile>;
  /** the body was not a complete multipart form (wrong type, cut short, over a part limit) */
  broken: boolean;
}

const HEAD_BYTES = 16;

/** Reads every part, keeping only counts and leading bytes of files: memory stays bounded whatever is sent. */
export async function readMultipart(request: FastifyRequest, maxBytes: number): Promise<MultipartForm> {
  const form: MultipartForm = { fields: {}, truncated: new Set(), files: {}, broken: false };
  if (!request.isMultipart()) return { ...form, broken: true };
  try {
    const parts = request.parts({
      limits: { fileSize: maxBytes + 1, files: 4, fields: 16, parts: 24, fieldSize: 64 * 1024 },
    });
    for await (const part of parts) {
      if (part.type === "field") {
        if (!(part.fieldname in form.fields) && typeof part.value === "string") {
          form.fields[part.fieldname] = part.value;
          if (part.valueTruncated) form.truncated.add(part.fieldname);
        }
        continue;
      }
      let bytes = 0;
      const chunks: Buffer[] = [];
      let kept = 0;
      for await (const chunk of part.file as AsyncIterable<Buffer>) {
        bytes += chunk.length;
        if (kept < HEAD_BYTES) {
          chunks.push(chunk.subarray(0, HEAD_BYTES - kept));
          kept += Math.min(chunk.length, HEAD_BYTES - kept);
        }
      }
      if (part.file.truncated) bytes = Math.max(bytes, maxBytes + 1);
      form.files[part.fieldname] ??= { filename: part.filename ?? "", bytes, head: Buffer.concat(chunks) };
    }
  } catch {
    form.broken = true;
  }
  return form;
}
