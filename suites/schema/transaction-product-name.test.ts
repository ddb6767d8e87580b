// SCHEMA-07 (D9): every transaction answer names its product in dotted lower case; the names seen are recorded.
import { product_name } from "../../checks/product-name.js";
import { type CreatingOperation, createAccepted } from "../../flows/accepted.js";
import { verificationTakingOperations } from "../../generators/requests.js";
import { conformance } from "../../harness/conformance.js";
import { must } from "../../harness/expect.js";

/** Every transaction POST that starts a transaction on its own (the confirm needs a send first). */
const rows = verificationTakingOperations.map((op) => ({ req: "SCHEMA-07" as const, op: op as CreatingOperation }));

conformance.for(rows)("answers $op with a dotted lower-case product name", async (row, t) => {
  const x = await createAccepted(t, row.op);
  const product = x.jsonObject()?.product;
  await t.record(`product name of ${row.op}`, product);

  must(
    x,
    (answer) =>
      product_name(answer, { exactMessages: false }) ??
      (typeof product === "string"
        ? undefined
        : { check: "product_name", title: "the transaction has no product", expected: "a product name", received: String(product) }),
  );
});
