// SCHEMA-07 (D9): every transaction answer names its product in dotted lower case; the names seen are recorded.
import { conformance } from "../../../harness/conformance.js";
import { expectStatus, expectThat } from "../../../harness/expect.js";
import { product_name } from "../../../checks/product-name.js";
import { minimalRequest, verificationTakingOperations } from "../../../generators/requests.js";

/** Every transaction POST that starts a transaction on its own (the confirm needs a send first). */
const rows = verificationTakingOperations.map((op) => ({ req: "SCHEMA-07" as const, op }));

conformance.for(rows)("answers $op with a dotted lower-case product name", async (row, { api, record }) => {
  const x = await api.call(row.op, minimalRequest(row.op));
  expectStatus(x, 200, "arrange: a transaction is created");

  await record(`product name of ${row.op}`, x.jsonObject()?.product);
  const f = product_name(x);
  expectThat(
    x,
    f === undefined && typeof x.jsonObject()?.product === "string",
    f ?? {
      check: "product_name",
      title: "the transaction has no product",
      expected: "a product name",
      received: String(x.jsonObject()?.product),
    },
  );
});
