/**
 * A one-line bar at the top of each report file: the verdict, and links between the views
 * (tests by operation, by requirement). Allure 3 links its reports only through a summary page
 * whose links point at folders (`by-requirement/`), which a browser opening files from disk
 * shows as a directory listing; plain relative links to sibling files work. Static markup: it is
 * there before the app has loaded, and does not depend on Allure's UI.
 */
import type { VerdictHeadline } from "./allure-verdict.js";

export interface ReportView {
  /** File name next to this one, e.g. `by-requirement.html`. */
  file: string;
  label: string;
}

const COLOURS: Record<VerdictHeadline["verdict"], string> = {
  CONFORMANT: "#15803d",
  "NON-CONFORMANT": "#b91c1c",
  INCOMPLETE: "#b45309",
  "COULD NOT RUN": "#6b21a8",
};

export function bannerHtml(headline: Pick<VerdictHeadline, "verdict" | "line"> | undefined, views: ReportView[], current: string): string {
  const links = views
    .map((v) =>
      v.file === current
        ? `<strong aria-current="page">${escapeHtml(v.label)}</strong>`
        : `<a href="${encodeURI(v.file)}" style="color:inherit">${escapeHtml(v.label)}</a>`,
    )
    .join(" · ");
  const verdict = headline
    ? `<span data-testid="idme-verdict" style="background:${COLOURS[headline.verdict]};color:#fff;padding:2px 8px;border-radius:4px;font-weight:600">${escapeHtml(headline.line)}</span>`
    : "";
  return [
    `<nav id="idme-report-views" aria-label="Report views" style="font:14px/1.4 system-ui,sans-serif;display:flex;gap:16px;align-items:center;flex-wrap:wrap;padding:6px 16px;background:#f8fafc;border-bottom:1px solid #e2e8f0;color:#0f172a">`,
    verdict,
    views.length > 1 ? `<span>Tests: ${links}</span>` : "",
    "</nav>",
  ].join("");
}

/** Puts the bar first in <body>, replacing one from an earlier pass. */
export function injectBanner(html: string, banner: string): string {
  const cleaned = html.replace(/<nav id="idme-report-views"[\s\S]*?<\/nav>/, "");
  return cleaned.replace(/<body\b[^>]*>/i, (b) => `${b}\n    ${banner}`);
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
