// Multipart forms of the document operations, read with bounded memory. Field names are request-controlled:
// every lookup goes through a Map, never an object used as a map.
import type { FastifyRequest } from "fastify";

export interface UploadedFile {
  filename: string;
  /** bytes seen, counted up to maxBytes + 1 (busboy drops the rest) */
  bytes: number;
  /** the first bytes, enough to tell JPEG and PNG apart */
  head: Buffer;
}

/** A text field as sent, or a part declared `application/json` (the multipart reader parses those itself). */
export type FormValue = { kind: "text"; text: string } | { kind: "json"; value: unknown };

export interface MultipartForm {
  /** the first value of each field name */
  fields: Map<string, FormValue>;
  /** fields longer than the part limit (their value is cut) */
  truncated: Set<string>;
  /** the first file of each field name */
  files: Map<string, UploadedFile>;
  /** the body was not a complete multipart form (wrong type, cut short, over a part limit) */
  broken: boolean;
}

const HEAD_BYTES = 16;

/**
 * @fastify/multipart skips a part named like an Object.prototype property (`constructor`, `__proto__`…), keeps
 * reading the others and reports the skip only when the form ends. No field of the API has such a name, so it is
 * an unknown field like any other: ignored, the form is still complete.
 */
const SKIPPED_PART = "FST_PROTO_VIOLATION";

/** Reads every part, keeping only counts and leading bytes of files: memory stays bounded whatever is sent. */
export async function readMultipart(request: FastifyRequest, maxBytes: number): Promise<MultipartForm> {
  const form: MultipartForm = { fields: new Map(), truncated: new Set(), files: new Map(), broken: false };
  if (!request.isMultipart()) return { ...form, broken: true };
  try {
    const parts = request.parts({
      limits: { fileSize: maxBytes + 1, files: 4, fields: 16, parts: 24, fieldSize: 64 * 1024 },
    });
    for await (const part of parts) {
      if (part.type === "field") {
        if (form.fields.has(part.fieldname)) continue;
        const value = part.value;
        const json = part.mimetype === "application/json" && typeof value !== "string";
        form.fields.set(part.fieldname, json ? { kind: "json", value } : { kind: "text", text: String(value) });
        if (part.valueTruncated) form.truncated.add(part.fieldname);
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
      if (!form.files.has(part.fieldname)) {
        form.files.set(part.fieldname, { filename: part.filename ?? "", bytes, head: Buffer.concat(chunks) });
      }
    }
  } catch (err) {
    if ((err as { code?: unknown }).code !== SKIPPED_PART) form.broken = true;
  }
  return form;
}
