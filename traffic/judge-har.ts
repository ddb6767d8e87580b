/**
 * Defines `judgeHarFiles`: HAR files → judged traffic. Every credential of every file is collected first
 * (a token sent in entry 40 may be echoed in entry 3's body of another file), then each entry is matched to
 * its operation, redacted and judged; entries that are not Services API v2 calls are skipped with the reason.
 */
import { readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { HarError, type HarRead, readHar, recordOfHar } from "./har.js";
import { type Grouping, judgeTraffic, type TrafficExchange, type TrafficResult, type TrafficSkip } from "./judge.js";
import { matchRequest } from "./match.js";
import { TrafficSecrets } from "./secrets.js";

/** V8 strings end near 512 MB; a HAR that size would not fit once parsed either. */
const MAX_HAR_BYTES = 400 * 1024 * 1024;

export interface HarJudgeOptions {
  /** only entries to this origin and path (stripped); default: any host, by path */
  baseUrl?: string;
  group?: Grouping;
  exactMessages?: boolean;
  /** IDME_TOKEN_* variables are secrets too */
  env?: NodeJS.ProcessEnv;
}

export function readHarFile(path: string): HarRead {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new HarError(`cannot read ${path}: no such file`);
  }
  if (size > MAX_HAR_BYTES)
    throw new HarError(
      `${path} is ${Math.round(size / 2 ** 20)} MB, over the ${MAX_HAR_BYTES / 2 ** 20} MB a HAR may have here: split the recording`,
    );
  return readHar(readFileSync(path, "utf8"), path);
}

/** Judges HAR documents already read (`sources`: display name → content). */
export function judgeHar(sources: readonly { name: string; har: HarRead }[], o: HarJudgeOptions = {}): TrafficResult {
  const started = Date.now();
  const base = o.baseUrl ? new URL(o.baseUrl) : undefined;
  const secrets = new TrafficSecrets(o.env ?? {});
  for (const { har } of sources) for (const h of har.exchanges) secrets.addHeaders(h.request.headers);
  const r = secrets.redactor();
  const exchanges: TrafficExchange[] = [];
  const skipped: TrafficSkip[] = [];
  for (const { name, har } of sources) {
    for (const s of har.skipped)
      skipped.push({
        source: name,
        index: s.index + 1,
        ...(s.method ? { method: s.method } : {}),
        ...(s.url ? { url: r.url(s.url) } : {}),
        reason: r.text(s.reason),
      });
    for (const h of har.exchanges) {
      const where = { source: name, index: h.index + 1, method: h.request.method, url: r.url(h.request.url) };
      if (h.meta?.observeOnly) {
        skipped.push({ ...where, reason: "an exchange of an OPEN test of the suite (observed there, never judged)" });
        continue;
      }
      const m = matchRequest(h.request.method, h.request.url, base);
      if (m.kind === "skip") {
        skipped.push({ ...where, reason: m.reason });
        continue;
      }
      const operationId = m.kind === "operation" ? m.operationId : null;
      exchanges.push({
        record: recordOfHar(h, operationId, h.meta?.path ?? m.path, r),
        source: name,
        index: h.index + 1,
        ...(h.notes.length ? { notes: h.notes } : {}),
        ...(h.comment ? { comment: r.text(h.comment) } : {}),
      });
    }
  }
  const first = exchanges.reduce((m, x) => {
    const t = Date.parse(x.record.startedAt);
    return t > 0 && t < m ? t : m;
  }, Number.POSITIVE_INFINITY);
  return judgeTraffic({
    exchanges,
    skipped,
    group: o.group,
    exactMessages: o.exactMessages,
    target: `HAR: ${sources.map((s) => s.name).join(", ")}`,
    startedAt: new Date(Number.isFinite(first) ? first : started).toISOString(),
    durationMs: Date.now() - started,
  });
}

export function judgeHarFiles(files: readonly string[], o: HarJudgeOptions = {}): TrafficResult {
  const seen = new Map<string, number>();
  const sources = files.map((f) => {
    const b = basename(f);
    const n = (seen.get(b) ?? 0) + 1;
    seen.set(b, n);
    return { name: n === 1 ? b : `${b} (${n})`, har: readHarFile(f) };
  });
  return judgeHar(sources, o);
}
