// Catches: documents answered synchronously or without ids, documents pending forever, success.jpg
// not verified, fail.jpg not failing with a document code.
import { conformance } from "../../../harness/conformance.js";
import { pollTransaction } from "../../../harness/poll.js";
import { documentForm, documentOperations } from "../../../generators/documents.js";
import { frontName } from "../../../generators/images.js";
import { expectFailureShape, expectPending, expectSuccessShape } from "../../transaction/assertions.js";

const ops = documentOperations.map((op) => ({ op }));

conformance.for(ops.map((r) => ({ ...r, req: "DOCUMENT-01" as const })))(
  "answers $op with HTTP 200, a pending status and both ids",
  async ({ op }, { api, profile }) => {
    const x = await api.call(op, { form: documentForm(profile.imageBounds, op).valid() });

    expectPending(x, profile.pendingStatusCodes);
  },
);

conformance.for(ops.map((r) => ({ ...r, req: "DOCUMENT-02" as const })))(
  "completes $op with success.jpg as status 200 verified true within the polling wait",
  async ({ op }, { api, profile }) => {
    const posted = await api.call(op, { form: documentForm(profile.imageBounds, op).valid(frontName.success()) });
    expectPending(posted, profile.pendingStatusCodes);

    const x = await pollTransaction(api, "getDocumentTransaction", String(posted.jsonObject()?.transaction_id));

    expectSuccessShape(x);
  },
);

conformance.for(ops.map((r) => ({ ...r, req: "DOCUMENT-03" as const })))(
  "completes $op with fail.jpg as status 300 with a document code within the polling wait",
  async ({ op }, { api, profile }) => {
    const posted = await api.call(op, { form: documentForm(profile.imageBounds, op).valid(frontName.fail()) });
    expectPending(posted, profile.pendingStatusCodes);

    const x = await pollTransaction(api, "getDocumentTransaction", String(posted.jsonObject()?.transaction_id));

    expectFailureShape(x, op);
  },
);
