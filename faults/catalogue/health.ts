// Health-check faults (overview "Health check", D2).
import type { CatalogueFault } from "../types.js";
import { JSON_CT, rewrite } from "../transform.js";

export const healthFaults: CatalogueFault[] = [
  {
    id: "health-json-body",
    title: "health answers a JSON body",
    description: 'GET /health answers 200 with `{"status":"ok"}` instead of an empty body.',
    breaks: ["HEALTH-01", "SCHEMA-10"],
    apply: (b) =>
      rewrite(
        b,
        (_r, c) => c.operationId === "getHealth",
        (r) => ({
          ...r,
          headers: { "content-type": JSON_CT },
          body: { status: "ok" },
        }),
      ),
  },
  {
    id: "health-requires-auth",
    title: "health needs credentials",
    description: "GET /health without an Authorization header answers 401 / 1100 (D2: it SHOULD need no credentials).",
    // 401 1100 is documented for getHealth since D2 became SHOULD: only HEALTH-02 (a warning) fails.
    breaks: ["HEALTH-02"],
    apply: (b) =>
      rewrite(
        b,
        (_r, c) => c.operationId === "getHealth" && !c.request?.headers.authorization,
        () => ({
          status: 401,
          headers: { "content-type": JSON_CT },
          body: { errors: [{ code: 1100, message: "Credentials used are not associated with any account" }] },
        }),
      ),
  },
];
