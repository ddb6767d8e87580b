/** Request bodies built once before a load phase (the load tool replays the same bytes). */
import { randomBytes } from "node:crypto";

const JPEG_HEAD = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]);

/** A JPEG-signed image of `size` bytes (the mock judges type by leading bytes, D20). */
export function jpeg(size: number, fill = 0x41): Buffer {
  const b = Buffer.alloc(size, fill);
  JPEG_HEAD.copy(b, 0);
  return b;
}

export interface Multipart {
  contentType: string;
  body: Buffer;
}

/** A multipart/form-data body with the given files, built by hand so it can be replayed byte for byte. */
export function multipart(
  files: { field: string; filename: string; data: Buffer; type?: string }[],
  fields: Record<string, string> = {},
): Multipart {
  const boundary = `----idmebench${randomBytes(8).toString("hex")}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.filename}"\r\nContent-Type: ${f.type ?? "image/jpeg"}\r\n\r\n`,
      ),
    );
    parts.push(f.data, Buffer.from("\r\n"));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat(parts) };
}

/** The license upload of the throughput phase: two 45 KB images, front named for success. */
export function licenseUpload(): Multipart {
  return multipart([
    { field: "front_image", filename: "success.jpg", data: jpeg(45 * 1024) },
    { field: "back_image", filename: "back.jpg", data: jpeg(45 * 1024, 0x42) },
  ]);
}
