/** Defines the one table from source prefixes to URLs, and the link to the decision record. */
export const specLinks: Readonly<Record<string, string>> = {
  "DOC:overview#": "https://developers.id.me/documentation/services-api/overview#",
  "DOC:verification#": "https://developers.id.me/documentation/services-api/verification#",
  "DOC:telecom#": "https://developers.id.me/documentation/services-api/telecom#",
  "DOC:documents#": "https://developers.id.me/documentation/services-api/documents#",
  "DOC:webhooks#": "https://developers.id.me/documentation/services-api/webhooks#",
  "DOC:mock#": "https://developers.id.me/documentation/services-api/mock-apis#",
};

export const decisionsPath = "docs/decisions.md";

export function specUrl(ref: string): string | undefined {
  const prefix = Object.keys(specLinks).filter((p) => ref.startsWith(p)).sort((a, b) => b.length - a.length)[0];
  return prefix ? specLinks[prefix] + ref.slice(prefix.length) : undefined;
}

export function decisionUrl(decision: string): string {
  return `${decisionsPath}#${decision.toLowerCase()}`;
}
