/**
 * Defines `readCapped`: a superagent body parser that reads at most READ_LIMIT bytes of any
 * response (a 50 MB answer from a broken target must not fill memory) and keeps counting the rest.
 */
import type { IncomingMessage } from "node:http";

export const READ_LIMIT = 1024 * 1024;

export function readCapped(
  res: IncomingMessage,
  done: (err: Error | null, body: { text: string; bytes: number; truncated: boolean }) => void,
): void {
  const chunks: Buffer[] = [];
  let kept = 0;
  let bytes = 0;
  res.on("data", (chunk: Buffer) => {
    bytes += chunk.length;
    if (kept < READ_LIMIT) {
      const part = chunk.subarray(0, READ_LIMIT - kept);
      chunks.push(part);
      kept += part.length;
    }
  });
  res.on("end", () => done(null, { text: Buffer.concat(chunks).toString("utf8"), bytes, truncated: bytes > kept }));
  res.on("error", (e) => done(e, { text: "", bytes, truncated: true }));
}
