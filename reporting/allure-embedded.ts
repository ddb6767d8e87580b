/**
 * Reads what Allure 3's single-file report embeds: each report file as `d("widgets/tree.json","<base64>")`
 * and the app bundle as a data: script. For the tests (tree counts, categories) and the bench
 * (where the bytes of a report go).
 */
const ENTRY = /d\("([^"]+)","([A-Za-z0-9+/=]*)"\)/g;

export function embeddedFile(html: string, name: string): Buffer | undefined {
  for (const m of html.matchAll(ENTRY)) if (m[1] === name) return Buffer.from(m[2], "base64");
  return undefined;
}

export function embeddedJson<T = unknown>(html: string, name: string): T | undefined {
  const b = embeddedFile(html, name);
  return b ? (JSON.parse(b.toString("utf8")) as T) : undefined;
}

export interface ReportBytes {
  total: number;
  /** The app's code (base64 data: script). */
  bundle: number;
  /** Embedded data by kind (`data/test-results`, `data/attachments`, `widgets`, …), as stored (base64). */
  data: Record<string, number>;
}

export function reportBytes(html: string): ReportBytes {
  const data: Record<string, number> = {};
  for (const m of html.matchAll(ENTRY)) {
    const kind = m[1].startsWith("widgets/") ? "widgets" : m[1].split("/").slice(0, 2).join("/");
    data[kind] = (data[kind] ?? 0) + m[0].length;
  }
  const bundle = [...html.matchAll(/src="data:(?:text|application)\/javascript[^"]*"/g)].reduce((n, m) => n + m[0].length, 0);
  return { total: Buffer.byteLength(html), bundle, data };
}
