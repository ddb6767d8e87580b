// Catches: fail_<code>.jpg ignored (random or wrong code), a code outside the document family (D25).
import { conformance } from "../../../harness/conformance.js";
import { expectTransaction } from "../../../harness/expect.js";
import { pollTransaction } from "../../../harness/poll.js";
import { documentedTransactionCodes } from "../../../lib/spec.js";
import { documentForm, documentOperations } from "../../../generators/documents.js";
import { frontName } from "../../../generators/images.js";
import { expectPending } from "../../transaction/assertions.js";

const rows = documentOperations.flatMap((op) => documentedTransactionCodes(op).map((code) => ({ req: "DOCUMENT-04" as const, op, code })));

conformance.for(rows)(
  "fails $op with fail_$code.jpg as status 300 with code $code",
  async ({ op, code }, { api, profile }) => {
    const posted = await api.call(op, { form: documentForm(profile.imageBounds, op).valid(frontName.failingWith(code)) });
    expectPending(posted, profile.pendingStatusCodes);

    const x = await pollTransaction(api, "getDocumentTransaction", String(posted.jsonObject()?.transaction_id));

    expectTransaction(x, 300, [code], "D25: a front image named fail_<code>.jpg fails with that document code.");
  },
  { capabilities: ["documentFailCodes"] },
);
