// NOTFOUND-04 (D32): routes the API does not have answer 404 / 4100 in the envelope (not a framework page).
import { conformance } from "../../harness/conformance.js";
import { expectError } from "../../harness/expect.js";
import { ids } from "../../generators/ids.js";
import { product } from "../../generators/products.js";

const rows = [
  { req: "NOTFOUND-04", name: "an unknown path under /api/v2", method: "GET", path: () => `/api/v2/${product.unknown()}` },
  { req: "NOTFOUND-04", name: "an unknown API version", method: "GET", path: () => `/api/v9/telecom/${ids.unknown()}` },
  { req: "NOTFOUND-04", name: "an unknown SMS action", method: "POST", path: () => `/api/v2/telecom/possession/sms/${product.unknown()}` },
] as const;

conformance.for(rows)("answers $name with 404 / 4100", async (row, t) => {
  const x = await t.api.request(row.method, row.path());

  expectError(x, 404, 4100);
});
