// Catches: wrong image requirements per document type (a missing image accepted, a passport
// asked for a back image, a missing file answered with something other than 3109, D28).
import { conformance } from "../../harness/conformance.js";
import { expectError, must } from "../../harness/expect.js";
import { documentForm, documentOperations, needsBack } from "../../generators/documents.js";
import { accepted } from "../../checks/transaction-shape.js";

conformance.for(documentOperations.map((op) => ({ req: "DOCUMENT-09" as const, op })))(
  "rejects $op without a front image with 422 / 3109",
  async ({ op }, t) => {
    const x = await t.api.call(op, { form: documentForm(t.profile.imageBounds, op).withoutFront() });

    expectError(x, 422, 3109, "D28: a required image that is missing is below the minimum size.");
  },
);

conformance.for(documentOperations.filter((op) => needsBack[op]).map((op) => ({ req: "DOCUMENT-10" as const, op })))(
  "rejects $op with a front image only with 422 / 3109",
  async ({ op }, t) => {
    const x = await t.api.call(op, { form: documentForm(t.profile.imageBounds, op).frontOnly() });

    expectError(x, 422, 3109, "DOC: a license and a passcard need both front_image and back_image (D28).");
  },
);

conformance.for(documentOperations.filter((op) => !needsBack[op]).map((op) => ({ req: "DOCUMENT-11" as const, op })))(
  "accepts $op with a front image only",
  async ({ op }, t) => {
    const x = await t.api.call(op, { form: documentForm(t.profile.imageBounds, op).frontOnly() });

    must(x, accepted("DOC: a passport needs only front_image."));
  },
);
