// Catches: type judged by name or declared type instead of content (D20), a JPEG signature checked on two
// bytes instead of three, another image format (WebP) let in, PNG wrongly refused (front or back).
import { conformance } from "../../harness/conformance.js";
import { expectError, must } from "../../harness/expect.js";
import { documentForm, documentOperations, needsBack } from "../../generators/documents.js";
import { accepted } from "../../checks/transaction-shape.js";

const disguised = documentOperations.flatMap((op) =>
  (["gif", "pdf", "half-jpeg", "webp"] as const).map((kind) => ({ req: "DOCUMENT-07" as const, op, kind })),
);

conformance.for(disguised)("rejects $op with $kind bytes named .jpg and declared image/jpeg with 422 / 3111", async ({ op, kind }, t) => {
  const x = await t.api.call(op, { form: documentForm(t.profile.imageBounds, op).disguisedFront(kind) });

  expectError(x, 422, 3111, "D20: the type is judged by the file's leading bytes, not its name or declared type.");
});

conformance.for(documentOperations.map((op) => ({ req: "DOCUMENT-08" as const, op })))(
  "accepts $op with a PNG front image",
  async ({ op }, t) => {
    const x = await t.api.call(op, { form: documentForm(t.profile.imageBounds, op).pngFront() });

    must(x, accepted("DOC: .jpeg, .jpg and .png files are supported."));
  },
);

conformance.for(documentOperations.filter((op) => needsBack[op]).map((op) => ({ req: "DOCUMENT-08" as const, op })))(
  "accepts $op with a PNG back image",
  async ({ op }, t) => {
    const x = await t.api.call(op, { form: documentForm(t.profile.imageBounds, op).pngBack() });

    must(x, accepted("DOC: .jpeg, .jpg and .png files are supported, for the back image as for the front."));
  },
);
