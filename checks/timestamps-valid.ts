/**
 * `timestamps_valid` (D8): `status.created` / `status.updated` of a transaction (and of each
 * transaction in a verification) are ISO-8601 date-times with milliseconds and an offset, real
 * instants, and `updated` is not before `created`.
 */
import { failureFromIssues, type Check } from "./types.js";

const ISO_MILLIS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}(Z|[+-]\d{2}:\d{2})$/;

function stampIssue(where: string, v: unknown): string | undefined {
  if (typeof v !== "string") return `${where} is ${JSON.stringify(v) ?? "missing"}, expected an ISO-8601 date-time`;
  if (!ISO_MILLIS.test(v)) return `${where} ${JSON.stringify(v)} is not YYYY-MM-DDThh:mm:ss.sss with Z or ±hh:mm`;
  if (Number.isNaN(Date.parse(v))) return `${where} ${JSON.stringify(v)} is not a real date-time`;
  return undefined;
}

/** Issues of one `status` object found at `where`. */
export function statusStampIssues(status: unknown, where: string): string[] {
  if (status === null || typeof status !== "object") return [];
  const { created, updated } = status as { created?: unknown; updated?: unknown };
  const out = [stampIssue(`${where}.created`, created), stampIssue(`${where}.updated`, updated)].filter(
    (s): s is string => s !== undefined,
  );
  if (out.length === 0 && Date.parse(updated as string) < Date.parse(created as string)) {
    out.push(`${where}.updated ${updated} is before ${where}.created ${created} (D8)`);
  }
  return out;
}

export const timestamps_valid: Check = (x) => {
  const body = x.jsonObject();
  if (x.status !== 200 || !body) return undefined;
  const nested = Array.isArray(body.transactions) ? body.transactions : [];
  const issues = [
    ...("status" in body ? statusStampIssues(body.status, "status") : []),
    ...nested.flatMap((t, i) => statusStampIssues((t as { status?: unknown } | null)?.status, `transactions[${i}].status`)),
  ];
  return failureFromIssues(
    "timestamps_valid",
    issues,
    "created/updated like 2023-05-01T11:56:53.504-04:00 or 2023-04-04T21:15:52.171Z, updated ≥ created",
    "D8: ISO-8601 with milliseconds and an offset, as every published example; updated never precedes created.",
  );
};
