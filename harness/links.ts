/** Defines the one table from source prefixes to URLs, and the link to the decision record. */
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

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

export const decisionsPath = "docs/decisions.md";
// The record ships with the suite: link to this copy, so the link works from a report opened on disk.
const decisionsFile = pathToFileURL(join(dirname(fileURLToPath(import.meta.url)), "..", decisionsPath)).href;

export function specUrl(ref: string): string | undefined {
  const prefix = Object.keys(specLinks)
    .filter((p) => ref.startsWith(p))
    .sort((a, b) => b.length - a.length)[0];
  return prefix ? specLinks[prefix] + ref.slice(prefix.length) : undefined;
}

export function decisionUrl(decision: string): string {
  return `${decisionsFile}#${decision.toLowerCase()}`;
}
