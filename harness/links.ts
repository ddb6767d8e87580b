/** Defines the one table from source prefixes to URLs, and the link to the decision record. */

export const specLinks: Readonly<Record<string, string>> = {
  // Addresses of ID.me's public pages (overview, webhooks and mock pages checked; the verification,
  // telecom and documents pages follow the same pattern).
  "DOC:overview#": "https://docs.id.me/services-api-overview#",
  "DOC:verification#": "https://docs.id.me/services-api/verification#",
  "DOC:telecom#": "https://docs.id.me/services-api/telecom#",
  "DOC:documents#": "https://docs.id.me/services-api/documents#",
  "DOC:webhooks#": "https://docs.id.me/services-api/webhooks#",
  "DOC:mock#": "https://docs.id.me/services-api/mock-apis-and-testing-tokens#",
};

export function specUrl(ref: string): string | undefined {
  const prefix = Object.keys(specLinks)
    .filter((p) => ref.startsWith(p))
    .sort((a, b) => b.length - a.length)[0];
  return prefix ? specLinks[prefix] + ref.slice(prefix.length) : undefined;
}

/**
 * The decision record as the HTML report reaches it: every run copies docs/decisions.md into its reports
 * folder, and the report (allure-report/index.html) links to it by a relative path, so the link works
 * wherever the folder is opened, on any machine.
 */
export const DECISIONS_URL = "../decisions.md";

export function decisionUrl(decision: string): string {
  return `${DECISIONS_URL}#${decision.toLowerCase()}`;
}
