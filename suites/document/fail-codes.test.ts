// Catches: fail_<code>.jpg ignored (random or wrong code), a code outside the document family (D25).
import { pending } from "../../checks/transaction-shape.js";
import { documentForm, documentOperations } from "../../generators/documents.js";
import { frontName } from "../../generators/images.js";
import { idOf } from "../../flows/ids.js";
import { conformance } from "../../harness/conformance.js";
import { expectTransaction, must } from "../../harness/expect.js";
import { pollTransaction } from "../../harness/poll.js";
import { documentedTransactionCodes } from "../../lib/spec.js";

const rows = documentOperations.flatMap((op) => documentedTransactionCodes(op).map((code) => ({ req: "DOCUMENT-04" as const, op, code })));

conformance.for(rows)(
  "fails $op with fail_$code.jpg as status 300 with code $code",
  async ({ op, code }, t) => {
    const posted = await t.api.call(op, { form: documentForm(t.profile.imageBounds, op).valid(frontName.failingWith(code)) });
    await t.arrange("DOCUMENT-01", () => must(posted, pending(t.profile.pendingStatusCodes)));
    const id = await idOf(t, "DOCUMENT-01", posted, "transaction_id");

    const x = await t.arrange("DOCUMENT-03", () => pollTransaction(t.api, "getDocumentTransaction", id, t.profile));

    expectTransaction(x, 300, [code], "D25: a front image named fail_<code>.jpg fails with that document code.");
  },
  { capabilities: ["documentFailCodes"] },
);
