// Catches: wrong image requirements per document type (a missing image accepted, a passport
// asked for a back image, a missing file answered with something other than 3109, D28).
import { conformance } from "../../harness/conformance.js";
import { expectError, expectStatus, must } from "../../harness/expect.js";
import { documentForm, documentOperations, needsBack } from "../../generators/documents.js";
import { accepted } from "../../checks/transaction-shape.js";

// The 422 is DOC (the images are required); its code is D28's reading (DOCUMENT-16, SHOULD).
const missing = [
  ...documentOperations.map((op) => ({ req: "DOCUMENT-09" as const, op, what: "without a front image", form: "withoutFront" as const })),
  ...documentOperations
    .filter((op) => needsBack[op])
    .map((op) => ({ req: "DOCUMENT-10" as const, op, what: "with a front image only", form: "frontOnly" as const })),
];

conformance.for(missing)("rejects $op $what with 422", async ({ op, form }, t) => {
  const x = await t.api.call(op, { form: documentForm(t.profile.imageBounds, op)[form]() });

  expectStatus(x, 422, "DOC: all document endpoints require a front_image; a license and a passcard a back_image too.");
});

conformance.for(missing.map((m) => ({ ...m, req: "DOCUMENT-16" as const })))(
  "answers $op $what with code 3109",
  async ({ op, form }, t) => {
    const x = await t.api.call(op, { form: documentForm(t.profile.imageBounds, op)[form]() });

    expectError(x, 422, 3109, "D28: a required image that is missing is below the minimum size.");
  },
);

conformance.for(documentOperations.filter((op) => !needsBack[op]).map((op) => ({ req: "DOCUMENT-11" as const, op })))(
  "accepts $op with a front image only",
  async ({ op }, t) => {
    const x = await t.api.call(op, { form: documentForm(t.profile.imageBounds, op).frontOnly() });

    must(x, accepted("DOC: a passport needs only front_image."));
  },
);
