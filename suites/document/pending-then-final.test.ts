// Catches: documents answered synchronously or without ids, documents pending forever, success.jpg
// not completing, fail.jpg not failing. Whether the final state is consistent (verified true without
// errors, codes of the document family) is the standard checks' part (TRANSACTION-01/02): not asserted twice.
import { pending } from "../../checks/transaction-shape.js";
import { documentForm, documentOperations } from "../../generators/documents.js";
import { frontName } from "../../generators/images.js";
import { idOf } from "../../flows/ids.js";
import { conformance, type SharedCtx } from "../../harness/conformance.js";
import type { Exchange } from "../../lib/exchange.js";
import { expectTransaction, must } from "../../harness/expect.js";
import { pollTransaction } from "../../harness/poll.js";

const ops = documentOperations.map((op) => ({ op }));

/** One POST of a valid document with success.jpg per operation, arranged once for the file: DOCUMENT-01 judges its answer, DOCUMENT-02 polls it. */
const postSuccess = Object.fromEntries(
  documentOperations.map((op) => [
    op,
    (t: SharedCtx) => t.api.call(op, { form: documentForm(t.profile.imageBounds, op).valid(frontName.success()) }),
  ]),
) as Record<(typeof documentOperations)[number], (t: SharedCtx) => Promise<Exchange>>;

conformance.for(ops.map((r) => ({ ...r, req: "DOCUMENT-01" as const })))(
  "answers $op with HTTP 200, a pending status and both ids",
  async ({ op }, t) => {
    const x = await t.shared(`posted ${op}`, postSuccess[op]);

    must(x, pending(t.profile.pendingStatusCodes));
  },
);

conformance.for(ops.map((r) => ({ ...r, req: "DOCUMENT-02" as const })))(
  "completes $op with success.jpg as status 200 within the polling wait",
  async ({ op }, t) => {
    const posted = await t.shared(`posted ${op}`, postSuccess[op]);
    await t.arrange("DOCUMENT-01", () => must(posted, pending(t.profile.pendingStatusCodes)));

    const x = await pollTransaction(t.api, "getDocumentTransaction", await idOf(t, "DOCUMENT-01", posted, "transaction_id"), t.profile);

    expectTransaction(x, 200, [], "DOC: a front image named success.jpg succeeds.");
  },
);

conformance.for(ops.map((r) => ({ ...r, req: "DOCUMENT-03" as const })))(
  "completes $op with fail.jpg as status 300 within the polling wait",
  async ({ op }, t) => {
    const posted = await t.api.call(op, { form: documentForm(t.profile.imageBounds, op).valid(frontName.fail()) });
    await t.arrange("DOCUMENT-01", () => must(posted, pending(t.profile.pendingStatusCodes)));

    const x = await pollTransaction(t.api, "getDocumentTransaction", await idOf(t, "DOCUMENT-01", posted, "transaction_id"), t.profile);

    expectTransaction(x, 300, [], "DOC: a front image named fail.jpg fails with a document error.");
  },
);
