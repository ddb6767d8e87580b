/**
 * N concurrent large uploads against a target (the mock in its own process), for the peak-RSS
 * measurement used by the benchmark and by mock/property.test.ts.
 */
import { request } from "node:http";
import { jpeg, multipart } from "./bodies.js";

export const LARGE_UPLOAD_BYTES = 16 * 1024 * 1024 - 1024; // just under the 16 MiB bound (D21): accepted, read to the end

/** Sends `count` passport uploads of `bytes` at once over node:http (one shared body); resolves to their statuses. */
export async function concurrentUploads(
  baseUrl: string,
  token: string,
  count = 8,
  bytes = LARGE_UPLOAD_BYTES,
  timeoutMs = 60_000,
): Promise<number[]> {
  const form = multipart([{ field: "front_image", filename: "success.jpg", data: jpeg(bytes) }]);
  const url = new URL("/api/v2/document/passport/verify", baseUrl);
  const one = () =>
    new Promise<number>((resolve, reject) => {
      const req = request(
        url,
        {
          method: "POST",
          headers: { authorization: `Bearer ID.me ${token}`, "content-type": form.contentType, "content-length": form.body.length },
          timeout: timeoutMs,
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
          res.on("error", reject);
        },
      );
      req.on("timeout", () => req.destroy(new Error(`upload: no answer within ${timeoutMs} ms`)));
      req.on("error", reject);
      req.end(form.body);
    });
  return Promise.all(Array.from({ length: count }, one));
}
