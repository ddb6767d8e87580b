/**
 * Defines `Exchange`: one HTTP request/response pair as the checks and reports see it
 * (already redacted), with accessors for the parts the checks read.
 */
export interface RecordedRequest {
  method: string;
  url: string;
  path: string;
  headers: Record<string, string>;
  /** Redacted, shortened text of the body (multipart: a list of parts). */
  bodyPreview: string;
  /** A curl command that reproduces the request; the token is `$IDME_TOKEN`. */
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

export class Exchange {
  private parsed: { ok: boolean; value?: unknown } | undefined;

  constructor(
    readonly operationId: string | null,
    readonly request: RecordedRequest,
    readonly response: RecordedResponse,
    readonly durationMs: number,
  ) {}

  get status(): number {
    return this.response.status;
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

  /** One line for failure messages: `POST /api/v2/... → 422 {"errors":[...]}`. */
  summary(max = 300): string {
    const body = this.response.text.length > max ? `${this.response.text.slice(0, max)}…` : this.response.text;
    return `${this.request.method} ${this.request.path} → ${this.status} ${body || "(empty body)"}`;
  }
}
