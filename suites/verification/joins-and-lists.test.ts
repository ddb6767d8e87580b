// Catches: verification_id ignored on a transaction POST, missing verification_id in answers,
// one shared verification for everything, a verification that does not list its transactions
// (new or final) or lists them with stale status; product names that are not dotted lower-case (D9),
// a listing whose product differs from the transaction's own; records which names the target uses (OPEN).
// The joining and listing tests judge one verification filled with a transaction of every product
// (flows/verification.ts), arranged once for the file.
import { isDeepStrictEqual } from "node:util";
import { conformance, observe } from "../../harness/conformance.js";
import { expectStatus, expectThat, field } from "../../harness/expect.js";
import { flows } from "../../flows/transaction.js";
import { isUuid } from "../../checks/transaction-shape.js";
import { idOf } from "../../flows/ids.js";
import { fillVerification, joinedOf, listedOf } from "../../flows/verification.js";

const show = (v: unknown): string => JSON.stringify(v)?.slice(0, 400) ?? "(nothing)";
const DOTTED = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

conformance.for(flows.map((flow) => ({ req: "VERIFICATION-03" as const, flow, name: flow.operationId })))(
  "adds a $name transaction to the verification named in its verification_id",
  async ({ flow }, t) => {
    const filled = await t.shared("filled verification", fillVerification);
    const { verificationId, early: listing } = filled;
    const x = await t.part(joinedOf(filled, flow));

    expectThat(x, field(x, "verification_id") === verificationId, {
      check: "joins_verification",
      title: "the transaction answer carries the verification_id it was given",
      expected: verificationId,
      received: show(field(x, "verification_id")),
      hint: "DOC: a transaction POST with a verification_id belongs to that verification.",
    });
    const txId = field(x, "transaction_id");
    expectStatus(listing, 200);
    expectThat(
      listing,
      listedOf(listing).some((t) => t.transaction_id === txId && t.verification_id === verificationId),
      {
        check: "verification_listed",
        title: "the verification lists the new transaction",
        expected: `an entry {transaction_id: ${String(txId)}, verification_id: ${verificationId}}`,
        received: show(field(listing, "transactions")),
      },
    );
  },
);

conformance.for(flows.map((flow) => ({ req: "VERIFICATION-04" as const, flow, name: flow.operationId })))(
  "creates a new verification for a $name transaction sent without verification_id",
  async ({ flow }, t) => {
    const first = await flow.start(t);
    const second = await flow.start(t);
    const ids = [field(first, "verification_id"), field(second, "verification_id")];
    const listing = await t.api.call("getVerification", {
      params: { verification_id: await idOf(t, "VERIFICATION-04", first, "verification_id") },
    });

    expectThat(first, ids.every(isUuid) && ids[0] !== ids[1], {
      check: "new_verification",
      title: "each transaction sent without verification_id gets a new verification",
      expected: "two different UUIDs as verification_id",
      received: show(ids),
      hint: "DOC: without a verification_id a new verification is created and its id returned.",
    });
    expectStatus(listing, 200);
    expectThat(
      listing,
      isDeepStrictEqual(
        listedOf(listing).map((t) => t.transaction_id),
        [field(first, "transaction_id")],
      ),
      {
        check: "verification_listed",
        title: "the new verification lists exactly the transaction that created it",
        expected: show([field(first, "transaction_id")]),
        received: show(listedOf(listing).map((t) => t.transaction_id)),
      },
    );
  },
);

conformance("VERIFICATION-05", "lists every transaction of a verification with ids, product and current status", async (t) => {
  const { verificationId, final } = await t.shared("filled verification", fillVerification);
  const { own, listing } = await t.part(final);

  expectStatus(listing, 200);
  const listed = listedOf(listing);
  const expected = own.map(({ get }) => ({
    transaction_id: field(get, "transaction_id"),
    verification_id: verificationId,
    product: field(get, "product"),
    status: field(get, "status"),
  }));
  const missing = expected.filter((e) => !listed.some((l) => isDeepStrictEqual(l, e)));
  expectThat(listing, missing.length === 0 && listed.length === expected.length, {
    check: "verification_listed",
    title: "the verification lists each of its transactions as its own status GET shows it",
    expected: `${expected.length} entries, among them ${show(missing)}`,
    received: `${listed.length} entries: ${show(listed)}`,
    hint: "DOC: the verification GET lists {transaction_id, verification_id, product, status} of every transaction under it.",
  });
});

conformance("VERIFICATION-06", "names each listed product with the dotted lower-case name of its transaction", async (t) => {
  const { own, listing } = await t.part((await t.shared("filled verification", fillVerification)).final);

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
  const { own, listing } = await t.part((await t.shared("filled verification", fillVerification)).final);

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
