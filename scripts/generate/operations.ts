/** Generates generated/operations.ts: the operation table derived from the spec's paths. */
import { loadSpec, type SpecDocument } from "../../lib/spec-document.js";

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options"] as const;

export interface OperationRow {
  id: string;
  method: string;
  path: string;
  tag: string;
  product: string | null;
  secured: boolean;
  requestContentType: string | null;
  statuses: number[];
}

/** Reads the operations out of the spec in document order. */
export function operationRows(): OperationRow[] {
  const doc = loadSpec();
  const rows: OperationRow[] = [];
  for (const [path, item] of Object.entries<SpecDocument>(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      let body = op.requestBody;
      if (body?.$ref) body = resolveLocal(doc, body.$ref);
      const security = op.security ?? doc.security ?? [];
      rows.push({
        id: op.operationId,
        method: method.toUpperCase(),
        path,
        tag: op.tags?.[0],
        product: op["x-product"] ?? null,
        secured: security.some((req: Record<string, unknown>) => Object.keys(req).length > 0),
        requestContentType: body?.content ? Object.keys(body.content)[0] : null,
        statuses: Object.keys(op.responses ?? {})
          .filter((s) => /^\d{3}$/.test(s))
          .map(Number)
          .sort((a, b) => a - b),
      });
    }
  }
  return rows;
}

function resolveLocal(doc: SpecDocument, ref: string): SpecDocument {
  return ref
    .replace(/^#\//, "")
    .split("/")
    .reduce((n, k) => n?.[k.replace(/~1/g, "/").replace(/~0/g, "~")], doc);
}

export async function generate(): Promise<{ path: string; content: string }[]> {
  const rows = operationRows();
  const lines = rows.map((r) => `  ${JSON.stringify(r).replace(/,"/g, ', "').replace(/":/g, '": ')},`);
  const content = `// generated from openapi/services-v2.yaml; do not edit (npm run generate)

export interface OperationDef {
  readonly id: string;
  readonly method: "GET" | "POST" | "PUT" | "DELETE" | "PATCH" | "HEAD" | "OPTIONS";
  readonly path: string;
  readonly tag: string;
  /** The product the operation runs (x-product); null for operations that run none or whose product is the transaction's. */
  readonly product: string | null;
  readonly secured: boolean;
  readonly requestContentType: string | null;
  readonly statuses: readonly number[];
}

export const operations = [
${lines.join("\n")}
] as const satisfies readonly OperationDef[];

export type OperationId = (typeof operations)[number]["id"];
`;
  return [{ path: "generated/operations.ts", content }];
}
