// ACCESS-01, ACCESS-02 (D32): a path that names a product the API does not have answers 403 / 2100.
import { conformance } from "../../harness/conformance.js";
import { expectError } from "../../harness/expect.js";
import { ids } from "../../generators/ids.js";
import { product } from "../../generators/products.js";
import { minimalRequest } from "../../generators/requests.js";

conformance("ACCESS-01", "answers POST /api/v2/document/{unknown}/verify with 403 / 2100", async (t) => {
  const x = await t.api.request("POST", `/api/v2/document/${product.unknown()}/verify`, minimalRequest(t, "verifyLicense"));

  expectError(x, 403, 2100);
});

conformance("ACCESS-02", "answers GET /api/v2/{unknown}/{uuid} with 403 / 2100", async (t) => {
  const x = await t.api.request("GET", `/api/v2/${product.unknown()}/${ids.unknown()}`);

  expectError(x, 403, 2100);
});
