/**
 * Puts the report's data before its code. Allure 3's single-file template places the app bundle
 * (`<script src="data:text/javascript;base64,…">`) before the scripts that define
 * `window.allureReportData`. The app starts while the parser is still reading megabytes of
 * data; if it asks for a file before the data script ran (a slower CPU, a busy machine), it
 * falls back to fetching `widgets/*.json` from disk, which file:// forbids, and the page stays
 * on its spinner for good (seen here at 4× CPU throttling in headless Chromium). Moving the
 * bundle to the end of <body> makes the data exist before any code asks for it.
 */
const APP_BUNDLE = /<script\b[^>]*\bsrc\s*=\s*["']data:(?:text|application)\/javascript[^>]*>\s*<\/script\s*>/gi;

export function dataBeforeApp(html: string): string {
  const bundles = html.match(APP_BUNDLE);
  if (!bundles) return html;
  const rest = html.replace(APP_BUNDLE, "");
  const end = rest.toLowerCase().lastIndexOf("</body");
  const at = end < 0 ? rest.length : end;
  return `${rest.slice(0, at)}${bundles.join("\n")}\n${rest.slice(at)}`;
}
