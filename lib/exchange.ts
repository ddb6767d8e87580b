/**
 * Defines `ExchangeRecord` (one HTTP request/response pair as plain data, already redacted: what travels
 * from a test to the reports, a HAR file or the proxy) and `Exchange`, the view the checks read.
 */
export interface RecordedRequest {
  method: string;
  url: string;
  path: string;
  headers: Record<string, string>;
  /** Redacted, shortened text of the body (multipart: a list of parts). */
  bodyPreview: string;
  /** A curl command that reproduces the request; the credential is the role's variable (`$IDME_TOKEN_PRIMARY`). */
  curl: string;
}

export interface RecordedResponse {
  status: number;
  headers: Record<string, string>;
  /** The body as text (cut at the read limit; see `truncated`). */
  text: string;
  bytes: number;
  truncated: boolean;
}

export interface ExchangeRecord {
  /** The spec operation the request addressed, or null (an unknown route on purpose, a foreign path). */
  operationId: string | null;
  request: RecordedRequest;
  response: RecordedResponse;
  durationMs: number;
  startedAt: string;
  /** The test declared the error codes of this answer OPEN (the reason): they are observed, never failed. */
  openCodes?: string;
}

export class Exchange {
  private parsed: { ok: boolean; value?: unknown } | undefined;

  constructor(readonly record: ExchangeRecord) {}

  get operationId(): string | null {
    return this.record.operationId;
  }
  get request(): RecordedRequest {
    return this.record.request;
  }
  get response(): RecordedResponse {
    return this.record.response;
  }
  /** when the request was sent (ISO 8601) */
  get startedAt(): string {
    return this.record.startedAt;
  }
  get durationMs(): number {
    return this.record.durationMs;
  }
  get status(): number {
    return this.record.response.status;
  }

  contentType(): string {
    return (this.response.headers["content-type"] ?? "").toLowerCase();
  }

  /** The parsed JSON body, or undefined when the body is empty or not JSON. */
  json(): unknown {
    if (this.parsed === undefined) {
      try {
        this.parsed = this.response.text.length > 0 ? { ok: true, value: JSON.parse(this.response.text) } : { ok: false };
      } catch {
        this.parsed = { ok: false };
      }
    }
    return this.parsed.ok ? this.parsed.value : undefined;
  }

  isJson(): boolean {
    this.json();
    return this.parsed?.ok === true;
  }

  /** The body as a plain object, or undefined. */
  jsonObject(): Record<string, unknown> | undefined {
    const v = this.json();
    return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  }

  /** Codes of the top-level `errors` list (numbers only; anything else is dropped, checks report it). */
  errorCodes(): number[] {
    const errors = this.jsonObject()?.errors;
    return Array.isArray(errors)
      ? errors.map((e) => (e as { code?: unknown })?.code).filter((c): c is number => typeof c === "number")
      : [];
  }

  /** `status.code` of a transaction body, or undefined. */
  transactionStatus(): number | undefined {
    const s = this.jsonObject()?.status as { code?: unknown } | undefined;
    return typeof s?.code === "number" ? s.code : undefined;
  }

  /** Codes under `results.errors` of a transaction body. */
  transactionCodes(): number[] {
    const results = this.jsonObject()?.results as { errors?: unknown } | undefined;
    const errors = results?.errors;
    return Array.isArray(errors)
      ? errors.map((e) => (e as { code?: unknown })?.code).filter((c): c is number => typeof c === "number")
      : [];
  }

  /** One line for failure messages: `POST /api/v2/... → 422 {"errors":[...]}` (a body cut at the read limit says so). */
  summary(max = 300): string {
    const body = this.response.text.length > max ? `${this.response.text.slice(0, max)}…` : this.response.text;
    const cut = this.response.truncated ? ` [${this.response.bytes} bytes, read the first ${this.response.text.length}]` : "";
    return `${this.request.method} ${this.request.path} → ${this.status}${cut} ${body || "(empty body)"}`;
  }
}
