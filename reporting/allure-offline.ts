/**
 * Makes a generated Allure HTML file safe to open offline: nothing in it may reach the network.
 *
 * Allure 3's awesome template always renders Google Tag Manager (`analyticsEnable: true` is
 * hard-coded in @allurereport/plugin-awesome's generators.js, no option turns it off; upstream
 * issue allure-framework/allure3#476). Rather than match that one snippet, `makeOffline` removes
 * every element that would fetch from another origin plus the analytics bootstrap, and adds a
 * Content-Security-Policy that lets the page load only what it carries itself (inline, data:,
 * blob:). Whatever a later Allure adds, in markup or from its bundle at run time, the browser
 * refuses it; `externalFetches` and the browser test say when that starts happening.
 */

/** Only what the single file carries: no origin at all, not even the file's own folder. */
export const REPORT_CSP = [
  "default-src 'none'",
  // The app bundle evaluates code it carries (no network involved); without this it never starts.
  "script-src 'unsafe-inline' 'unsafe-eval' data: blob:",
  "style-src 'unsafe-inline' data: blob:",
  "img-src data: blob:",
  "font-src data: blob:",
  "media-src data: blob:",
  "connect-src data: blob:",
  "frame-src data: blob:",
  "worker-src data: blob:",
  "object-src 'none'",
  // The template sets <base href> to the file's own URL.
  "base-uri file:",
  "form-action 'none'",
].join("; ");

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const FETCHING_TAG = /<(link|img|iframe|frame|source|audio|video|track|embed|object|input)\b[^>]*>/gi;
// Analytics bootstraps: Google's gtag/dataLayer (what Allure ships), and the usual others.
const ANALYTICS = /\bgtag\s*\(|\bdataLayer\b|googletagmanager|google-analytics|\bga\s*\(\s*['"]create|_paq\.push|plausible|matomo/i;

/** An attribute value that names another origin: `https://…`, `//host/…`, `ws:`, `ftp:` … (not data:, blob:, file:, relative). */
export function isRemote(url: string): boolean {
  const u = url.trim();
  if (/^\/\//.test(u)) return true;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(u)?.[1]?.toLowerCase();
  return scheme !== undefined && !["data", "blob", "file", "about", "javascript", "mailto"].includes(scheme);
}

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) {
    out.set(m[1].toLowerCase(), m[2] ?? m[3] ?? m[4] ?? "");
  }
  return out;
}

const URL_ATTRS = ["src", "href", "srcset", "poster", "data", "action", "formaction", "background", "imagesrcset"];

function remoteAttribute(tag: string): string | undefined {
  const attrs = attributes(tag);
  for (const name of URL_ATTRS) {
    const v = attrs.get(name);
    if (v === undefined) continue;
    const urls = name.endsWith("srcset") ? v.split(",").map((s) => s.trim().split(/\s+/)[0]) : [v];
    const remote = urls.find(isRemote);
    if (remote) return `${name}=${remote.slice(0, 120)}`;
  }
  return undefined;
}

export interface OfflineResult {
  html: string;
  /** What was taken out, one short description per element. */
  removed: string[];
}

export function makeOffline(html: string): OfflineResult {
  const removed: string[] = [];
  let out = html.replace(SCRIPT, (whole, attrs: string, body: string) => {
    const remote = remoteAttribute(`<script ${attrs}>`);
    if (remote) {
      removed.push(`script ${remote}`);
      return "";
    }
    if (ANALYTICS.test(body)) {
      removed.push(`inline analytics script: ${body.trim().slice(0, 60).replace(/\s+/g, " ")}…`);
      return "";
    }
    return whole;
  });
  out = out.replace(FETCHING_TAG, (tag: string, name: string) => {
    const remote = remoteAttribute(tag);
    if (!remote) return tag;
    removed.push(`${name.toLowerCase()} ${remote}`);
    return "";
  });
  out = out.replace(/<meta\b[^>]*http-equiv\s*=\s*["']?content-security-policy[^>]*>/gi, "");
  const csp = `<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`;
  out = /<head\b[^>]*>/i.test(out) ? out.replace(/<head\b[^>]*>/i, (h) => `${h}\n    ${csp}`) : `${csp}\n${out}`;
  return { html: out, removed };
}

/**
 * Every way the markup would make the browser fetch from another origin, as short descriptions;
 * empty when the file is self-contained. Checked: the src/href/srcset/… of every element except
 * `<a>`/`<area>` (links the reader clicks, e.g. to the spec's documentation, are allowed), CSS
 * `url()`/`@import` in style blocks, style attributes and data: stylesheets, and any http(s) URL
 * left anywhere in the markup or inline scripts outside those links and XML namespaces.
 * The app bundle (a data: script) is not read: code builds URLs at run time, a text search there
 * proves nothing; that is what the CSP and the browser test are for.
 */
export function externalFetches(html: string, restore: (text: string) => string = (t) => t): string[] {
  const found: string[] = [];
  // data: URIs are self-contained; a stylesheet among them is still read for url()/@import (its payload
  // put back first when `html` is a skeleton of html-payloads.ts).
  let text = html.replace(/data:([\w/+.-]+)((?:;[\w=.+-]+)*),([^"'\s)<>]*)/g, (_m, type: string, params: string, raw: string) => {
    if (type === "text/css") {
      const payload = restore(raw);
      const css = params.includes(";base64") ? Buffer.from(payload, "base64").toString("utf8") : decodeURIComponent(payload);
      for (const u of cssUrls(css)) found.push(`data: stylesheet ${u}`);
    }
    return "data:";
  });
  for (const m of text.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)) for (const u of cssUrls(m[1])) found.push(`<style> ${u}`);
  for (const m of text.matchAll(/\sstyle\s*=\s*"([^"]*)"/gi)) for (const u of cssUrls(m[1])) found.push(`style attribute ${u}`);
  for (const m of text.matchAll(/<([a-zA-Z][\w-]*)\b[^>]*>/g)) {
    const name = m[1].toLowerCase();
    if (name === "a" || name === "area") continue;
    const remote = remoteAttribute(m[0]);
    if (remote) found.push(`<${name}> ${remote}`);
    if (name === "meta" && /http-equiv\s*=\s*["']?refresh/i.test(m[0]) && /url\s*=/i.test(m[0])) found.push("<meta> refresh with a URL");
  }
  // Whatever is left: an http(s) URL outside a link or an XML namespace is one too many.
  text = text
    .replace(/<(a|area)\b[^>]*>/gi, "<$1>")
    .replace(/\sxmlns(:[\w-]+)?\s*=\s*("[^"]*"|'[^']*')/gi, "")
    .replace(/\b(href|src)\s*=\s*"(data:|blob:|file:)[^"]*"/gi, "");
  for (const m of text.matchAll(/https?:\/\/[^\s"'<>)\\]+/gi)) found.push(`url ${m[0].slice(0, 120)}`);
  return [...new Set(found)];
}

function cssUrls(css: string): string[] {
  const urls = [...css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/gi), ...css.matchAll(/@import\s+["']([^"']+)["']/gi)].map((m) => m[1]);
  return urls.filter(isRemote);
}
