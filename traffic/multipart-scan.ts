/**
 * Defines `MultipartScanner`: the parts of a multipart/form-data body as it streams past (name, filename,
 * content type, size; the first bytes of a field's value), without keeping the body. The proxy forwards an
 * upload chunk by chunk and shows it in the reports as the suite shows its own: `front_image: file a.jpg
 * (17825792 bytes)`. Memory is bounded: the delimiter's length plus a part's headers (cut at 16 KB).
 */

export interface ScannedPart {
  name: string;
  filename?: string;
  contentType?: string;
  bytes: number;
  /** a field's value (first 1 KB); undefined for a file */
  value?: string;
}

const HEADER_LIMIT = 16 * 1024;
const VALUE_LIMIT = 1024;

/** The boundary of a multipart Content-Type, or undefined. */
export function boundaryOf(contentType: string | undefined): string | undefined {
  if (!contentType || !/^multipart\//i.test(contentType.trim())) return undefined;
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m ? (m[1] ?? m[2]) : undefined;
}

function param(header: string, name: string): string | undefined {
  const m = new RegExp(`;\\s*${name}\\*?=(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]+))`, "i").exec(header);
  if (!m) return undefined;
  return (m[1] ?? m[2] ?? "").replace(/\\(.)/g, "$1");
}

export class MultipartScanner {
  readonly parts: ScannedPart[] = [];
  /** the body did not parse as multipart (no delimiter, oversized part headers) */
  broken = false;
  private readonly delim: Buffer;
  /** "\r\n" before the body, so the first delimiter matches like every later one */
  private carry: Buffer = Buffer.from("\r\n");
  private state: "preamble" | "headers" | "body" | "done" = "preamble";
  private headerText = "";
  private current: (ScannedPart & { valueBytes?: Buffer[] }) | undefined;

  constructor(boundary: string) {
    this.delim = Buffer.from(`\r\n--${boundary}`, "latin1");
  }

  write(chunk: Buffer): void {
    if (this.state === "done") return;
    const buf = this.carry.length ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = Buffer.alloc(0);
    let i = 0;
    while (i <= buf.length) {
      if (this.state === "headers") {
        const before = this.headerText.length;
        this.headerText += buf.subarray(i).toString("latin1");
        const end = this.headerText.indexOf("\r\n\r\n");
        if (end < 0) {
          if (this.headerText.length > HEADER_LIMIT) this.giveUp();
          return;
        }
        const head = this.headerText.slice(0, end);
        i += end + 4 - before;
        this.headerText = "";
        this.startPart(head);
        this.state = "body";
        continue;
      }
      const at = buf.indexOf(this.delim, i);
      if (at < 0) {
        // The last bytes may begin a delimiter: keep them for the next chunk.
        const keep = Math.min(buf.length - i, this.delim.length - 1);
        this.body(buf.subarray(i, buf.length - keep));
        this.carry = Buffer.from(buf.subarray(buf.length - keep));
        return;
      }
      this.body(buf.subarray(i, at));
      const after = at + this.delim.length;
      if (after + 2 > buf.length) {
        this.carry = Buffer.from(buf.subarray(at));
        return;
      }
      this.endPart();
      if (buf[after] === 0x2d && buf[after + 1] === 0x2d) {
        this.state = "done";
        return; // the epilogue is not read
      }
      // Transport padding then CRLF (RFC 2046 §5.1.1); usually just the CRLF.
      const crlf = buf.indexOf("\r\n", after, "latin1");
      if (crlf < 0) {
        this.carry = Buffer.from(buf.subarray(at));
        return;
      }
      i = crlf + 2;
      this.state = "headers";
    }
  }

  /** Call at the end of the body: a body that never closed its last part is marked broken. */
  end(): ScannedPart[] {
    if (this.state !== "done") this.broken = true;
    if (this.current) this.endPart();
    return this.parts;
  }

  private giveUp(): void {
    this.broken = true;
    this.state = "done";
    this.current = undefined;
  }

  private startPart(head: string): void {
    const disposition = /^content-disposition:(.*)$/im.exec(head)?.[1] ?? "";
    const type = /^content-type:\s*(.*)$/im.exec(head)?.[1]?.trim();
    const filename = param(disposition, "filename");
    this.current = {
      name: param(disposition, "name") ?? "",
      ...(filename !== undefined ? { filename } : {}),
      ...(type ? { contentType: type } : {}),
      bytes: 0,
      ...(filename === undefined ? { valueBytes: [] } : {}),
    };
  }

  private body(bytes: Buffer): void {
    const c = this.current;
    if (!c || this.state !== "body" || bytes.length === 0) return;
    c.bytes += bytes.length;
    if (c.valueBytes) {
      const kept = c.valueBytes.reduce((n, b) => n + b.length, 0);
      if (kept < VALUE_LIMIT) c.valueBytes.push(Buffer.from(bytes.subarray(0, VALUE_LIMIT - kept)));
    }
  }

  private endPart(): void {
    const c = this.current;
    this.current = undefined;
    if (!c) return;
    const { valueBytes, ...part } = c;
    this.parts.push(valueBytes ? { ...part, value: Buffer.concat(valueBytes).toString("utf8") } : part);
  }
}

/** The preview line of each part, as harness/client.ts writes it for the suite's own uploads. */
export function partsPreview(parts: readonly ScannedPart[]): string {
  return parts
    .map((p) => (p.filename !== undefined ? `${p.name}: file ${p.filename} (${p.bytes} bytes)` : `${p.name}=${p.value ?? ""}`))
    .join("\n");
}
