// generated from openapi/requirements/*.yaml by scripts/generate/requirements.ts; do not edit

export interface Requirement {
  id: ReqId; area: string; level: "MUST" | "SHOULD" | "MAY"; basis: "DOC" | "DECISION" | "OPEN";
  decision?: string; operations: readonly string[]; text: string; sources: readonly string[];
}

export type ReqId =
  | "HEALTH-01"
  | "HEALTH-02";

export const requirements: Readonly<Record<ReqId, Requirement>> = {
  "HEALTH-01": {
    "id": "HEALTH-01",
    "area": "health",
    "level": "MUST",
    "basis": "DOC",
    "operations": [
      "getHealth"
    ],
    "text": "GET /health answers 200 with an empty body.",
    "sources": [
      "DOC:overview#health-check"
    ]
  },
  "HEALTH-02": {
    "id": "HEALTH-02",
    "area": "health",
    "level": "MUST",
    "basis": "DECISION",
    "decision": "D2",
    "operations": [
      "getHealth"
    ],
    "text": "GET /health answers 200 without credentials as well as with them.",
    "sources": [
      "DOC:overview#health-check"
    ]
  }
} as Record<ReqId, Requirement>;
