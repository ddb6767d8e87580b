// Catches: product names that are not dotted lower-case (D9), a listing whose product differs
// from the transaction's own; records which names the target uses (OPEN).
import { conformance, observe } from "../../harness/conformance.js";
import { expectThat, field } from "../../harness/expect.js";
import { fillVerification, listedOf } from "../../flows/verification.js";

const DOTTED = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

conformance("VERIFICATION-06", "names each listed product with the dotted lower-case name of its transaction", async (t) => {
  const { own, listing } = await fillVerification(t);

  const listed = listedOf(listing);
  const unlisted = own.filter(({ get }) => !listed.some((l) => l.transaction_id === field(get, "transaction_id")));
  // A transaction the verification does not list has no listed name to judge: VERIFICATION-05's failure.
  await t.arrange("VERIFICATION-05", () =>
    expectThat(listing, unlisted.length === 0, {
      check: "verification_listed",
      title: "arrange: the verification lists each of its transactions",
      expected: `${own.length} listed transactions`,
      received: `${listed.length} listed; not listed: ${JSON.stringify(unlisted.map(({ flow }) => flow.operationId))}`,
    }),
  );
  const wrong = own
    .map(({ flow, get }) => ({
      operation: flow.operationId,
      own: field(get, "product"),
      listed: listed.find((l) => l.transaction_id === field(get, "transaction_id"))?.product,
    }))
    .filter((p) => typeof p.listed !== "string" || !DOTTED.test(p.listed) || p.listed !== p.own);
  expectThat(listing, wrong.length === 0, {
    check: "listed_product_name",
    title: "each listed product is a dotted lower-case name equal to the transaction's own",
    expected: "e.g. document.license.verify, telecom.possession.sms (D9)",
    received: JSON.stringify(wrong),
  });
});

observe("VERIFICATION-07", "records the product name the target uses for each operation", async (t) => {
  const { own, listing } = await fillVerification(t);

  const listed = listedOf(listing);
  const seen = Object.fromEntries(
    own.map(({ flow, get }) => [
      flow.operationId,
      {
        transaction: field(get, "product"),
        verification: listed.find((l) => l.transaction_id === field(get, "transaction_id"))?.product,
      },
    ]),
  );
  await t.record("product names", seen);
});
